package dev.jdbccache.driver.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.UUID;

/**
 * The bytes that identify a {@link QueryKey} outside the JVM: the same inputs always give the same
 * bytes, and different keys give different bytes (every value carries a type tag and every
 * variable-length part its length). A shared store keeps them with the entry and compares them on
 * a hit, so a digest collision is a miss. Stateless.
 */
final class KeyMaterial {

    private static final byte FORMAT = 1;

    private KeyMaterial() {
    }

    /**
     * @throws IllegalArgumentException for a parameter value of a class that cannot be key material
     *     (cannot happen for values accepted by {@link BoundParameters}; the store then bypasses)
     */
    static byte[] of(String database, String sql, Object[] parameters, String session, long maxRows, int resultSetType) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + sql.length() * 2 + parameters.length * 16);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeByte(FORMAT);
            text(out, database);
            text(out, sql);
            text(out, session);
            out.writeLong(maxRows);
            out.writeInt(resultSetType);
            out.writeInt(parameters.length);
            for (Object parameter : parameters) {
                if (parameter instanceof BoundParameters.Slot slot) {
                    out.writeByte('S');
                    text(out, slot.binding().name());
                    value(out, slot.value());
                    value(out, slot.extra());
                } else {
                    value(out, parameter); // an unset slot (null), or a raw value
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory stream: cannot happen
        }
        return bytes.toByteArray();
    }

    private static void value(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte('0');
        } else if (value instanceof String s) {
            out.writeByte('s');
            text(out, s);
        } else if (value instanceof Integer i) {
            out.writeByte('i');
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte('l');
            out.writeLong(l);
        } else if (value instanceof Short s) {
            out.writeByte('h');
            out.writeShort(s);
        } else if (value instanceof Byte b) {
            out.writeByte('b');
            out.writeByte(b);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? 'T' : 'F');
        } else if (value instanceof Double d) {
            out.writeByte('d');
            out.writeLong(Double.doubleToLongBits(d)); // the bits Double.equals compares
        } else if (value instanceof Float f) {
            out.writeByte('f');
            out.writeInt(Float.floatToIntBits(f));
        } else if (value instanceof BigDecimal d) {
            out.writeByte('D');
            out.writeInt(d.scale()); // 1.0 and 1.00 are different keys, as BigDecimal.equals says
            blob(out, d.unscaledValue().toByteArray());
        } else if (value instanceof BigInteger i) {
            out.writeByte('I');
            blob(out, i.toByteArray());
        } else if (value instanceof Character c) {
            out.writeByte('c');
            out.writeChar(c);
        } else if (value instanceof UUID u) {
            out.writeByte('u');
            out.writeLong(u.getMostSignificantBits());
            out.writeLong(u.getLeastSignificantBits());
        } else if (value instanceof byte[] b) {
            out.writeByte('B');
            blob(out, b);
        } else if (value instanceof java.sql.Timestamp t) {
            out.writeByte('t');
            out.writeLong(t.getTime());
            out.writeInt(t.getNanos());
        } else if (value instanceof java.sql.Date d) {
            out.writeByte('a');
            out.writeLong(d.getTime());
        } else if (value instanceof java.sql.Time t) {
            out.writeByte('m');
            out.writeLong(t.getTime());
        } else if (value instanceof TemporalAccessor && value.getClass().getName().startsWith("java.time.")) {
            out.writeByte('j'); // ISO text of java.time values is complete and unambiguous per class
            text(out, value.getClass().getName());
            text(out, value.toString());
        } else if (value instanceof BoundParameters.ArrayValue array) {
            out.writeByte('A');
            text(out, array.baseType());
            out.writeInt(array.elements().size());
            for (Object element : array.elements()) {
                value(out, element);
            }
        } else {
            throw new IllegalArgumentException("not key material: " + value.getClass().getName());
        }
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        blob(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void blob(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
