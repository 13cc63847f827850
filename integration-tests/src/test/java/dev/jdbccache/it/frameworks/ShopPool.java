package dev.jdbccache.it.frameworks;

import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.driver.cache.CacheStats;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One application's view of one shop: its pool (wired as {@link Wiring} says), the cache it
 * uses (a name of its own, so stats are isolated), and what the tests need beyond the
 * framework: resetting the data through the pool, reading through a connection outside the
 * pool, and counting the table scans PostgreSQL did. Closing it closes the pool and drops the
 * shop's schema.
 */
public final class ShopPool implements AutoCloseable {

    /** Every pool holds this many connections; {@link #databaseScans} borrows them all. */
    public static final int SIZE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ShopPool.class);

    private final Wiring wiring;
    private final ShopDatabase db;
    private final String cacheName;
    private final DataSource dataSource;
    private final Runnable owner;

    /**
     * @param dataSource what the application borrows connections from (at most {@link #SIZE})
     * @param owner run first by {@link #close()}: closes the pool, or the framework that owns it
     */
    public ShopPool(Wiring wiring, ShopDatabase db, String cacheName, DataSource dataSource, Runnable owner) {
        this.wiring = wiring;
        this.db = db;
        this.cacheName = cacheName;
        this.dataSource = dataSource;
        this.owner = owner;
    }

    /** A new shop, and a HikariCP pool on it wired as {@code wiring} says. */
    public static ShopPool open(Wiring wiring, String framework) throws SQLException {
        ShopDatabase db = ShopDatabase.create(framework);
        try {
            return wiring.open(db, cacheName(framework, wiring));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** A cache name no other suite (nor another run of this one) uses. */
    public static String cacheName(String framework, Wiring wiring) {
        return "frameworks-" + framework + "-" + wiring + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Wiring wiring() {
        return wiring;
    }

    public boolean caches() {
        return wiring.caches();
    }

    /** The cache's counters; empty without the cache. */
    public Optional<CacheStats> stats() {
        return caches() ? JdbcCache.named(cacheName).map(JdbcCache::stats) : Optional.empty();
    }

    /** Loads {@code frameworks/shop-data.sql} through the pool (so the cache sees the writes). */
    public void reset() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : ShopDatabase.script("frameworks/shop-data.sql")) {
                s.execute(sql);
            }
        }
    }

    /**
     * Runs a query through a new connection outside the pool, as another part of the
     * application would: the plain driver, or a {@code jdbc:cache:} URL connection of the same
     * cache. Rows as lists of {@code getObject} values.
     */
    public List<List<Object>> queryElsewhere(String sql, Object... args) throws SQLException {
        Properties info = new Properties();
        if (caches()) {
            info.setProperty("cache.name", cacheName);
        }
        try (Connection c = DriverManager.getConnection(caches() ? db.cacheUrl() : db.url(), info);
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /**
     * How often PostgreSQL has scanned {@code tables} (sequential plus index scans). A backend
     * reports its counts lazily, so every pooled connection is borrowed at once (the pool holds
     * {@link #SIZE}) and asked to flush them before the counters are read elsewhere.
     */
    public long databaseScans(String... tables) throws SQLException {
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < SIZE; i++) {
                Connection c = dataSource.getConnection();
                borrowed.add(c);
                // Straight to PostgreSQL's connection: through jdbc-cache, a call of a function it
                // does not know counts as a write of unknown tables and would invalidate the cache
                // under measurement. The flush happens as the backend goes idle, before it answers.
                Connection real = (Connection) c.unwrap(PGConnection.class);
                try (Statement s = real.createStatement()) {
                    s.execute("select pg_stat_force_next_flush()");
                }
            }
        } finally {
            for (Connection c : borrowed) {
                c.close();
            }
        }
        return db.scans(tables);
    }

    @Override
    public void close() throws SQLException {
        stats().ifPresent(s -> LOG.info("{} on {}: {} hit ratio {}", cacheName, db, s,
                String.format("%.2f", s.hitRatio())));
        try {
            owner.run();
        } finally {
            db.close();
        }
    }

    @Override
    public String toString() {
        return wiring + " (" + db + ")";
    }
}
