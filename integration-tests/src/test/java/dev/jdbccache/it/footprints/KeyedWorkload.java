package dev.jdbccache.it.footprints;

import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.driver.result.CachedResultSet;
import dev.jdbccache.it.footprints.KeyedHistory.State;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The keyed consistency checker's workload (DESIGN.md section 8): {@code acct(id primary key,
 * grp references grp_meta, version)} with an index on {@code grp}, written by key (updates by
 * primary key, by key and group, moves to another group, deletes by key and by group, inserts
 * of new keys, group metadata updates; in autocommit, transactions, rollbacks and batches) and
 * read by key, by group, by IN and ANY lists, through a join pinned by an equality, an outer join
 * and an OR. Each writer owns its rows and groups, so it knows their exact state; every read is
 * checked against what was known before it began: a version below the known one is stale, and
 * so is a missing row that was present, and stayed so, for the whole read.
 *
 * <p>{@link BrokenFootprints} reads {@link #MOVING_TO} and {@link #OR_GROUP} to break the rules the
 * checker must catch; a sound run ignores them.
 */
final class KeyedWorkload {

    /** The group a move is about to write (for the broken "new value only" rule). */
    static final ThreadLocal<Integer> MOVING_TO = new ThreadLocal<>();
    /** The group of {@code grp = ? OR id = ?} about to be read (for the broken "ignores OR" footprint). */
    static final ThreadLocal<Integer> OR_GROUP = new ThreadLocal<>();

    static final int WRITERS = 3;
    static final int GROUPS_PER_WRITER = 2;
    static final int ROWS_PER_WRITER = 8;
    static final int GROUPS = WRITERS * GROUPS_PER_WRITER;
    static final int ROWS = WRITERS * ROWS_PER_WRITER;
    /** A group no row is ever in: {@code grp = EMPTY OR id = ?} reads rows through its OR alone. */
    static final int EMPTY_GROUP = GROUPS + 1;
    private static final int MAX_EXAMPLES = 10;

    /** Opens a connection: through the cache (readers, writers) or plain. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    /** Creates the tables and rows through {@code plain}; {@code anyArray} is the ANY query's array type name. */
    static void create(Connection plain) throws SQLException {
        try (Statement s = plain.createStatement()) {
            s.execute("create table grp_meta (grp int primary key, version bigint not null)");
            s.execute("create table acct (id int primary key, grp int not null references grp_meta (grp), "
                    + "version bigint not null)");
            s.execute("create index acct_grp on acct (grp)");
            for (int g = 1; g <= EMPTY_GROUP; g++) {
                s.execute("insert into grp_meta values (" + g + ", 0)");
            }
            for (int id = 1; id <= ROWS; id++) {
                s.execute("insert into acct values (" + id + ", " + homeGroup(id) + ", 0)");
            }
        }
    }

    /** The writer that owns a row or a group. */
    static int owner(int idOrGroup) {
        return idOrGroup % WRITERS;
    }

    private static int homeGroup(int id) {
        return owner(id) == 0 ? WRITERS : owner(id); // a group owned by the row's writer
    }

    private final List<Opener> nodes;
    private final int readers;
    private final boolean keyAndGroupWritesOnly;
    private final KeyedHistory history = new KeyedHistory(ROWS, GROUPS);
    private final LongAdder reads = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder staleFromDatabase = new LongAdder();
    private final Queue<String> examples = new ConcurrentLinkedQueue<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private volatile long deadline;

    KeyedWorkload(List<Opener> nodes, int readers) {
        this(nodes, readers, false);
    }

    /**
     * @param keyAndGroupWritesOnly writers only update rows by key and group (no write bumps a
     *     wide tag): how a footprint that ignores an OR shows, where wide bumps would hide it
     */
    KeyedWorkload(List<Opener> nodes, int readers, boolean keyAndGroupWritesOnly) {
        this.nodes = List.copyOf(nodes);
        this.readers = readers;
        this.keyAndGroupWritesOnly = keyAndGroupWritesOnly;
        for (int id = 1; id <= ROWS; id++) {
            history.initial(id, new State(0, true, homeGroup(id)));
        }
    }

    record Outcome(String name, long reads, long hits, List<Long> nodeHits, long writes, long rollbacks, long stale,
            long staleFromDatabase, List<String> examples) {
        String summary() {
            return String.format("keyed checker [%s]: %d reads checked, %d served from the cache (%s per node), "
                    + "%d writes committed (+%d rolled back), %d stale reads (%d from the database)", name, reads, hits,
                    nodeHits, writes, rollbacks, stale, staleFromDatabase);
        }
    }

    Outcome run(String name, Duration duration) throws Exception {
        deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            int writer = i;
            threads.add(thread("writer-" + i, nodes.get(i % nodes.size()), c -> new Writer(c, writer)));
        }
        for (int i = 0; i < readers; i++) {
            threads.add(thread("reader-" + i, nodes.get((i + 1) % nodes.size()), Reader::new));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(duration.toMillis() + 30_000);
            if (t.isAlive()) {
                failures.add(new AssertionError(t.getName() + " did not stop"));
            }
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("a keyed workload thread failed", failures.peek());
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
        List<Long> nodeHits = new ArrayList<>();
        for (Opener node : nodes) {
            try (Connection c = node.open()) {
                nodeHits.add(c.unwrap(CachingConnection.class).runtime().stats().hits());
            }
        }
        return new Outcome(name, reads.sum(), hits.sum(), nodeHits, writes.sum(), rollbacks.sum(), stale.sum(),
                staleFromDatabase.sum(), List.copyOf(examples));
    }

    private interface Step {
        void run(ThreadLocalRandom random) throws SQLException;
    }

    private interface StepFactory {
        Step create(Connection c) throws SQLException;
    }

    private Thread thread(String name, Opener opener, StepFactory factory) {
        Thread t = new Thread(() -> {
            try (Connection c = opener.open()) {
                Step step = factory.create(c);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() - deadline < 0 && failures.isEmpty()) {
                    step.run(random);
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        }, "keyed-" + name);
        t.setDaemon(true);
        return t;
    }

    // ---- writers -----------------------------------------------------------------------------

    /** One owner's writes: it knows the exact state of its rows and groups. */
    private final class Writer implements Step {
        private final Connection c;
        private final List<Integer> ids = new ArrayList<>();
        private final List<Integer> groups = new ArrayList<>();
        private final Map<Integer, State> state = new HashMap<>();
        private final Map<Integer, Long> meta = new HashMap<>();
        /** What the current transaction changed, published at its commit. */
        private final Map<Integer, State> pending = new LinkedHashMap<>();

        Writer(Connection c, int writer) {
            this.c = c;
            for (int id = 1; id <= ROWS; id++) {
                if (owner(id) == writer) {
                    ids.add(id);
                    state.put(id, history.known(id));
                }
            }
            for (int g = 1; g <= GROUPS; g++) {
                if (owner(g) == writer) {
                    groups.add(g);
                    meta.put(g, 0L);
                }
            }
        }

        @Override
        public void run(ThreadLocalRandom random) throws SQLException {
            int op = random.nextInt(100);
            if (op < 55) {
                one(random);
            } else if (op < 75) {
                transaction(random, false);
            } else if (op < 85) {
                transaction(random, true);
            } else {
                batch(random);
            }
            LockSupport.parkNanos(random.nextLong(2_000_000, 8_000_000));
        }

        /** One write in autocommit mode. */
        private void one(ThreadLocalRandom random) throws SQLException {
            write(random);
            publish();
        }

        private void transaction(ThreadLocalRandom random, boolean rollback) throws SQLException {
            c.setAutoCommit(false);
            try {
                for (int i = random.nextInt(2, 4); i > 0; i--) {
                    write(random);
                }
                if (rollback) {
                    c.rollback();
                    discard();
                    rollbacks.increment();
                } else {
                    c.commit();
                    publish();
                }
            } finally {
                c.setAutoCommit(true);
            }
        }

        /** A prepared batch of updates by key and group. */
        private void batch(ThreadLocalRandom random) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("update acct set version = ? where id = ? and grp = ?")) {
                for (int id : ids) {
                    State s = current(id);
                    if (s.present() && random.nextBoolean()) {
                        begin(id, new State(s.version() + 1, true, s.grp()));
                        ps.setLong(1, s.version() + 1);
                        ps.setInt(2, id);
                        ps.setInt(3, s.grp());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            publish();
        }

        private State current(int id) {
            return pending.getOrDefault(id, state.get(id));
        }

        private void begin(int id, State next) {
            if (!pending.containsKey(id)) {
                history.begins(id);
            }
            pending.put(id, next);
        }

        private void publish() {
            pending.forEach((id, s) -> {
                state.put(id, s);
                history.ended(id, s);
                writes.increment();
            });
            pending.clear();
        }

        private void discard() {
            pending.keySet().forEach(id -> history.ended(id, null));
            pending.clear();
        }

        private int otherGroup(int grp, ThreadLocalRandom random) {
            int g;
            do {
                g = groups.get(random.nextInt(groups.size()));
            } while (g == grp);
            return g;
        }

        /** One statement: which one depends on the row's state. */
        private void write(ThreadLocalRandom random) throws SQLException {
            int id = ids.get(random.nextInt(ids.size()));
            State s = current(id);
            int op = keyAndGroupWritesOnly ? 20 : random.nextInt(100);
            if (!s.present()) {
                int grp = groups.get(random.nextInt(groups.size()));
                begin(id, new State(s.version() + 1, true, grp));
                update("insert into acct (id, grp, version) values (?, ?, ?)", id, grp, s.version() + 1);
            } else if (op < 15) {
                begin(id, new State(s.version() + 1, true, s.grp()));
                update("update acct set version = ? where id = ?", s.version() + 1, id);
            } else if (op < 55) {
                begin(id, new State(s.version() + 1, true, s.grp()));
                update("update acct set version = ? where id = ? and grp = ?", s.version() + 1, id, s.grp());
            } else if (op < 70) {
                int to = otherGroup(s.grp(), random);
                begin(id, new State(s.version() + 1, true, to));
                MOVING_TO.set(to);
                try {
                    update("update acct set grp = ?, version = ? where id = ?", to, s.version() + 1, id);
                } finally {
                    MOVING_TO.remove();
                }
            } else if (op < 76) {
                begin(id, new State(s.version() + 1, false, s.grp()));
                update("delete from acct where id = ?", id);
            } else if (op < 82) {
                int grp = s.grp();
                for (int other : ids) {
                    State o = current(other);
                    if (o.present() && o.grp() == grp) {
                        begin(other, new State(o.version() + 1, false, grp));
                    }
                }
                update("delete from acct where grp = ?", grp);
            } else {
                int grp = groups.get(random.nextInt(groups.size()));
                long next = meta.get(grp) + 1;
                update("update grp_meta set version = ? where grp = ?", next, grp);
                if (c.getAutoCommit()) {
                    meta.put(grp, next);
                    history.metaCommitted(grp, next);
                }
            }
        }

        private void update(String sql, Object... values) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.executeUpdate();
            }
        }
    }

    // ---- readers -----------------------------------------------------------------------------

    /** Keyed reads of every shape, checked. */
    private final class Reader implements Step {
        private final Connection c;

        Reader(Connection c) {
            this.c = c;
        }

        @Override
        public void run(ThreadLocalRandom random) throws SQLException {
            int op = random.nextInt(100);
            int grp = random.nextInt(1, GROUPS + 1);
            if (op < 25) {
                int id = random.nextInt(1, ROWS + 1);
                check("by id " + id, "select id, version, grp from acct where id = ?", List.of(id), List.of(id), 0, List.of(id));
            } else if (op < 45) {
                check("by group " + grp, "select id, version, grp from acct where grp = ? order by id", List.of(grp),
                        allRows(), grp, List.of());
            } else if (op < 55) {
                int a = random.nextInt(1, ROWS + 1);
                int b = random.nextInt(1, ROWS + 1);
                check("in (" + a + ", " + b + ")", "select id, version, grp from acct where id in (?, ?) order by id",
                        List.of(a, b), List.of(a, b), 0, List.of(a, b));
            } else if (op < 65) {
                Integer[] list = {random.nextInt(1, ROWS + 1), random.nextInt(1, ROWS + 1), random.nextInt(1, ROWS + 1)};
                check("any " + List.of(list), "select id, version, grp from acct where id = any(?) order by id",
                        List.of(c.createArrayOf("integer", list)), List.of(list), 0, List.of(list));
            } else if (op < 78) {
                check("join on group " + grp, "select a.id, a.version, a.grp, m.version from acct a "
                        + "join grp_meta m on m.grp = a.grp where m.grp = ? order by a.id", List.of(grp), allRows(), grp, List.of());
            } else if (op < 85) {
                check("outer join on group " + grp, "select a.id, a.version, a.grp, m.version from grp_meta m "
                        + "left join acct a on a.grp = m.grp where m.grp = ? order by a.id", List.of(grp), allRows(), grp, List.of());
            } else {
                int id = random.nextInt(1, 4); // a few keys, so that the OR's entries are hit again
                int orGroup = random.nextBoolean() ? grp : EMPTY_GROUP;
                OR_GROUP.set(orGroup);
                try {
                    check("group " + orGroup + " or id " + id, "select id, version, grp from acct where grp = ? or id = ? "
                            + "order by id", List.of(orGroup, id), allRows(), orGroup, List.of(id));
                } finally {
                    OR_GROUP.remove();
                }
            }
        }

        /** Every row: one that was stable during a read is expected only where it was known to be. */
        private List<Integer> allRows() {
            List<Integer> all = new ArrayList<>();
            for (int id = 1; id <= ROWS; id++) {
                all.add(id);
            }
            return all;
        }

        /**
         * Runs a read whose rows are {@code (id, version, grp[, meta version])} and checks it:
         * every row at or above its known version; every candidate row that was stable and known
         * present where the read looks (in group {@code grp} when it is not 0, or one of
         * {@code anyGroup}) returned.
         */
        private void check(String what, String sql, List<Object> values, List<Integer> candidates, int grp,
                List<Integer> anyGroup) throws SQLException {
            Map<Integer, Long> marks = new HashMap<>();
            Map<Integer, State> known = new HashMap<>();
            for (int id : candidates) {
                marks.put(id, history.mark(id));
                known.put(id, history.known(id));
            }
            long knownMeta = grp == 0 ? 0 : history.knownMeta(grp);
            Map<Integer, long[]> returned = new HashMap<>();
            boolean hit;
            long meta = -1;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof java.sql.Array array) {
                        ps.setArray(i + 1, array);
                    } else {
                        ps.setObject(i + 1, v);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    hit = rs instanceof CachedResultSet;
                    boolean withMeta = rs.getMetaData().getColumnCount() == 4;
                    while (rs.next()) {
                        if (withMeta) {
                            meta = rs.getLong(4);
                        }
                        int id = rs.getInt(1);
                        if (!rs.wasNull()) {
                            returned.put(id, new long[] {rs.getLong(2), rs.getInt(3)});
                        }
                    }
                }
            }
            reads.increment();
            if (hit) {
                hits.increment();
            }
            for (Map.Entry<Integer, long[]> row : returned.entrySet()) {
                State k = known.getOrDefault(row.getKey(), history.known(row.getKey()));
                if (k != null && row.getValue()[0] < k.version()) {
                    stale(what, "row " + row.getKey() + " at version " + row.getValue()[0] + " but " + k + " was known", hit);
                }
                history.seen(row.getKey(), row.getValue()[0], (int) row.getValue()[1]);
            }
            if (meta >= 0) {
                if (meta < knownMeta) {
                    stale(what, "group meta at " + meta + " but " + knownMeta + " was known", hit);
                }
                history.metaSeen(grp, meta);
            }
            for (int id : candidates) {
                State k = known.get(id);
                boolean expected = k.present() && (grp != 0 && k.grp() == grp || anyGroup.contains(id));
                if (expected && !returned.containsKey(id) && history.stableSince(id, marks.get(id))) {
                    stale(what, "row " + id + " missing although " + k + " held throughout the read", hit);
                }
            }
        }

        private void stale(String what, String detail, boolean hit) {
            stale.increment();
            if (!hit) {
                staleFromDatabase.increment();
            }
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(what + ": " + detail + (hit ? " (cache hit)" : " (from the database)"));
            }
        }
    }
}
