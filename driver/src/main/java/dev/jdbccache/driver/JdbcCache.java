package dev.jdbccache.driver;

import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.CacheStats;
import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.jdbc.CachingConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    public String name() {
        return runtime.config().name();
    }

    public CacheStats stats() {
        return runtime.stats();
    }

    /** Every effective setting, secrets masked. */
    public Map<String, String> configuration() {
        return runtime.config().effective();
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
        Set<String> names = new LinkedHashSet<>();
        for (String table : tables) {
            String last = lastPart(table.strip());
            if (last.length() >= 2 && last.startsWith("\"") && last.endsWith("\"")) {
                names.add(last.substring(1, last.length() - 1));
            } else {
                names.add(last.toLowerCase(Locale.ROOT));
                names.add(last.toUpperCase(Locale.ROOT));
            }
        }
        runtime.invalidate(names);
    }

    /** Invalidates every entry of this cache (and reads the catalogs again). */
    public void invalidateAll() {
        runtime.invalidateAll();
    }

    private static String lastPart(String qualified) {
        boolean quoted = false;
        int dot = -1;
        for (int i = 0; i < qualified.length(); i++) {
            char c = qualified.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                dot = i;
            }
        }
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }
}
