package dev.jdbccache.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.jdbc.CachingConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cache configured through HikariCP's dataSourceProperties only, and time-to-live on real time. */
class HikariConfigurationTest {

    private static final String PG_URL = System.getProperty("jdbccache.test.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private static HikariDataSource pool(String cacheName, String tableTtl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:cache:" + PG_URL.substring("jdbc:".length()));
        config.setMaximumPoolSize(2);
        config.addDataSourceProperty("cache.name", cacheName);
        config.addDataSourceProperty("cache.ttl", "10m");
        config.addDataSourceProperty("cache.ttl.jitter", "0");
        config.addDataSourceProperty("cache.table.ttl_probe.ttl", tableTtl);
        return new HikariDataSource(config);
    }

    private static CacheRuntime runtime(Connection c) throws SQLException {
        return c.unwrap(CachingConnection.class).runtime();
    }

    @Test
    void dataSourcePropertiesConfigureTheCacheAndTheTableTtlExpiresOnTime() throws Exception {
        String table = "ttl_probe";
        String cacheName = "hikari-" + UUID.randomUUID();
        try (HikariDataSource pool = pool(cacheName, "1500ms")) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("create table if not exists " + table + "(id int primary key, v text)");
                s.execute("delete from " + table);
                s.execute("insert into " + table + " values (1, 'first')");
                CacheRuntime runtime = runtime(c);
                assertEquals(Duration.ofMinutes(10), runtime.config().ttl());
                assertEquals("connection properties", runtime.config().origins().get("cache.table.ttl_probe.ttl"));
            }
            assertEquals("first", read(pool, table));
            // a write the driver cannot see (another client): only the TTL bounds the staleness
            try (Connection direct = java.sql.DriverManager.getConnection(PG_URL); Statement s = direct.createStatement()) {
                s.executeUpdate("update " + table + " set v = 'second'");
            }
            assertEquals("first", read(pool, table), "within the TTL the entry is served");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String seen = "first";
            while (seen.equals("first") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                seen = read(pool, table);
            }
            assertEquals("second", seen, "after 1.5 s the entry has expired");
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop table " + table);
            }
        }
    }

    @Test
    void aBadKeyInDataSourcePropertiesStopsThePoolWithTheKeyNamed() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:cache:" + PG_URL.substring("jdbc:".length()));
        config.addDataSourceProperty("cache.tll", "30s");
        config.setInitializationFailTimeout(1);
        HikariPool.PoolInitializationException e = assertThrows(HikariPool.PoolInitializationException.class,
                () -> new HikariDataSource(config).close());
        SQLException cause = assertInstanceOf(SQLException.class, e.getCause());
        assertEquals("22023", cause.getSQLState());
        assertTrue(cause.getMessage().contains("unknown key cache.tll (connection properties); did you mean cache.ttl?"),
                cause.getMessage());
    }

    /** A tool that passes a URL alone (a benchmark client, a SQL console): its cache.* keys configure the cache. */
    @Test
    void cacheKeysInTheJdbcUrlAlone_configureTheCache_andPgjdbcNeverSeesThem() throws Exception {
        String cacheName = "url-only-" + UUID.randomUUID();
        String prefix = "jcurl:" + cacheName + ":";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:cache:" + PG_URL.substring("jdbc:".length()) + "&cache.name=" + cacheName
                + "&cache.store=redis&cache.redis.prefix=" + prefix + "&cache.ttl=45s");
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config); Connection c = pool.getConnection()) {
            CacheRuntime runtime = runtime(c);
            assertEquals(cacheName, runtime.config().name());
            assertEquals("redis", runtime.config().store());
            assertEquals(Duration.ofSeconds(45), runtime.config().ttl());
            assertEquals("URL", runtime.config().origins().get("cache.store"));
            String realUrl = c.unwrap(CachingConnection.class).unwrap(org.postgresql.PGConnection.class) instanceof Connection real
                    ? real.getMetaData().getURL() : "";
            assertTrue(!realUrl.contains("cache."), "the real driver's URL: " + realUrl);
        }
        try (redis.clients.jedis.Jedis jedis = new redis.clients.jedis.Jedis("127.0.0.1", 6379)) {
            jedis.keys("{" + prefix + "}*").forEach(jedis::del);
        }
    }

    private static String read(HikariDataSource pool, String table) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("select v from " + table + " where id = ?")) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
