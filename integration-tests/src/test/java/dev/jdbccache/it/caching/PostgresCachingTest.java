package dev.jdbccache.it.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.cache.BypassReason;
import dev.jdbccache.driver.cache.CacheStats;
import dev.jdbccache.driver.jdbc.CachingConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache against the real PostgreSQL: hits counted on the database side, SQL transactions, session state. */
class PostgresCachingTest {

    private static final String PG_URL = System.getProperty("jdbccache.test.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String schema = "caching_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String cacheName = "pg-caching-" + schema;
    private Connection admin;

    @BeforeEach
    void createSchema() throws SQLException {
        admin = DriverManager.getConnection(PG_URL);
        try (Statement s = admin.createStatement()) {
            s.execute("create schema " + schema);
            s.execute("create table " + schema + ".item(id int primary key, name text not null)");
            s.execute("insert into " + schema + ".item select g, 'item ' || g from generate_series(1, 100) g");
            s.execute("create schema " + schema + "_b");
            s.execute("create table " + schema + "_b.item(id int primary key, name text not null)");
            s.execute("insert into " + schema + "_b.item values (1, 'other schema')");
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("drop schema " + schema + " cascade");
            s.execute("drop schema " + schema + "_b cascade");
        }
        admin.close();
    }

    private Connection open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("cache.name", cacheName);
        return DriverManager.getConnection("jdbc:cache:" + PG_URL.substring("jdbc:".length()) + "&currentSchema=" + schema, p);
    }

    private static CacheStats stats(Connection c) throws SQLException {
        return c.unwrap(CachingConnection.class).runtime().stats();
    }

    private static String name(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select name from item where id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Index scans PostgreSQL counted on the item table, after flushing this backend's counters. */
    private long indexScans(Connection reader) throws SQLException {
        try (Statement s = reader.createStatement()) {
            s.execute("select pg_stat_force_next_flush()");
        }
        try (Statement s = admin.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("select coalesce(idx_scan, 0) from pg_stat_user_tables "
                    + "where schemaname = '" + schema + "' and relname = 'item'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void hitsAreNotExecutedByPostgres() throws SQLException {
        try (Connection c = open()) {
            long before = indexScans(c);
            for (int i = 0; i < 20; i++) {
                assertEquals("item 7", name(c, 7));
            }
            long scans = indexScans(c) - before;
            assertEquals(1, scans, "only the first read reached PostgreSQL");
            assertEquals(19, stats(c).hits());
        }
    }

    @Test
    void sqlBeginAndCommitHoldInvalidationUntilTheCommit() throws SQLException {
        try (Connection reader = open(); Connection writer = open()) {
            assertEquals("item 1", name(reader, 1));
            try (Statement s = writer.createStatement()) {
                s.execute("BEGIN");
                s.executeUpdate("update item set name = 'changed' where id = 1");
                assertEquals("item 1", name(reader, 1), "uncommitted: others see the old value");
                s.execute("COMMIT");
            }
            assertEquals("changed", name(reader, 1), "committed: nobody sees the old value");
        }
    }

    @Test
    void searchPathChangesAreKeyMaterialNotSharedAcrossSessions() throws SQLException {
        try (Connection a = open(); Connection b = open()) {
            assertEquals("item 1", name(a, 1));
            try (Statement s = b.createStatement()) {
                s.execute("set search_path to " + schema + "_b");
            }
            assertEquals("other schema", name(b, 1), "another search path never shares the entry");
            assertEquals("item 1", name(a, 1));
            assertTrue(stats(a).hits() >= 1);
        }
    }

    @Test
    void repeatableReadTransactionsBypassByDefault() throws SQLException {
        try (Connection c = open()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            name(c, 3);
            name(c, 3);
            c.commit();
            assertEquals(2, stats(c).bypasses(BypassReason.SNAPSHOT_ISOLATION));
        }
    }

    @Test
    void volatileFunctionsAreNeverCached() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            double first;
            try (ResultSet rs = s.executeQuery("select random()")) {
                rs.next();
                first = rs.getDouble(1);
            }
            try (ResultSet rs = s.executeQuery("select random()")) {
                rs.next();
                assertTrue(first != rs.getDouble(1));
            }
            assertEquals(2, stats(c).bypasses(BypassReason.NOT_CACHEABLE));
        }
    }
}
