package dev.jdbccache.driver.admin;

import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.EntryStore;
import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.config.ConfigLoader;
import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.parser.SqlDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An H2 database with tables {@code product} and {@code category}, a cache runtime on a fake
 * clock, and caching connections over it; shared by the observability tests. Not thread-safe.
 */
public final class CacheFixture implements AutoCloseable {

    /** The fake clock of TTLs and leases, in nanoseconds. */
    public final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    public final String url = "jdbc:h2:mem:obs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    public final CacheRuntime runtime;
    private final Connection plain;
    private final List<Connection> opened = new ArrayList<>();

    /** A fixture whose cache is configured by {@code cache.*} pairs (key, value, key, value, ...). */
    public CacheFixture(String... settings) throws SQLException {
        this(null, settings);
    }

    /** The same over a store made from the configuration (a stub), instead of the local store. */
    public CacheFixture(Function<CacheConfig, EntryStore> store, String... settings) throws SQLException {
        Properties p = new Properties();
        p.setProperty("cache.name", "obs-" + UUID.randomUUID());
        p.setProperty("cache.ttl.jitter", "0");
        for (int i = 0; i < settings.length; i += 2) {
            p.setProperty(settings[i], settings[i + 1]);
        }
        CacheConfig config = ConfigLoader.standard().load(p);
        runtime = store == null ? new CacheRuntime(config, nanos::get) : new CacheRuntime(config, store.apply(config));
        plain = DriverManager.getConnection(url);
        try (Statement s = plain.createStatement()) {
            s.execute("create table product(id int primary key, name varchar(50), price decimal(10,2))");
            s.execute("create table category(id int primary key, label varchar(50))");
            s.execute("insert into product values (1, 'apple', 1.50), (2, 'pear', 2.25), (3, 'plum', 0.99)");
            s.execute("insert into category values (1, 'fruit')");
        }
    }

    /** A new caching connection (H2 dialect) to the database; closed with the fixture. */
    public Connection open() throws SQLException {
        return open(SqlDialect.H2);
    }

    public Connection open(SqlDialect dialect) throws SQLException {
        Connection c = new CachingConnection(DriverManager.getConnection(url), runtime, dialect, url + "|" + dialect);
        opened.add(c);
        return c;
    }

    /** A connection that bypasses the driver (writes the cache cannot see). */
    public Connection plain() {
        return plain;
    }

    /** Runs {@code sql} and reads its result to the end; returns the row count. */
    public static int rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    public static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : opened) {
            c.close();
        }
        runtime.close();
        try (Statement s = plain.createStatement()) {
            s.execute("drop all objects");
        }
        plain.close();
    }
}
