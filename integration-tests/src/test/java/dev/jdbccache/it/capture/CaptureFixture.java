package dev.jdbccache.it.capture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.CacheDataSource;
import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.driver.cache.ChangeCaptureStats;
import dev.jdbccache.testservices.LogicalPostgresql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A table of its own in a PostgreSQL with {@code wal_level=logical}, a publication of that table
 * alone (a publication for all tables would make other suites' tables without a key refuse their
 * UPDATEs), caches that change-capture it, and the clean-up of all of it.
 */
final class CaptureFixture implements AutoCloseable {

    static final String PG = LogicalPostgresql.url();

    final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final String table = "cc_" + suffix;
    final String publication = "cc_pub_" + suffix;

    CaptureFixture() throws SQLException {
        plain("create table " + table + "(id int primary key, v text not null, g int)");
        plain("insert into " + table + " select i, 'v' || i, i % 10 from generate_series(1, 100) i");
    }

    /** A cache data source of its own name reading {@link #table} with change capture on. */
    CacheDataSource cache(String name, String... more) {
        CacheDataSource ds = new CacheDataSource("jdbc:cache:" + PG.substring("jdbc:".length()));
        ds.setCacheName(name);
        ds.setCacheTtl("10m");
        ds.setCacheProperty("cache.change-capture", "logical");
        ds.setCacheProperty("cache.change-capture.publication", publication);
        ds.setCacheProperty("cache.change-capture.tables", table);
        for (int i = 0; i < more.length; i += 2) {
            ds.setCacheProperty(more[i], more[i + 1]);
        }
        return ds;
    }

    /** Opens a connection of {@code ds} (which starts its consumer) and waits until it streams. */
    static JdbcCache streaming(CacheDataSource ds) throws SQLException, InterruptedException {
        try (Connection c = ds.getConnection()) {
            JdbcCache cache = JdbcCache.of(c);
            await(() -> cache.stats().changeCapture().state() == ChangeCaptureStats.State.STREAMING, 30,
                    () -> "the consumer never streamed: " + cache.statsSnapshot());
            return cache;
        }
    }

    /** Runs {@code sql} through the plain driver: a writer the cache does not see. */
    static void plain(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String value(Connection c, String table, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select v from " + table + " where id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void await(BooleanSupplier condition, long seconds, java.util.function.Supplier<String> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - deadline < 0, failure);
            java.util.concurrent.locks.LockSupport.parkNanos(200_000); // fine-grained: the visibility test measures with it
        }
    }

    @Override
    public void close() throws SQLException {
        plain("drop table if exists " + table);
        plain("drop publication if exists " + publication);
    }
}
