package dev.jdbccache.it.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.cache.BypassReason;
import dev.jdbccache.driver.cache.CacheStats;
import dev.jdbccache.driver.jdbc.CachingConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way a transaction ends, on H2 and PostgreSQL: a reader on another connection must see
 * the committed state right after, and caching must resume (no lease left behind).
 */
class TransactionPathsTest {

    enum Db {
        H2, POSTGRESQL;

        String plainUrl(String name) {
            if (this == H2) {
                return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            }
            String pg = System.getProperty("jdbccache.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            return pg + "&currentSchema=" + name;
        }
    }

    private Db db;
    private String name;
    private Connection admin;
    private Connection reader;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    private void setUp(Db database) throws SQLException {
        db = database;
        name = "tx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin = DriverManager.getConnection(db.plainUrl(name));
        try (Statement s = admin.createStatement()) {
            if (db == Db.POSTGRESQL) {
                s.execute("create schema " + name);
            }
            s.execute("create table account(id int primary key, balance int not null)");
            s.execute("insert into account values (1, 100), (2, 200)");
        }
        reader = open();
    }

    private Connection open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("cache.name", "tx-" + name);
        return DriverManager.getConnection("jdbc:cache:" + db.plainUrl(name).substring("jdbc:".length()), p);
    }

    @AfterEach
    void tearDown() throws SQLException {
        executor.shutdownNow();
        reader.close();
        try (Statement s = admin.createStatement()) {
            s.execute(db == Db.POSTGRESQL ? "drop schema " + name + " cascade" : "drop all objects");
        }
        admin.close();
    }

    private static int balance(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select balance from account where id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void deposit(Connection c, int id, int amount) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update account set balance = balance + ? where id = ?")) {
            ps.setInt(1, amount);
            ps.setInt(2, id);
            ps.executeUpdate();
        }
    }

    private CacheStats stats() throws SQLException {
        return reader.unwrap(CachingConnection.class).runtime().stats();
    }

    /** The reader sees {@code expected}, twice, and the second time from the cache (no lease left). */
    private void assertSettled(int expected) throws SQLException {
        long hits = stats().hits();
        assertEquals(expected, balance(reader, 1));
        assertEquals(expected, balance(reader, 1));
        assertEquals(hits + 1, stats().hits(), "caching resumed: the transaction left no lease behind");
    }

    /** Warms the reader's cache and opens a writer with autocommit off that deposited 5. */
    private Connection writerWithDeposit() throws SQLException {
        assertEquals(100, balance(reader, 1));
        assertEquals(100, balance(reader, 1));
        Connection writer = open();
        writer.setAutoCommit(false);
        deposit(writer, 1, 5);
        assertEquals(105, balance(writer, 1), "the writer reads its own write");
        return writer;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void commit_publishesTheWrite(Db database) throws SQLException {
        setUp(database);
        try (Connection writer = writerWithDeposit()) {
            writer.commit();
        }
        assertSettled(105);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void rollback_keepsTheCommittedValue(Db database) throws SQLException {
        setUp(database);
        try (Connection writer = writerWithDeposit()) {
            writer.rollback();
        }
        assertSettled(100);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void rollbackToSavepoint_thenCommit_publishesWhatRemains(Db database) throws SQLException {
        setUp(database);
        try (Connection writer = writerWithDeposit()) {
            Savepoint savepoint = writer.setSavepoint();
            deposit(writer, 1, 1000);
            writer.rollback(savepoint);
            assertEquals(105, balance(writer, 1));
            assertEquals(100, balance(reader, 1), "uncommitted: others still see the old value");
            writer.commit();
        }
        assertSettled(105);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void closeWithoutCommit_rollsBackAndReleases(Db database) throws SQLException {
        setUp(database);
        Connection writer = writerWithDeposit();
        writer.close();
        assertSettled(100);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void setAutoCommitTrue_commitsAndPublishes(Db database) throws SQLException {
        setUp(database);
        try (Connection writer = writerWithDeposit()) {
            writer.setAutoCommit(true);
        }
        assertSettled(105);
    }

    /**
     * An abort may race a commit on another thread: the reader sees the committed value at once,
     * but the lease is kept until it expires (covering a late commit), so the read bypasses.
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void abort_rollsBackAndKeepsTheLeaseUntilItExpires(Db database) throws SQLException {
        setUp(database);
        Connection writer = writerWithDeposit();
        writer.abort(executor);
        long leaseBypasses = stats().bypasses(BypassReason.LEASE_IN_FLIGHT);
        assertEquals(100, balance(reader, 1));
        assertEquals(100, balance(reader, 1));
        assertEquals(leaseBypasses + 2, stats().bypasses(BypassReason.LEASE_IN_FLIGHT));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void failedStatement_thenRollback_keepsTheCommittedValue(Db database) throws SQLException {
        setUp(database);
        try (Connection writer = writerWithDeposit()) {
            try (Statement s = writer.createStatement()) {
                assertThrows(SQLException.class, () -> s.executeUpdate("insert into account values (1, 0)"));
            }
            writer.rollback();
        }
        assertSettled(100);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void commitOnAClosedConnection_releasesTheLeases(Db database) throws SQLException {
        setUp(database);
        Connection writer = writerWithDeposit();
        // the real connection is gone before the commit: the database rolled the transaction back
        writer.unwrap(CachingConnection.class).delegate().close();
        assertThrows(SQLException.class, writer::commit);
        assertSettled(100);
        writer.close();
    }

    /**
     * The connection breaks after the database committed and before the driver heard it, in a
     * transaction that outlived its leases (a reader cached the old value meanwhile): only the
     * increment after an unknown commit keeps that entry from being served.
     */
    @Test
    void aCommitWhoseAnswerIsLost_isTreatedAsCommitted() throws Exception {
        setUp(Db.POSTGRESQL);
        try (CommitCuttingProxy proxy = new CommitCuttingProxy("127.0.0.1", 5432)) {
            Properties p = new Properties();
            p.setProperty("cache.name", "tx-short-lease-" + name); // a transaction outlives a 1 s lease
            p.setProperty("cache.write-lease", "1s");
            String url = "postgresql://127.0.0.1:%d/test?user=postgres&currentSchema=" + name;
            Connection writer = DriverManager.getConnection("jdbc:cache:" + url.formatted(proxy.port()), p);
            Connection shortLeaseReader = DriverManager.getConnection("jdbc:cache:" + url.formatted(5432), p);
            CacheStats stats = writer.unwrap(CachingConnection.class).runtime().stats();
            writer.setAutoCommit(false);
            deposit(writer, 1, 5);
            // wait until the writer's leases run out and the reader caches the old value
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (stats.hits() == 0 && System.nanoTime() < deadline) {
                assertEquals(100, balance(shortLeaseReader, 1));
                Thread.sleep(20);
            }
            assertEquals(1, stats.hits(), "the reader cached the old value once the leases ran out");
            proxy.armCutOnCommit();
            assertThrows(SQLException.class, writer::commit);
            assertTrue(proxy.awaitCut(10), "the COMMIT reached the database and its answer was cut");
            assertEquals(105, balance(admin, 1), "the database committed");
            assertEquals(105, balance(shortLeaseReader, 1), "the entry cached before the commit is not served");
            shortLeaseReader.close();
            writer.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void readsOfOtherTablesInAWriteTransactionStillUseTheCache(Db database) throws SQLException {
        setUp(database);
        try (Statement s = admin.createStatement()) {
            s.execute("create table rate(id int primary key, pct int)");
            s.execute("insert into rate values (1, 3)");
        }
        try (Connection writer = writerWithDeposit()) {
            for (int i = 0; i < 2; i++) {
                try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("select pct from rate where id = 1")) {
                    rs.next();
                    assertEquals(3, rs.getInt(1));
                }
            }
            CacheStats stats = writer.unwrap(CachingConnection.class).runtime().stats();
            assertEquals(1, stats.bypasses(BypassReason.WRITE_TRANSACTION), "only the read of the written table bypassed");
            writer.commit();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void failedBatch_stillInvalidates(Db database) throws SQLException {
        setUp(database);
        assertEquals(100, balance(reader, 1));
        try (Connection writer = open(); Statement s = writer.createStatement()) {
            s.addBatch("update account set balance = 150 where id = 1");
            s.addBatch("insert into account values (2, 0)"); // duplicate key: the batch fails part-way
            assertThrows(SQLException.class, s::executeBatch);
        }
        int expected;
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("select balance from account where id = 1")) {
            rs.next();
            expected = rs.getInt(1);
        }
        assertEquals(expected, balance(reader, 1), "whatever part of the batch committed is visible");
    }
}
