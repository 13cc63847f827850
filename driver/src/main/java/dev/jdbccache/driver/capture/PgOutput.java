package dev.jdbccache.driver.capture;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the messages of PostgreSQL's {@code pgoutput} plugin, protocol version 1 (the format
 * of "Logical Replication Message Formats" in the PostgreSQL manual), into calls of a
 * {@link Listener}. Values arrive in their text form. Keeps the relations the stream described;
 * not thread-safe (one per stream).
 */
final class PgOutput {

    /** The value of a column the message leaves out: an unchanged TOASTed value. */
    static final String UNCHANGED = new String("unchanged-toast"); // compared by identity

    /** Microseconds from the Unix epoch to PostgreSQL's (2000-01-01). */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    /** A column of a relation; {@code key} when it is part of the replica identity. */
    record Column(String name, boolean key) {
    }

    /** A table as the stream describes it. */
    record Relation(int oid, String schema, String name, char replicaIdentity, List<Column> columns) {
        int indexOf(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(column)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** What the stream says, in commit order. */
    interface Listener {
        void begin(long commitMillis);

        /** A relation was described; {@code previous} is the earlier description of its oid, or {@code null}. */
        void relation(Relation relation, Relation previous);

        void insert(Relation relation, String[] after);

        /**
         * @param oldKind {@code 'K'} (the old key), {@code 'O'} (the old row, REPLICA IDENTITY FULL)
         *                or {@code 0} when the message has no old tuple (the key did not change)
         */
        void update(Relation relation, char oldKind, String[] before, String[] after);

        void delete(Relation relation, char oldKind, String[] before);

        void truncate(List<Relation> relations);

        void commit(long endLsn, long commitMillis);
    }

    private final Map<Integer, Relation> relations = new HashMap<>();

    /** Decodes one message (the buffer's remaining bytes). */
    void decode(ByteBuffer message, Listener listener) {
        ByteBuffer in = message.slice();
        char type = (char) in.get();
        switch (type) {
            case 'B' -> {
                in.getLong(); // the transaction's final LSN
                long commitMicros = in.getLong();
                listener.begin(millis(commitMicros));
            }
            case 'C' -> {
                in.get(); // flags
                in.getLong(); // the commit's LSN
                long endLsn = in.getLong();
                listener.commit(endLsn, millis(in.getLong()));
            }
            case 'R' -> relation(in, listener);
            case 'I' -> {
                Relation relation = relation(in.getInt());
                expect(in, 'N');
                listener.insert(relation, tuple(in));
            }
            case 'U' -> {
                Relation relation = relation(in.getInt());
                char kind = (char) in.get();
                String[] before = null;
                char oldKind = 0;
                if (kind == 'K' || kind == 'O') {
                    oldKind = kind;
                    before = tuple(in);
                    kind = (char) in.get();
                }
                if (kind != 'N') {
                    throw new IllegalStateException("pgoutput: an update without its new tuple ('" + kind + "')");
                }
                listener.update(relation, oldKind, before, tuple(in));
            }
            case 'D' -> {
                Relation relation = relation(in.getInt());
                char kind = (char) in.get();
                if (kind != 'K' && kind != 'O') {
                    throw new IllegalStateException("pgoutput: a delete without its old tuple ('" + kind + "')");
                }
                listener.delete(relation, kind, tuple(in));
            }
            case 'T' -> {
                int count = in.getInt();
                in.get(); // options: CASCADE, RESTART IDENTITY
                List<Relation> truncated = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    truncated.add(relation(in.getInt()));
                }
                listener.truncate(truncated);
            }
            default -> {
                // 'O' origin, 'Y' type, 'M' logical message: nothing to invalidate
            }
        }
    }

    private void relation(ByteBuffer in, Listener listener) {
        int oid = in.getInt();
        String schema = string(in);
        String name = string(in);
        char identity = (char) in.get();
        int count = Short.toUnsignedInt(in.getShort());
        List<Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean key = (in.get() & 1) != 0;
            String column = string(in);
            in.getInt(); // type oid
            in.getInt(); // type modifier
            columns.add(new Column(column, key));
        }
        Relation relation = new Relation(oid, schema, name, identity, List.copyOf(columns));
        listener.relation(relation, relations.put(oid, relation));
    }

    private Relation relation(int oid) {
        Relation relation = relations.get(oid);
        if (relation == null) {
            throw new IllegalStateException("pgoutput: a change of relation " + oid + " before its description");
        }
        return relation;
    }

    private static String[] tuple(ByteBuffer in) {
        int count = Short.toUnsignedInt(in.getShort());
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            char kind = (char) in.get();
            switch (kind) {
                case 'n' -> values[i] = null;
                case 'u' -> values[i] = UNCHANGED;
                case 't', 'b' -> {
                    int length = in.getInt();
                    byte[] bytes = new byte[length];
                    in.get(bytes);
                    values[i] = kind == 't' ? new String(bytes, StandardCharsets.UTF_8) : UNCHANGED; // binary: not asked for
                }
                default -> throw new IllegalStateException("pgoutput: unknown column kind '" + kind + "'");
            }
        }
        return values;
    }

    private static void expect(ByteBuffer in, char expected) {
        char kind = (char) in.get();
        if (kind != expected) {
            throw new IllegalStateException("pgoutput: expected '" + expected + "', found '" + kind + "'");
        }
    }

    private static String string(ByteBuffer in) {
        int start = in.position();
        int end = start;
        while (in.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        in.get(bytes);
        in.get(); // the terminating zero
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static long millis(long postgresMicros) {
        return (postgresMicros + POSTGRES_EPOCH_MICROS) / 1000;
    }
}
