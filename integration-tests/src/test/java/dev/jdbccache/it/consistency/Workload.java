package dev.jdbccache.it.consistency;

import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.driver.result.CachedResultSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The checker's workload on {@link CounterTable}: writer threads that add 1 to rows' versions in
 * every way a JDBC application writes (autocommit statements, API and SQL transactions,
 * rollbacks, prepared batches), one slow writer whose transaction outlives the write lease, reader
 * threads running cacheable queries (primary-key lookups, a range, a sum) and checking each answer
 * against the {@link History}, and a witness on a plain connection that makes every committed
 * version known as soon as the database shows it.
 *
 * <p>Writers and readers use caching connections of one or more nodes ({@link Opener}s, e.g. two
 * caches sharing one Redis): writer {@code i} and reader {@code i} use node {@code i % nodes}, the
 * slow writer the node after the last writer's, so with two nodes every row is written through
 * one node while readers on the other read it. One workload runs once. Rows are chosen so that
 * readers hammer the rows being written: the hot row (written by every writer) and the slow row
 * (written only by the slow writer).
 */
final class Workload {

    static final int HOT_ROW = 1;
    static final int SLOW_ROW = 2;
    /** The "row" of a check of {@code sum(version)}. */
    private static final int SUM = -1;
    private static final int MAX_EXAMPLES = 10;

    /** Opens a connection through the cache. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final CounterTable table;
    private final List<Opener> nodes;
    private final int writers;
    private final int readers;
    private final Duration slowTransaction;
    private final Duration slowPause;
    private final History history;

    private final LongAdder reads = new LongAdder();
    private final LongAdder readHits = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder staleFromDatabase = new LongAdder();
    private final LongAccumulator longestWrite = new LongAccumulator(Math::max, 0);
    private final Queue<String> examples = new ConcurrentLinkedQueue<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final Queue<StaleRead> staleReads = new ConcurrentLinkedQueue<>();
    private int outsideWriters;
    private volatile long deadline;

    /**
     * @param slowTransaction how long the slow writer keeps its transaction open; longer than
     *                        {@code cache.write-lease}, so its lease expires before it commits
     * @param slowPause       how long it waits before the next one (zero: a short random pause);
     *                        while it waits, its table is not leased and readers can hit
     */
    Workload(CounterTable table, List<Opener> nodes, int writers, int readers, Duration slowTransaction,
            Duration slowPause) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no node to run the workload on");
        }
        this.table = table;
        this.nodes = List.copyOf(nodes);
        this.writers = writers;
        this.readers = readers;
        this.slowTransaction = slowTransaction;
        this.slowPause = slowPause;
        this.history = new History(table.rows());
    }

    /** Runs every thread for {@code duration}; throws the first unexpected failure of any thread. */
    Outcome run(String protocol, Duration duration) throws Exception {
        deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            threads.add(loop("writer-" + i, node(i), Writer::new));
        }
        for (int i = 0; i < outsideWriters; i++) {
            threads.add(loop("outside-writer-" + i, table::openPlain, Writer::new));
        }
        threads.add(loop("slow-writer", node(writers), SlowWriter::new));
        for (int i = 0; i < readers; i++) {
            threads.add(loop("reader-" + i, node(i), Reader::new));
        }
        threads.add(loop("witness", table::openPlain, Witness::new));
        threads.forEach(Thread::start);
        long joinBy = deadline + Duration.ofSeconds(30).toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                failures.add(new AssertionError(thread.getName() + " did not stop 30 s after the end of the run"));
            }
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("a workload thread failed", failures.peek());
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
        List<Long> nodeHits = new ArrayList<>();
        for (Opener node : nodes) {
            try (Connection c = node.open()) {
                nodeHits.add(c.unwrap(CachingConnection.class).runtime().stats().hits());
            }
        }
        return new Outcome(protocol, reads.sum(), readHits.sum(), List.copyOf(nodeHits), writes.sum(), rollbacks.sum(),
                Duration.ofNanos(longestWrite.get()), stale.sum(), staleFromDatabase.sum(), List.copyOf(examples));
    }

    /**
     * Adds {@code count} writers that write through the real driver, which the cache never sees:
     * only change capture can invalidate what they commit.
     */
    Workload withOutsideWriters(int count) {
        this.outsideWriters = count;
        return this;
    }

    /**
     * After a run: the stale reads that returned less than was known {@code lag} before they
     * were issued (a cache that learns of writes within {@code lag} has none).
     */
    long staleBeyond(Duration lag) {
        long count = 0;
        for (StaleRead r : staleReads) {
            long before = r.sampledNanos() - lag.toNanos();
            long known = r.id() == SUM ? history.knownSumAt(before) : history.knownAt(r.id(), before);
            if (r.read() < known) {
                count++;
            }
        }
        return count;
    }

    private Opener node(int thread) {
        return nodes.get(thread % nodes.size());
    }

    /**
     * What a run found; {@link #summary} is the line the checker prints. {@code nodeHits} are the
     * hits each node's cache counted, in the order of the nodes. {@code longestWrite} is the
     * longest write as a writer saw it (a whole operation, or the slow writer's commit): the
     * protocol assumes writes shorter than {@code cache.write-lease}, so a stale read in a run
     * whose longest write exceeded the lease may be the machine's stall rather than a protocol bug.
     */
    record Outcome(String protocol, long reads, long readHits, List<Long> nodeHits, long writes, long rollbacks,
            Duration longestWrite, long stale, long staleFromDatabase, List<String> examples) {

        /** The hits all nodes counted. */
        long driverHits() {
            return nodeHits.stream().mapToLong(Long::longValue).sum();
        }

        String summary() {
            long hits = driverHits();
            return String.format("consistency checker [%s]: %d reads checked, %d hits%s (hit ratio %.3f), "
                    + "%d writes committed (+%d rolled back, longest %d ms), %d stale reads (%d from the database)",
                    protocol, reads, hits, nodeHits.size() > 1 ? " " + nodeHits + " per node" : "",
                    reads == 0 ? 0 : (double) hits / reads, writes, rollbacks, longestWrite.toMillis(),
                    stale, staleFromDatabase);
        }
    }

    // ---- threads -----------------------------------------------------------------------------

    /** One thread's steps on its own connection. */
    private interface Step {
        void run(ThreadLocalRandom random) throws SQLException;
    }

    @FunctionalInterface
    private interface StepFactory {
        Step create(Workload workload, Connection connection) throws SQLException;
    }

    private Thread loop(String name, Opener opener, StepFactory factory) {
        Thread thread = new Thread(() -> {
            try (Connection connection = opener.open()) {
                Step step = factory.create(this, connection);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (running()) {
                    step.run(random);
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        }, "checker-" + name);
        thread.setDaemon(true);
        return thread;
    }

    private boolean running() {
        return System.nanoTime() - deadline < 0 && failures.isEmpty();
    }

    private static void pause(ThreadLocalRandom random, long minMicros, long maxMicros) {
        LockSupport.parkNanos(random.nextLong(minMicros, maxMicros) * 1_000);
    }

    /** A row for a writer: often the hot row, never the slow one. */
    private int writerRow(ThreadLocalRandom random) {
        if (random.nextInt(100) < 30) {
            return HOT_ROW;
        }
        return random.nextInt(SLOW_ROW + 1, table.rows() + 1);
    }

    /** Distinct rows in ascending order: writers lock rows in one order, so they never deadlock. */
    private SortedSet<Integer> writerRows(ThreadLocalRandom random, int min, int max) {
        int count = random.nextInt(min, max + 1);
        SortedSet<Integer> rows = new TreeSet<>();
        while (rows.size() < count) {
            rows.add(writerRow(random));
        }
        return rows;
    }

    // ---- writers -------------------------------------------------------------------------------

    private static final String BUMP_RETURNING = "update counter set version = version + 1 where id = ? returning version";
    private static final String BUMP = "update counter set version = version + 1 where id = ?";
    private static final String READ_ROW = "select version from counter where id = ?";

    /**
     * Mixes the ways of writing. What becomes known is only what the commit proves: the version
     * read back in the transaction, or one more than was known before the write began (each write
     * adds 1 on top of the latest committed version, which is at least the known one).
     */
    private static final class Writer implements Step {
        private final Workload w;
        private final Connection c;
        private final PreparedStatement bumpReturning;
        private final PreparedStatement bump;
        private final PreparedStatement readBack;
        private final Statement statement;

        Writer(Workload workload, Connection connection) throws SQLException {
            this.w = workload;
            this.c = connection;
            this.bumpReturning = c.prepareStatement(BUMP_RETURNING);
            this.bump = c.prepareStatement(BUMP);
            this.readBack = c.prepareStatement(READ_ROW);
            this.statement = c.createStatement();
        }

        @Override
        public void run(ThreadLocalRandom random) throws SQLException {
            long start = System.nanoTime();
            int op = random.nextInt(100);
            if (op < 25) {
                int id = w.writerRow(random);
                w.committed(id, bumpReturning(id));
            } else if (op < 40) {
                int id = w.writerRow(random);
                long before = w.history.known(id);
                statement.executeUpdate("update counter set version = version + 1 where id = " + id);
                w.committed(id, before + 1);
            } else if (op < 65) {
                transaction(w.writerRows(random, 2, 4), random.nextBoolean(), random);
            } else if (op < 77) {
                rolledBack(w.writerRows(random, 1, 3), random);
            } else if (op < 90) {
                batch(w.writerRows(random, 2, 5));
            } else {
                batchInTransaction(w.writerRows(random, 2, 4));
            }
            w.took(System.nanoTime() - start);
            pause(random, 5_000, 25_000);
        }

        private long bumpReturning(int id) throws SQLException {
            bumpReturning.setInt(1, id);
            try (ResultSet rs = bumpReturning.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private long readBack(int id) throws SQLException {
            readBack.setInt(1, id);
            try (ResultSet rs = readBack.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** Several updates and a commit, through the JDBC API or through SQL {@code BEGIN}/{@code COMMIT}. */
        private void transaction(SortedSet<Integer> ids, boolean sql, ThreadLocalRandom random) throws SQLException {
            Map<Integer, Long> wrote = new LinkedHashMap<>();
            if (sql) {
                statement.execute("begin");
            } else {
                c.setAutoCommit(false);
            }
            for (int id : ids) {
                wrote.put(id, bumpReturning(id));
                pause(random, 100, 1_000);
            }
            if (sql) {
                statement.execute("commit");
            } else {
                c.commit();
                c.setAutoCommit(true);
            }
            wrote.forEach(w::committed);
        }

        /** Updates, a read of its own write (which must not come from the cache), and a rollback. */
        private void rolledBack(SortedSet<Integer> ids, ThreadLocalRandom random) throws SQLException {
            c.setAutoCommit(false);
            for (int id : ids) {
                long wrote = bumpReturning(id);
                long read = readBack(id);
                if (read != wrote) {
                    throw new AssertionError("row " + id + ": the transaction wrote " + wrote + " but read " + read);
                }
                pause(random, 100, 1_000);
            }
            c.rollback();
            c.setAutoCommit(true);
            w.rollbacks.increment();
        }

        /** A prepared batch in autocommit mode. */
        private void batch(SortedSet<Integer> ids) throws SQLException {
            Map<Integer, Long> before = new LinkedHashMap<>();
            for (int id : ids) {
                before.put(id, w.history.known(id));
                bump.setInt(1, id);
                bump.addBatch();
            }
            bump.executeBatch();
            before.forEach((id, known) -> w.committed(id, known + 1));
        }

        /** A prepared batch in a transaction, its rows read back before the commit. */
        private void batchInTransaction(SortedSet<Integer> ids) throws SQLException {
            c.setAutoCommit(false);
            for (int id : ids) {
                bump.setInt(1, id);
                bump.addBatch();
            }
            bump.executeBatch();
            Map<Integer, Long> wrote = new LinkedHashMap<>();
            for (int id : ids) {
                wrote.put(id, readBack(id));
            }
            c.commit();
            c.setAutoCommit(true);
            wrote.forEach(w::committed);
        }
    }

    /** Keeps a transaction on the slow row open longer than the write lease, then commits it. */
    private static final class SlowWriter implements Step {
        private final Workload w;
        private final Connection c;
        private final PreparedStatement bumpReturning;

        SlowWriter(Workload workload, Connection connection) throws SQLException {
            this.w = workload;
            this.c = connection;
            this.bumpReturning = c.prepareStatement(BUMP_RETURNING);
        }

        @Override
        public void run(ThreadLocalRandom random) throws SQLException {
            c.setAutoCommit(false);
            bumpReturning.setInt(1, SLOW_ROW);
            long wrote;
            try (ResultSet rs = bumpReturning.executeQuery()) {
                rs.next();
                wrote = rs.getLong(1);
            }
            long left = Math.max(0, w.deadline - System.nanoTime());
            LockSupport.parkNanos(Math.min(w.slowTransaction.toNanos(), left));
            long commit = System.nanoTime();
            c.commit(); // renews the lease first: only the commit itself must be shorter than the lease
            w.took(System.nanoTime() - commit);
            c.setAutoCommit(true);
            w.committed(SLOW_ROW, wrote);
            if (w.slowPause.isZero()) {
                pause(random, 50_000, 150_000);
            } else {
                LockSupport.parkNanos(Math.min(w.slowPause.toNanos(), Math.max(0, w.deadline - System.nanoTime())));
            }
        }
    }

    private void committed(int id, long version) {
        history.committed(id, version);
        writes.increment();
    }

    private void took(long writeNanos) {
        longestWrite.accumulate(writeNanos);
    }

    // ---- readers -------------------------------------------------------------------------------

    /**
     * Cacheable reads, each checked against what was known before it was issued; every value read
     * is committed, so it becomes known too.
     */
    private static final class Reader implements Step {
        private final Workload w;
        private final PreparedStatement row;
        private final PreparedStatement range;
        private final PreparedStatement sum;

        Reader(Workload workload, Connection connection) throws SQLException {
            this.w = workload;
            this.row = connection.prepareStatement(READ_ROW);
            this.range = connection.prepareStatement("select id, version from counter where id between ? and ? order by id");
            this.sum = connection.prepareStatement("select sum(version) from counter");
        }

        @Override
        public void run(ThreadLocalRandom random) throws SQLException {
            int op = random.nextInt(100);
            if (op < 70) {
                readRow(readerRow(random));
            } else if (op < 85) {
                readRange(random.nextBoolean() ? HOT_ROW : random.nextInt(1, w.table.rows() - 3));
            } else {
                readSum();
            }
        }

        /** Mostly the rows being written, so reads race with writes. */
        private int readerRow(ThreadLocalRandom random) {
            int pick = random.nextInt(100);
            if (pick < 40) {
                return HOT_ROW;
            }
            return pick < 70 ? SLOW_ROW : random.nextInt(1, w.table.rows() + 1);
        }

        private void readRow(int id) throws SQLException {
            long sampled = System.nanoTime();
            long known = w.history.known(id);
            row.setInt(1, id);
            try (ResultSet rs = row.executeQuery()) {
                boolean hit = rs instanceof CachedResultSet;
                while (rs.next()) {
                    long version = rs.getLong(1);
                    w.check("row " + id, id, sampled, known, version, hit);
                    w.history.committed(id, version);
                }
            }
        }

        private void readRange(int from) throws SQLException {
            int to = from + 4;
            long sampled = System.nanoTime();
            long[] known = new long[to - from + 1];
            for (int id = from; id <= to; id++) {
                known[id - from] = w.history.known(id);
            }
            range.setInt(1, from);
            range.setInt(2, to);
            try (ResultSet rs = range.executeQuery()) {
                boolean hit = rs instanceof CachedResultSet;
                while (rs.next()) {
                    int id = rs.getInt(1);
                    long version = rs.getLong(2);
                    w.check("row " + id + " in range " + from + ".." + to, id, sampled, known[id - from], version, hit);
                    w.history.committed(id, version);
                }
            }
        }

        private void readSum() throws SQLException {
            long sampled = System.nanoTime();
            long known = w.history.knownSum();
            try (ResultSet rs = sum.executeQuery()) {
                boolean hit = rs instanceof CachedResultSet;
                while (rs.next()) {
                    w.check("sum(version)", SUM, sampled, known, rs.getLong(1), hit);
                }
            }
        }
    }

    /** Reads the table through the real driver: what it sees is committed, so it becomes known. */
    private static final class Witness implements Step {
        private final Workload w;
        private final PreparedStatement all;

        Witness(Workload workload, Connection plain) throws SQLException {
            this.w = workload;
            this.all = plain.prepareStatement("select id, version from counter");
        }

        @Override
        public void run(ThreadLocalRandom random) throws SQLException {
            try (ResultSet rs = all.executeQuery()) {
                while (rs.next()) {
                    w.history.committed(rs.getInt(1), rs.getLong(2));
                }
            }
        }
    }

    /** A read that returned less than was known when it was issued: {@code id} is a row, or {@link #SUM}. */
    private record StaleRead(int id, long sampledNanos, long read) {
    }

    private void check(String what, int id, long sampled, long known, long read, boolean hit) {
        reads.increment();
        if (hit) {
            readHits.increment();
        }
        if (read < known) {
            stale.increment();
            staleReads.add(new StaleRead(id, sampled, read));
            if (!hit) {
                // the database itself returned less than was known: the history, not the cache, is wrong
                staleFromDatabase.increment();
            }
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(what + ": read " + read + " but " + known + " was known committed before the read ("
                        + (hit ? "cache hit" : "from the database") + ")");
            }
        }
    }
}
