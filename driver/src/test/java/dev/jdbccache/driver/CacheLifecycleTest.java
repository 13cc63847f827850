package dev.jdbccache.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.driver.metrics.CacheMBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who holds a cache, and when it closes: a {@link CacheDataSource} holds the caches its
 * connections opened and lets go of them on close; a cache closes when nobody holds it and its
 * last connection has closed, never under a connection still in use.
 */
class CacheLifecycleTest {

    private final String name = "lifecycle-" + UUID.randomUUID();
    private final String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";

    private CacheDataSource dataSource() {
        CacheDataSource ds = new CacheDataSource(url);
        ds.setCacheName(name);
        ds.setCacheProperty("cache.jmx", "true");
        return ds;
    }

    @Test
    void closingTheDataSource_closesItsCache_onceItsLastConnectionCloses() throws SQLException {
        CacheDataSource ds = dataSource();
        Connection c = ds.getConnection();
        CacheRuntime runtime = CacheDriver.registered().runtimes().get(name).orElseThrow();
        assertTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(CacheMBean.objectName(name)));

        ds.close();
        assertFalse(runtime.isClosed(), "a connection still uses it");
        try (Statement s = c.createStatement()) {
            s.execute("create table t(id int primary key)");
            s.executeQuery("select * from t").close();
        }
        c.close();
        assertTrue(runtime.isClosed());
        assertTrue(JdbcCache.named(name).isEmpty());
        assertFalse(ManagementFactory.getPlatformMBeanServer().isRegistered(CacheMBean.objectName(name)));

        SQLException refused = assertThrows(SQLException.class, ds::getConnection);
        assertEquals("08003", refused.getSQLState());
        ds.close(); // idempotent
    }

    @Test
    void withNoConnectionOpen_closingTheDataSourceClosesItsCacheAtOnce() throws SQLException {
        CacheDataSource ds = dataSource();
        ds.getConnection().close();
        CacheRuntime runtime = CacheDriver.registered().runtimes().get(name).orElseThrow();
        assertFalse(runtime.isClosed(), "the data source holds it between connections");
        ds.close();
        assertTrue(runtime.isClosed());
    }

    @Test
    void aCacheHeldByAnotherDataSourceOrByUrlConnections_outlivesTheOneThatCloses() throws SQLException {
        CacheDataSource first = dataSource();
        CacheDataSource second = dataSource();
        first.getConnection().close();
        second.getConnection().close();
        CacheRuntime runtime = CacheDriver.registered().runtimes().get(name).orElseThrow();
        first.close();
        assertFalse(runtime.isClosed(), "the second data source holds it");

        Properties p = new Properties();
        p.setProperty("cache.name", name);
        p.setProperty("cache.jmx", "true");
        DriverManager.getConnection("jdbc:cache:" + url.substring("jdbc:".length()), p).close();
        second.close();
        assertFalse(runtime.isClosed(), "the driver holds it for its URL connections");
        assertTrue(JdbcCache.named(name).isPresent());
    }

    @Test
    void aNameReopenedAfterItsCacheClosed_getsAFreshCache() throws SQLException {
        CacheDataSource ds = dataSource();
        ds.getConnection().close();
        CacheRuntime old = CacheDriver.registered().runtimes().get(name).orElseThrow();
        ds.close();
        CacheDataSource again = dataSource();
        try (Connection c = again.getConnection()) {
            CacheRuntime fresh = c.unwrap(CachingConnection.class).runtime();
            assertTrue(old.isClosed());
            assertFalse(fresh.isClosed());
            assertTrue(fresh != old);
        } finally {
            again.close();
        }
    }
}
