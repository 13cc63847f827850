package dev.jdbccache.it.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.JdbcCache;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Twelve threads miss one expensive result at the same moment (a self-join of a table on
 * PostgreSQL, each on its own connection). With single flight the query runs at most twice on
 * the database, counted there: the table's scans in {@code pg_stat_user_tables}, read once every
 * backend of the measured connections has left {@code pg_stat_activity} (a backend reports its
 * counts as it exits, before it leaves). Without it, every thread runs it.
 */
class SingleFlightTest {

    private static final String PG = System.getProperty("jdbccache.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final int THREADS = 12;

    private final String table = "sf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private String query;
    private long expected;
    /** The {@code application_name} of every measured connection: how their backends are found. */
    private final String applicationName = "single-flight-" + UUID.randomUUID();

    @BeforeEach
    void createTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(PG); Statement s = c.createStatement()) {
            s.execute("create table " + table + "(id int primary key, g int not null)");
            s.execute("insert into " + table + " select i, i % 200 from generate_series(1, 20000) i");
            s.execute("analyze " + table);
        }
        // about 2 million joined rows: long enough that all twelve arrive during the first execution
        query = "select count(*) from " + table + " a join " + table + " b on a.g = b.g where a.id > ?";
    }

    @AfterEach
    void dropTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(PG); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + table);
        }
    }

    @Test
    void twelveConcurrentMissesOfOneKey_runTheQueryAtMostTwice_onTheDatabase() throws Exception {
        long scansPerExecution = scansOf(this::runOncePlain);
        String cacheName = "single-flight-" + UUID.randomUUID();
        long executions = scansOf(() -> runConcurrently(cacheName, "on")) / scansPerExecution;
        assertTrue(executions >= 1 && executions <= 2, "executions on the database: " + executions);
        JdbcCache cache = JdbcCache.named(cacheName).orElseThrow();
        assertTrue(cache.stats().flightsShared() >= THREADS - 2, "misses answered by the leader's entry: " + cache.stats());
        System.out.printf("single flight on: %d of %d concurrent misses ran on the database, %d shared the leader's entry%n",
                executions, THREADS, cache.stats().flightsShared());
    }

    @Test
    void withSingleFlightOff_everyThreadRunsIt() throws Exception {
        long scansPerExecution = scansOf(this::runOncePlain);
        long executions = scansOf(() -> runConcurrently("single-flight-off-" + UUID.randomUUID(), "off")) / scansPerExecution;
        assertTrue(executions > 2, "executions on the database: " + executions);
        System.out.printf("single flight off: %d of %d concurrent misses ran on the database%n", executions, THREADS);
    }

    private interface Work {
        void run() throws Exception;
    }

    /** The scans of the table that {@code work} causes, once every backend has reported them. */
    private long scansOf(Work work) throws Exception {
        long before = scansOnceReported();
        work.run();
        return scansOnceReported() - before;
    }

    /** The table's scans, once no backend of a measured connection is left to report its counts. */
    private long scansOnceReported() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (backendsLeft() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("backends of " + applicationName + " did not exit");
            }
            Thread.sleep(20);
        }
        return scans();
    }

    private long backendsLeft() throws SQLException {
        try (Connection c = DriverManager.getConnection(PG);
                PreparedStatement ps = c.prepareStatement("select count(*) from pg_stat_activity where application_name = ?")) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Connection properties of a measured connection. */
    private Properties measured() {
        Properties p = new Properties();
        p.setProperty("ApplicationName", applicationName);
        return p;
    }

    private long scans() throws SQLException {
        // a fresh connection each time: its own counts are not pending anywhere
        try (Connection c = DriverManager.getConnection(PG);
                PreparedStatement ps = c.prepareStatement(
                        "select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) from pg_stat_user_tables where relname = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Runs the query once through the plain driver: the right answer. */
    private void runOncePlain() throws SQLException {
        try (Connection c = DriverManager.getConnection(PG, measured())) {
            expected = count(c);
        }
    }

    private void runConcurrently(String cacheName, String singleFlight) throws Exception {
        Properties p = measured();
        p.setProperty("cache.name", cacheName);
        p.setProperty("cache.single-flight", singleFlight);
        String url = "jdbc:cache:" + PG.substring("jdbc:".length());
        List<Connection> connections = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int i = 0; i < THREADS; i++) {
                connections.add(DriverManager.getConnection(url, p));
            }
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<Long>> answers = new ArrayList<>();
            for (Connection c : connections) {
                answers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return count(c);
                }));
            }
            for (Future<Long> answer : answers) {
                assertEquals(expected, answer.get(60, TimeUnit.SECONDS), "every thread gets the right answer");
            }
        } finally {
            pool.shutdownNow();
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setInt(1, 0);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
