package dev.jdbccache.driver.capture;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes pgoutput (protocol 1) messages as PostgreSQL sends them, for the decoder's tests. */
final class PgOutputMessages {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    static PgOutputMessages of(char type) {
        PgOutputMessages m = new PgOutputMessages();
        return m.b(type);
    }

    PgOutputMessages b(int value) {
        try {
            out.writeByte(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PgOutputMessages i16(int value) {
        try {
            out.writeShort(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PgOutputMessages i32(int value) {
        try {
            out.writeInt(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PgOutputMessages i64(long value) {
        try {
            out.writeLong(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PgOutputMessages string(String value) {
        try {
            out.write(value.getBytes(StandardCharsets.UTF_8));
            out.writeByte(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** TupleData: each value as text, {@code null} as 'n', {@link PgOutput#UNCHANGED} as 'u'. */
    PgOutputMessages tuple(String... values) {
        i16(values.length);
        for (String v : values) {
            if (v == null) {
                b('n');
            } else if (v == PgOutput.UNCHANGED) {
                b('u');
            } else {
                byte[] text = v.getBytes(StandardCharsets.UTF_8);
                b('t').i32(text.length);
                try {
                    out.write(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return this;
    }

    /** A Relation message: {@code columns} as name, with a leading '*' for a replica identity column. */
    static ByteBuffer relation(int oid, String schema, String name, char identity, String... columns) {
        PgOutputMessages m = of('R').i32(oid).string(schema).string(name).b(identity).i16(columns.length);
        for (String c : columns) {
            boolean key = c.startsWith("*");
            m.b(key ? 1 : 0).string(key ? c.substring(1) : c).i32(23).i32(-1);
        }
        return m.buffer();
    }

    ByteBuffer buffer() {
        // a buffer whose content does not start at 0, as pgjdbc hands out
        byte[] content = bytes.toByteArray();
        byte[] padded = new byte[content.length + 3];
        System.arraycopy(content, 0, padded, 3, content.length);
        return ByteBuffer.wrap(padded, 3, content.length);
    }
}
