package dev.jdbccache.it.consistency;

import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.config.ConfigLoader;
import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.parser.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A {@link CounterTable} on PostgreSQL and a cache runtime on a {@link FakeTicker}, for tests that
 * step through leases without sleeping. Closing it closes every real connection it wrapped (which
 * rolls back what an abandoned writer left open), the runtime, then the table.
 */
final class FakeClockCache implements AutoCloseable {

    private final FakeTicker ticker;
    private final List<Connection> opened = new ArrayList<>();
    private final String name;
    private final CounterTable table;
    private final CacheRuntime runtime;

    private FakeClockCache(String name, FakeTicker ticker, CounterTable table, CacheRuntime runtime) {
        this.name = name;
        this.ticker = ticker;
        this.table = table;
        this.runtime = runtime;
    }

    /** A fresh table of {@code rows} counters and a runtime with a 10 min TTL and {@code lease}. */
    static FakeClockCache create(String name, int rows, Duration lease) throws Exception {
        CounterTable table = CounterTable.create(name, rows);
        FakeTicker ticker = new FakeTicker();
        Properties p = new Properties();
        p.setProperty("cache.name", name + "-" + table.schema());
        p.setProperty("cache.ttl", "10m");
        p.setProperty("cache.write-lease", lease.toMillis() + "ms");
        return new FakeClockCache(name, ticker, table, new CacheRuntime(ConfigLoader.standard().load(p), ticker));
    }

    FakeTicker ticker() {
        return ticker;
    }

    CacheRuntime runtime() {
        return runtime;
    }

    CounterTable table() {
        return table;
    }

    /** {@code real} wrapped in a caching connection of this runtime; {@code real} is closed by {@link #close()}. */
    CachingConnection open(Connection real) throws SQLException {
        opened.add(real);
        return new CachingConnection(real, runtime, SqlDialect.POSTGRESQL, name + "|" + table.schema());
    }

    /** A caching connection over a new plain connection to the table's schema. */
    CachingConnection open() throws SQLException {
        return open(table.openPlain());
    }

    @Override
    public void close() throws Exception {
        try {
            for (Connection c : opened) {
                c.close();
            }
            runtime.close();
        } finally {
            table.close();
        }
    }
}
