package dev.jdbccache.it.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.CacheDataSource;
import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.driver.cache.ChangeCaptureStats;
import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.it.redis.Nodes;
import dev.jdbccache.testservices.LogicalPostgresql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The consistency checker with writers the cache never sees: beside the usual writers through the
 * driver, two write through the real driver, as psql or another service would. With change
 * capture on and a TTL of ten minutes, no read may return less than was known committed longer
 * ago than the stream's largest lag during the run (measured by the consumer: commit time to
 * applied). Reads stale within that lag are counted and reported, not failed.
 *
 * <p>Runs 20 s per store unless {@code jdbccache.checker.seconds} says otherwise.
 */
class CaptureCheckerTest {

    private static final String REDIS = System.getProperty("jdbccache.test.redis.url", "redis://127.0.0.1:6379");
    private static final Duration DURATION = Checker.duration(20);
    /** The clocks compared: the commit's timestamp (microseconds, PostgreSQL's) and the JVM's milliseconds. */
    private static final Duration CLOCK_GRAIN = Duration.ofMillis(5);

    private CounterTable table;
    private String prefix;
    private String publication;

    @BeforeEach
    void createTable() throws Exception {
        table = CounterTable.create("checkcc", Checker.ROWS, LogicalPostgresql.url());
        prefix = Nodes.prefix();
        publication = "pub_" + table.schema();
    }

    @AfterEach
    void dropAll() throws Exception {
        try {
            table.close();
            try (Connection c = DriverManager.getConnection(LogicalPostgresql.url()); Statement s = c.createStatement()) {
                s.execute("drop publication if exists " + publication);
            }
        } finally {
            Nodes.deleteKeys(REDIS, prefix);
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis"})
    void outsideWriters_neverMakeAReadStaleBeyondTheStreamsLag(String store) throws Exception {
        Properties node = Checker.withCheckerSettings(Nodes.node(store, REDIS, prefix), Checker.SOUND);
        node.setProperty("cache.name", "checkcc-" + store + "-" + table.schema());
        node.setProperty("cache.change-capture", "logical");
        node.setProperty("cache.change-capture.publication", publication);
        node.setProperty("cache.change-capture.tables", table.schema() + ".counter");
        node.setProperty("cache.change-capture.slot", table.schema());
        try (CacheDataSource ds = new CacheDataSource(table.cacheUrl())) {
            ds.setProperties(node); // closed at the end: its consumer drops the shared slot
            check(store, ds::getConnection);
        }
        assertEquals(0, slots(table.schema()), "the slot was dropped");
    }

    private void check(String store, Workload.Opener opener) throws Exception {
        JdbcCache cache = streaming(opener);

        Workload workload = Checker.workload(table, List.of(opener), Checker.SOUND).withOutsideWriters(2);
        Workload.Outcome outcome;
        try (LagTrace trace = new LagTrace(cache.stats().changeCapture())) {
            outcome = workload.run("outside writers, change capture, cache.store=" + store, DURATION);
            System.out.println("consistency checker [outside writers, " + store + "]: " + trace.summary());
        }

        ChangeCaptureStats capture = cache.stats().changeCapture();
        Duration lag = Duration.ofMillis(capture.maxLagMillis()).plus(CLOCK_GRAIN);
        long beyond = workload.staleBeyond(lag);
        System.out.println(outcome.summary());
        System.out.printf("consistency checker [outside writers, %s]: %d outside transactions applied, largest lag %d ms; "
                + "%d reads stale within it, %d beyond; %d fallbacks (last: %s)%n", store, capture.transactions(),
                capture.maxLagMillis(), outcome.stale() - beyond, beyond, capture.fallbacks(), capture.lastFallback());
        assertEquals(0, beyond, () -> "reads stale beyond the stream's lag of " + lag.toMillis() + " ms: "
                + String.join("; ", outcome.examples()));
        assertEquals(ChangeCaptureStats.State.STREAMING, capture.state(), cache.statsSnapshot().toString());
        assertEquals(0, capture.flushes() - 1, "only the new slot's flush: " + cache.statsSnapshot());
        assertTrue(capture.transactions() > 100, "the outside writers ran: " + cache.statsSnapshot());
        assertTrue(outcome.driverHits() * 100 >= outcome.reads(), "fewer than 1% of reads hit: " + outcome.summary());
        assertTrue(outcome.writes() > 0 && outcome.rollbacks() > 0, "the writers did not run: " + outcome.summary());
        assertTrue(capture.maxLagMillis() < 1000, "the stream stayed within a second: " + capture.maxLagMillis() + " ms; "
                + cache.statsSnapshot());
    }

    /** The same run without change capture: the checker must find what the outside writers made stale. */
    @org.junit.jupiter.api.Test
    void withoutChangeCapture_theCheckerFindsReadsStaleFarBeyondTheLag() throws Exception {
        Properties node = Checker.withCheckerSettings(Nodes.node("local", REDIS, prefix), Checker.SOUND);
        node.setProperty("cache.name", "checkcc-off-" + table.schema());
        Workload.Opener opener = () -> DriverManager.getConnection(table.cacheUrl(), node);
        Workload workload = Checker.workload(table, List.of(opener), Checker.SOUND).withOutsideWriters(2);
        Workload.Outcome outcome = workload.run("outside writers, no change capture", Duration.ofSeconds(8));
        // beyond five times the largest lag change capture showed in these runs (under 70 ms)
        long beyond = workload.staleBeyond(Duration.ofMillis(350));
        System.out.println(outcome.summary() + "; " + beyond + " stale by more than 350 ms");
        assertTrue(beyond > 0, "a checker that cannot fail: " + outcome.summary());
    }

    /** Samples the stream's lag every 20 ms during a run, to tell a steady lag from one stall. */
    private static final class LagTrace implements AutoCloseable {
        private final ChangeCaptureStats capture;
        private final long startNanos = System.nanoTime();
        private final java.util.Queue<long[]> above = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.concurrent.atomic.AtomicLong samples = new java.util.concurrent.atomic.AtomicLong();
        private volatile boolean done;
        private final Thread thread;

        LagTrace(ChangeCaptureStats capture) {
            this.capture = capture;
            this.thread = new Thread(this::sample, "lag-trace");
            this.thread.setDaemon(true);
            this.thread.start();
        }

        private void sample() {
            while (!done) {
                long lag = capture.lagMillis();
                samples.incrementAndGet();
                if (lag > 100) {
                    above.add(new long[] {TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), lag});
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }

        String summary() {
            List<long[]> high = List.copyOf(above);
            StringBuilder b = new StringBuilder().append(high.size()).append(" of ").append(samples.get())
                    .append(" lag samples above 100 ms");
            high.stream().filter(s -> s[1] > 300).limit(20)
                    .forEach(s -> b.append("; at ").append(s[0]).append(" ms: ").append(s[1]).append(" ms"));
            return b.toString();
        }

        @Override
        public void close() throws InterruptedException {
            done = true;
            thread.join();
        }
    }

    private static long slots(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(LogicalPostgresql.url()); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select count(*) from pg_replication_slots where slot_name = '"
                        + name + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JdbcCache streaming(Workload.Opener opener) throws SQLException, InterruptedException {
        try (Connection c = opener.open()) {
            JdbcCache cache = JdbcCache.of(c.unwrap(CachingConnection.class));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (cache.stats().changeCapture().state() != ChangeCaptureStats.State.STREAMING) {
                assertTrue(System.nanoTime() < deadline, "the consumer never streamed: " + cache.statsSnapshot());
                Thread.sleep(10);
            }
            return cache;
        }
    }
}
