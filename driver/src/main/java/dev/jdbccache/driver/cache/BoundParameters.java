package dev.jdbccache.driver.cache;

import dev.jdbccache.invalidation.BoundValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLType;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Calendar;
import java.util.UUID;

/**
 * The parameters bound to a prepared statement, as key material: each slot remembers how it was
 * bound (the setter and SQL type) and an immutable copy of the value, so that
 * {@code setInt(1, 5)} and {@code setString(1, "5")} are different keys. A value that cannot be
 * part of a key (a stream, a LOB, a mutable object of unknown class) makes the current binding
 * <em>opaque</em>: the execution bypasses the cache. Not thread-safe.
 */
public final class BoundParameters {

    /** How a parameter was bound; part of the key. */
    public enum Binding {
        NULL, BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL, STRING, NSTRING, BYTES,
        DATE, TIME, TIMESTAMP, OBJECT, URL, ARRAY
    }

    /**
     * An array parameter's content, copied when bound ({@code setArray}, or {@code setObject}
     * with a {@code java.sql.Array} or a Java array): key material like any other value, and the
     * values of a {@code c = ANY(?)} footprint. {@code baseType} is the SQL base type name (or
     * the Java component type), part of the key.
     */
    public record ArrayValue(String baseType, List<Object> elements) {
    }

    /** One bound slot. {@code extra} holds the SQL type, scale or calendar zone that qualifies it. */
    record Slot(Binding binding, Object value, Object extra) { // package-private: KeyMaterial serializes it
        @Override
        public boolean equals(Object o) {
            return o instanceof Slot other && binding == other.binding
                    && java.util.Objects.equals(extra, other.extra)
                    && java.util.Objects.deepEquals(value, other.value);
        }

        @Override
        public int hashCode() {
            int h = 31 * binding.hashCode() + java.util.Objects.hashCode(extra);
            return 31 * h + (value instanceof byte[] bytes ? Arrays.hashCode(bytes) : java.util.Objects.hashCode(value));
        }
    }

    private static final Object[] NONE = new Object[0];

    private Object[] slots = NONE;
    private int count;
    private int opaque;

    /** Records a binding. {@code value} must already be an immutable copy (see {@link #copyOf}). */
    public void set(int index, Binding binding, Object value, Object extra) {
        if (index < 1) {
            return; // the real driver rejects it when the setter is delegated
        }
        ensure(index);
        Object previous = slots[index - 1];
        if (previous == OPAQUE) {
            opaque--;
        }
        slots[index - 1] = new Slot(binding, value, extra);
    }

    /** Records a binding that cannot be key material (streams, LOBs, unknown objects). */
    public void setOpaque(int index) {
        if (index < 1) {
            return;
        }
        ensure(index);
        if (slots[index - 1] != OPAQUE) {
            slots[index - 1] = OPAQUE;
            opaque++;
        }
    }

    /** Binds {@code value} as with {@code setObject}: key material when its class is known to be immutable. */
    public void setObject(int index, Object value, Object extra) {
        if (value == null) {
            set(index, Binding.OBJECT, null, extra);
            return;
        }
        Object copy = copyOf(value);
        if (copy == OPAQUE) {
            setOpaque(index);
        } else {
            set(index, Binding.OBJECT, copy, extra);
        }
    }

    public void clear() {
        Arrays.fill(slots, null);
        count = 0;
        opaque = 0;
    }

    /** True when every bound value can be part of a key. */
    public boolean keyable() {
        return opaque == 0;
    }

    /** The key material: a snapshot of the slots. */
    public Object[] snapshot() {
        return count == 0 ? NONE : Arrays.copyOf(slots, count);
    }

    /**
     * The values of a {@link #snapshot()} as footprint evaluation reads them: SQL NULL as
     * {@code null}, an array's elements as a list, anything not key material (or not bound) as
     * {@link BoundValues#UNKNOWN}; {@code snapshot} null: no parameters.
     */
    public static BoundValues view(Object[] snapshot) {
        if (snapshot == null) {
            return BoundValues.NONE;
        }
        return index -> {
            if (index < 1 || index > snapshot.length || !(snapshot[index - 1] instanceof Slot slot)) {
                return BoundValues.UNKNOWN;
            }
            if (slot.binding() == Binding.NULL || slot.value() == null) {
                return null;
            }
            return slot.value() instanceof ArrayValue array ? array.elements() : slot.value();
        };
    }

    /** A qualifier for Calendar-taking setters: the calendar's zone decides the value sent. */
    public static Object calendarZone(Calendar calendar) {
        return calendar == null ? null : calendar.getTimeZone().getID();
    }

    /** A qualifier for SQLType-taking setters. */
    public static Object sqlType(SQLType type) {
        return type == null ? null : type.getVendor() + "." + type.getName() + "." + type.getVendorTypeNumber();
    }

    /**
     * An immutable copy of a value of a known class, or {@link #OPAQUE}: java.sql date/time
     * classes and arrays are mutable, so they are copied; anything unknown is opaque.
     */
    public static Object copyOf(Object value) {
        if (value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof Boolean
                || value instanceof Double || value instanceof Float || value instanceof BigDecimal
                || value instanceof BigInteger || value instanceof Character || value instanceof UUID) {
            return value;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (value instanceof java.sql.Timestamp ts) {
            java.sql.Timestamp copy = new java.sql.Timestamp(ts.getTime());
            copy.setNanos(ts.getNanos());
            return copy;
        }
        if (value instanceof java.sql.Date d) {
            return new java.sql.Date(d.getTime());
        }
        if (value instanceof java.sql.Time t) {
            return new java.sql.Time(t.getTime());
        }
        if (value instanceof TemporalAccessor && value.getClass().getName().startsWith("java.time.")) {
            return value; // java.time values are immutable
        }
        if (value instanceof java.net.URL url) {
            return url.toExternalForm();
        }
        if (value instanceof java.sql.Array array) {
            try {
                return arrayOf(array.getArray(), array.getBaseTypeName());
            } catch (java.sql.SQLException | RuntimeException e) {
                return OPAQUE;
            }
        }
        if (value.getClass().isArray() && !(value instanceof char[])) {
            return arrayOf(value, value.getClass().getComponentType().getName());
        }
        return OPAQUE;
    }

    /** An {@link ArrayValue} of a Java array whose elements are all key material, else {@link #OPAQUE}. */
    private static Object arrayOf(Object content, String baseType) {
        if (content == null || !content.getClass().isArray() || content instanceof byte[] || content instanceof char[]) {
            return OPAQUE;
        }
        int length = java.lang.reflect.Array.getLength(content);
        List<Object> elements = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            Object element = java.lang.reflect.Array.get(content, i);
            if (element != null) {
                element = copyOf(element);
                if (element == OPAQUE || element instanceof byte[] || element instanceof ArrayValue) {
                    return OPAQUE; // nested arrays and bytea elements: not worth the key material
                }
            }
            elements.add(element);
        }
        return new ArrayValue(baseType, Collections.unmodifiableList(elements));
    }

    /** Marks a slot whose value cannot be key material. */
    public static final Object OPAQUE = new Object() {
        @Override
        public String toString() {
            return "OPAQUE";
        }
    };

    private void ensure(int index) {
        if (index > slots.length) {
            slots = Arrays.copyOf(slots, Math.max(index, slots.length * 2 + 4));
        }
        count = Math.max(count, index);
    }
}
