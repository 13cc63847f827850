package dev.jdbccache.driver;

import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.CacheStats;
import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.jdbc.CachingConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.management.ObjectName;
import javax.sql.DataSource;

/**
 * The administration handle of one cache: its stats and effective configuration, and
 * invalidation for writes the driver cannot see (another application, a migration, a batch job).
 * Obtained from a connection, a data source, or by name, without casting into internals:
 *
 * <pre>{@code
 * JdbcCache.of(dataSource).invalidate("orders", "order_lines");
 * }</pre>
 *
 * Thread-safe.
 */
public final class JdbcCache {

    private final CacheRuntime runtime;

    private JdbcCache(CacheRuntime runtime) {
        this.runtime = runtime;
    }

    /** The cache a {@code jdbc:cache:} connection uses (also through pools that implement {@code unwrap}). */
    public static JdbcCache of(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(CachingConnection.class)) {
            throw new SQLException("not a caching jdbc:cache: connection (is cache.enabled=false?)", "0A000");
        }
        return new JdbcCache(connection.unwrap(CachingConnection.class).runtime());
    }

    /** The cache behind a data source: borrows a connection once to find it. */
    public static JdbcCache of(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection);
        }
    }

    /** The cache named {@code name} ({@code cache.name}) of the registered driver, if it has started. */
    public static Optional<JdbcCache> named(String name) {
        return CacheDriver.registered().runtimes().get(name).map(JdbcCache::new);
    }

    /** Every cache of this JVM that is open now. */
    public static List<JdbcCache> all() {
        return CacheDriver.registered().runtimes().all().values().stream().map(JdbcCache::new).toList();
    }

    /**
     * Calls {@code action} for every cache open now and for each one opened later, until the
     * returned handle is closed: what a metrics binder needs, since caches start with their
     * first connection, often after the application has wired its registries.
     */
    public static AutoCloseable watch(Consumer<JdbcCache> action) {
        return CacheDriver.registered().runtimes().watch(runtime -> action.accept(new JdbcCache(runtime)));
    }

    /** True once the cache has closed (see {@link CacheDataSource#close}); its numbers stay readable. */
    public boolean isClosed() {
        return runtime.isClosed();
    }

    public String name() {
        return runtime.config().name();
    }

    /** The live counters of this cache (hits, misses, bypasses by reason, timings, top queries, ...). */
    public CacheStats stats() {
        return runtime.stats();
    }

    /**
     * Every number of the stats by its stable name ({@code docs/operations.md}), at this moment:
     * {@code Long} values, {@code hit_ratio} a {@code Double}, states a {@code String}.
     */
    public Map<String, Object> statsSnapshot() {
        return runtime.stats().snapshot();
    }

    /** Sets every counter of this cache back to zero (entries stay). */
    public void resetStats() {
        runtime.stats().reset();
    }

    /** Every effective setting, secrets masked. */
    public Map<String, String> configuration() {
        return runtime.config().effective();
    }

    /** Where each effective setting came from ({@code default}, {@code connection properties}, a file and line). */
    public Map<String, String> configurationOrigins() {
        return runtime.config().origins();
    }

    /** The JMX name of this cache's bean, if it is registered. */
    public Optional<ObjectName> mbeanName() {
        return Optional.ofNullable(runtime.mbeanName());
    }

    public CacheConfig config() {
        return runtime.config();
    }

    /**
     * Invalidates the results that read these tables. Names as written in SQL; an unquoted name
     * is invalidated in both folded cases (so it works for PostgreSQL and H2 alike), a quoted one
     * as written. A schema qualifier is accepted and ignored (invalidation is by table name).
     */
    public void invalidate(String... tables) {
        invalidate(Arrays.asList(tables));
    }

    public void invalidate(Collection<String> tables) {
        runtime.invalidateTables(tables);
    }

    /** Invalidates every entry of this cache (and reads the catalogs again). */
    public void invalidateAll() {
        runtime.invalidateAll();
    }
}
