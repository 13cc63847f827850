package dev.jdbccache.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.jdbccache.driver.cache.BypassReason;
import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.CacheStats;
import dev.jdbccache.driver.config.ConfigLoader;
import dev.jdbccache.parser.SqlDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Caching behaviour on H2, with database-side execution counts and a fake clock. */
class CachingH2Test {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = nanos::get;
    private String url;
    private CacheRuntime runtime;
    private Connection admin;
    private Connection connection;

    @BeforeEach
    void setUp() throws SQLException {
        url = "jdbc:h2:mem:caching-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        admin = DriverManager.getConnection(url);
        try (Statement s = admin.createStatement()) {
            s.execute("create table product(id int primary key, name varchar(50), price decimal(10,2))");
            s.execute("create table category(id int primary key, label varchar(50))");
            s.execute("insert into product values (1, 'apple', 1.50), (2, 'pear', 2.25), (3, 'plum', 0.99)");
            s.execute("insert into category values (1, 'fruit')");
            s.execute("set query_statistics true");
        }
        runtime = newRuntime(new Properties());
        connection = open();
    }

    private CacheRuntime newRuntime(Properties properties) throws SQLException {
        properties.setProperty("cache.ttl.jitter", "0");
        return new CacheRuntime(ConfigLoader.standard().load(properties), ticker);
    }

    private Connection open() throws SQLException {
        return new CachingConnection(DriverManager.getConnection(url), runtime, SqlDialect.H2, url);
    }

    private long categories(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from category")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The parser bounds a string of hundreds of statements (HostileInputTest); the driver must still follow its write. */
    @Test
    void aWriteAfterHundredsOfStatementsInOneString_invalidates() throws SQLException {
        assertEquals(1, categories(connection));
        assertEquals(1, categories(connection));
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sql.append("select ").append(i).append(" from product;");
        }
        sql.append("delete from category");
        try (Connection writer = open(); Statement s = writer.createStatement()) {
            s.execute(sql.toString());
        }
        assertEquals(0, categories(admin), "H2 ran the whole string");
        assertEquals(0, categories(connection));
    }

    @AfterEach
    void tearDown() throws SQLException {
        connection.close();
        try (Statement s = admin.createStatement()) {
            s.execute("drop all objects");
        }
        admin.close();
    }

    /** How often H2 itself executed statements containing {@code fragment}. */
    private long databaseExecutions(String fragment) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement(
                "select coalesce(sum(execution_count), 0) from information_schema.query_statistics where sql_statement like ?")) {
            ps.setString(1, "%" + fragment + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String nameOf(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select name from product where id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private CacheStats stats() {
        return runtime.stats();
    }

    @Test
    void repeatedQueryIsServedFromTheCacheWithoutReachingTheDatabase() throws SQLException {
        assertEquals("apple", nameOf(connection, 1));
        assertEquals("apple", nameOf(connection, 1));
        assertEquals("apple", nameOf(connection, 1));
        assertEquals(1, stats().misses());
        assertEquals(2, stats().hits());
        assertEquals(1, databaseExecutions("from product where id"), "hits never reach H2");
    }

    @Test
    void boundParametersArePartOfTheKey() throws SQLException {
        assertEquals("apple", nameOf(connection, 1));
        assertEquals("pear", nameOf(connection, 2));
        try (PreparedStatement ps = connection.prepareStatement("select name from product where id = ?")) {
            ps.setString(1, "1"); // same value, other binding: another key
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("apple", rs.getString(1));
            }
        }
        assertEquals(3, stats().misses());
        assertEquals(0, stats().hits());
    }

    @Test
    void autocommitWriteThroughTheSameConnectionInvalidates() throws SQLException {
        assertEquals("apple", nameOf(connection, 1));
        try (PreparedStatement ps = connection.prepareStatement("update product set name = ? where id = ?")) {
            ps.setString(1, "apricot");
            ps.setInt(2, 1);
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals("apricot", nameOf(connection, 1));
        assertEquals(2, stats().misses());
    }

    @Test
    void writeThroughAnotherConnectionOfTheSameCacheInvalidates() throws SQLException {
        assertEquals("apple", nameOf(connection, 1));
        try (Connection other = open(); Statement s = other.createStatement()) {
            s.executeUpdate("update product set name = 'apricot' where id = 1");
        }
        assertEquals("apricot", nameOf(connection, 1));
    }

    @Test
    void writesToOtherTablesKeepTheEntry() throws SQLException {
        assertEquals("apple", nameOf(connection, 1));
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("update category set label = 'fruits'");
        }
        assertEquals("apple", nameOf(connection, 1));
        assertEquals(1, stats().hits());
    }

    @Test
    void transactionReadsItsOwnWritesAndCommitInvalidatesForEveryone() throws SQLException {
        assertEquals("apple", nameOf(connection, 1));
        try (Connection writer = open()) {
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                s.executeUpdate("update product set name = 'apricot' where id = 1");
            }
            assertEquals("apricot", nameOf(writer, 1), "read-your-writes inside the transaction");
            assertEquals(1, stats().bypasses(BypassReason.WRITE_TRANSACTION));
            assertEquals("apple", nameOf(connection, 1), "others see the committed value");
            assertEquals(1, stats().bypasses(BypassReason.LEASE_IN_FLIGHT), "and bypass while the lease is live");
            writer.commit();
        }
        assertEquals("apricot", nameOf(connection, 1));
    }

    @Test
    void rollbackLeavesTheCommittedValueAndReleasesTheLease() throws SQLException {
        try (Connection writer = open()) {
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                s.executeUpdate("update product set name = 'apricot' where id = 1");
            }
            writer.rollback();
        }
        assertEquals("apple", nameOf(connection, 1));
        assertEquals("apple", nameOf(connection, 1));
        assertEquals(1, stats().hits(), "the lease is gone after the rollback: caching resumes");
    }

    @Test
    void readsOfUnwrittenTablesInATransactionStillHit() throws SQLException {
        assertEquals("apple", nameOf(connection, 1));
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("update category set label = 'x'");
        }
        assertEquals("apple", nameOf(connection, 1));
        assertEquals(1, stats().hits());
        connection.commit();
    }

    @Test
    void closingAnOpenTransactionReleasesItsLeases() throws SQLException {
        Connection writer = open();
        writer.setAutoCommit(false);
        try (Statement s = writer.createStatement()) {
            s.executeUpdate("update product set name = 'apricot' where id = 1");
        }
        writer.close();
        assertEquals("apple", nameOf(connection, 1));
        assertEquals("apple", nameOf(connection, 1));
        assertEquals(1, stats().hits());
    }

    @Test
    void batchesInvalidateEveryTableTheyWrite() throws SQLException {
        assertEquals("apple", nameOf(connection, 1));
        try (Statement s = connection.createStatement()) {
            s.addBatch("update category set label = 'x'");
            s.addBatch("update product set name = 'apricot' where id = 1");
            s.executeBatch();
        }
        assertEquals("apricot", nameOf(connection, 1));
    }

    private long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aViewIsInvalidatedByWritesToItsBaseTables() throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("create view cheap as select id, name from product where price < 2");
            s.execute("create view cheap_count as select count(*) as n from cheap");
        }
        assertEquals(2, count(connection, "select n from cheap_count"));
        assertEquals(2, count(connection, "select n from cheap_count"));
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("update product set price = 5 where id = 1");
        }
        assertEquals(1, count(connection, "select n from cheap_count"), "the view of a view follows its base table");
    }

    @Test
    void aCascadingDeleteInvalidatesTheChildTable() throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("create table review(id int primary key, product_id int references product(id) on delete cascade)");
            s.execute("insert into review values (1, 1), (2, 1), (3, 2)");
        }
        assertEquals(3, count(connection, "select count(*) from review"));
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("delete from product where id = 1");
        }
        assertEquals(1, count(connection, "select count(*) from review"));
    }

    @Test
    void ddlThroughTheDriverRereadsTheCatalog() throws SQLException {
        assertEquals(3, count(connection, "select count(*) from product"));
        try (Statement s = connection.createStatement()) {
            s.execute("create view pricey as select * from product where price > 1");
        }
        assertEquals(2, count(connection, "select count(*) from pricey"));
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("update product set price = 0.5 where id = 2");
        }
        assertEquals(1, count(connection, "select count(*) from pricey"), "the new view's dependencies are known");
    }

    @Test
    void hintOffBypassesAndTableTtlZeroBypasses() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (int i = 0; i < 2; i++) {
                try (ResultSet rs = s.executeQuery("select /* cache:off */ count(*) from product")) {
                    rs.next();
                }
            }
        }
        assertEquals(2, stats().bypasses(BypassReason.HINT_OFF));
        assertEquals(0, stats().hits());
    }

    @Test
    void ttlHintCachesATimeFunctionQueryForThatLong() throws SQLException {
        String sql = "select /* cache:ttl=5s */ count(*) from product where price < 100 and current_timestamp is not null";
        try (Statement s = connection.createStatement()) {
            for (int i = 0; i < 2; i++) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    assertEquals(3, rs.getInt(1));
                }
            }
            nanos.addAndGet(Duration.ofSeconds(6).toNanos());
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
            }
            try (ResultSet rs = s.executeQuery("select count(*) from product where current_timestamp is not null")) {
                rs.next();
            }
        }
        assertEquals(1, stats().hits(), "hit within the hinted 5 s");
        assertEquals(2, stats().misses(), "expired after 5 s");
        assertEquals(1, stats().bypasses(BypassReason.NOT_CACHEABLE), "without the hint, time functions are not cached");
    }

    @Test
    void ttlJitterSpreadsExpiriesBelowTheTtl() throws SQLException {
        connection.close();
        Properties p = new Properties();
        p.setProperty("cache.ttl", "100s");
        runtime = new CacheRuntime(ConfigLoader.standard().load(withJitter(p, "0.5")), ticker);
        connection = open();
        for (int id = 1; id <= 3; id++) {
            nameOf(connection, id);
        }
        for (int id = 4; id <= 40; id++) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select " + id + " from product where id = 1")) {
                rs.next();
            }
        }
        long entries = runtime.localEntries();
        nanos.addAndGet(Duration.ofSeconds(49).toNanos());
        assertEquals(entries, runtime.localEntries(), "no TTL is shortened by more than the jitter fraction");
        nanos.addAndGet(Duration.ofSeconds(26).toNanos());
        long left = runtime.localEntries();
        assertTrue(left > 0 && left < entries, "at 75 s some entries expired and some did not: " + left + " of " + entries);
        nanos.addAndGet(Duration.ofSeconds(26).toNanos());
        assertEquals(0, runtime.localEntries(), "none outlives the TTL");
    }

    private static Properties withJitter(Properties p, String jitter) {
        p.setProperty("cache.ttl.jitter", jitter);
        return p;
    }

    @Test
    void entryExpiresAfterItsTtl() throws SQLException {
        connection.close();
        Properties p = new Properties();
        p.setProperty("cache.table.product.ttl", "30s");
        runtime = newRuntime(p);
        connection = open();
        assertEquals("apple", nameOf(connection, 1));
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertEquals("apple", nameOf(connection, 1));
        assertEquals(1, stats().hits());
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals("apple", nameOf(connection, 1));
        assertEquals(2, stats().misses(), "expired after 30 s");
    }

    @Test
    void resultClosedBeforeTheEndIsReadToTheEndAndStored() throws SQLException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("select id from product order by id")) {
                rs.next(); // stops early: the driver records the rest before closing
            }
            int rows = 0;
            try (ResultSet rs = s.executeQuery("select id from product order by id")) {
                while (rs.next()) {
                    rows++;
                }
            }
            assertEquals(3, rows, "the hit holds every row, not only the one read");
        }
        assertEquals(1, stats().misses());
        assertEquals(1, stats().hits());
    }

    @Test
    void resultOverTheRowLimitIsNotStored() throws SQLException {
        connection.close();
        Properties p = new Properties();
        p.setProperty("cache.max-entry-rows", "2");
        runtime = newRuntime(p);
        connection = open();
        try (Statement s = connection.createStatement()) {
            for (int i = 0; i < 2; i++) {
                try (ResultSet rs = s.executeQuery("select id from product order by id")) {
                    while (rs.next()) {
                        rs.getInt(1);
                    }
                }
            }
        }
        assertEquals(2, stats().misses());
        assertEquals(0, stats().stores());
    }

    @Test
    void executeServesTheCachedResultThroughGetResultSet() throws SQLException {
        try (Statement s = connection.createStatement()) {
            assertTrue(s.execute("select name from product where id = 2"));
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
            assertTrue(s.execute("select name from product where id = 2"));
            ResultSet rs = s.getResultSet();
            assertSame(s, rs.getStatement());
            assertTrue(rs.next());
            assertEquals("pear", rs.getString(1));
            assertEquals(-1, s.getUpdateCount());
            assertFalse(s.getMoreResults());
            assertTrue(rs.isClosed());
            assertEquals(-1, s.getUpdateCount());
            assertNull(s.getResultSet());
        }
        assertEquals(1, stats().hits());
    }

    @Test
    void maxRowsAndSchemaArePartOfTheKey() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.setMaxRows(1);
            int limited = 0;
            try (ResultSet rs = s.executeQuery("select id from product")) {
                while (rs.next()) {
                    limited++;
                }
            }
            s.setMaxRows(0);
            int all = 0;
            try (ResultSet rs = s.executeQuery("select id from product")) {
                while (rs.next()) {
                    all++;
                }
            }
            assertEquals(1, limited);
            assertEquals(3, all);
        }
    }
}
