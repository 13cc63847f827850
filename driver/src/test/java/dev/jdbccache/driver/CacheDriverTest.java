package dev.jdbccache.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.driver.jdbc.DelegatingConnection;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;

class CacheDriverTest {

    private final CacheDriver driver = CacheDriver.registered();

    @Test
    void acceptsOnlyCacheUrlsWhoseRestSomeDriverAccepts() throws SQLException {
        assertTrue(driver.acceptsURL("jdbc:cache:h2:mem:x"));
        assertTrue(driver.acceptsURL("jdbc:cache:postgresql://127.0.0.1/test"));
        assertFalse(driver.acceptsURL("jdbc:h2:mem:x"), "plain URLs belong to their own driver");
        assertFalse(driver.acceptsURL("jdbc:cache:mem:x"), "another library's jdbc:cache:mem: URLs are not ours");
        assertFalse(driver.acceptsURL("jdbc:cache:file:/tmp/x"));
        assertFalse(driver.acceptsURL("jdbc:cachex:h2:mem:x"));
        assertThrows(SQLException.class, () -> driver.acceptsURL(null));
    }

    @Test
    void isRegisteredWithDriverManager() throws SQLException {
        Driver found = DriverManager.getDriver("jdbc:cache:h2:mem:registered");
        assertSame(driver, found);
    }

    @Test
    void connectReturnsNullForForeignUrlsAndThrowsForNull() throws SQLException {
        assertNull(driver.connect("jdbc:h2:mem:x", new Properties()));
        assertThrows(SQLException.class, () -> driver.connect(null, new Properties()));
    }

    @Test
    void missingDelegateIsAnError08001WithThePasswordMasked() {
        SQLException e = assertThrows(SQLException.class,
                () -> driver.connect("jdbc:cache:nosuchdb://u:secretpw@h/db?password=secretpw2", new Properties()));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("jdbc:nosuchdb://u:****@h/db?password=****"), e.getMessage());
        assertFalse(e.getMessage().contains("secretpw"), e.getMessage());
    }

    @Test
    void connectsThroughTheDelegateAndStripsCacheProperties() throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "sa");
        info.setProperty("cache.name", "driver-test");
        try (Connection c = DriverManager.getConnection("jdbc:cache:h2:mem:driver1", info)) {
            assertInstanceOf(CachingConnection.class, c);
            assertTrue(c.isWrapperFor(JdbcConnection.class));
            assertInstanceOf(JdbcConnection.class, c.unwrap(JdbcConnection.class));
            assertSame(c, c.unwrap(Connection.class), "asking for a Connection keeps the cache in the path");
        }
    }

    @Test
    void cacheKeysInTheUrl_configureTheCache_takePrecedence_andNeverReachTheRealDriver() throws SQLException {
        Properties info = new Properties();
        info.setProperty("cache.ttl", "7s");
        String name = "url-settings-" + java.util.UUID.randomUUID();
        // H2 refuses settings it does not know: connecting at all shows the keys were taken out
        try (Connection c = DriverManager.getConnection("jdbc:cache:h2:mem:" + name + ";cache.name=" + name
                + ";cache.ttl=5s;DB_CLOSE_DELAY=-1", info)) {
            JdbcCache cache = JdbcCache.of(c);
            assertEquals(name, cache.name());
            assertEquals("5s", cache.configuration().get("cache.ttl"));
            assertEquals("URL", cache.configurationOrigins().get("cache.ttl"));
        }
        SQLException invalid = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:cache:h2:mem:" + name + ";cache.ttl=soon", new Properties()));
        assertTrue(invalid.getMessage().contains("cache.ttl=soon (URL)"), invalid.getMessage());
    }

    @Test
    void theRealDriversClass_isAConnectionsSetting_notItsCaches() throws SQLException {
        String name = "delegate-" + java.util.UUID.randomUUID();
        String url = "jdbc:cache:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;cache.name=" + name;
        try (Connection found = DriverManager.getConnection(url);
                Connection named = DriverManager.getConnection(url + ";cache.delegate-driver=org.h2.Driver")) {
            assertSame(found.unwrap(CachingConnection.class).runtime(), named.unwrap(CachingConnection.class).runtime());
        }
        SQLException notADriver = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url + ";cache.delegate-driver=java.lang.String"));
        assertTrue(notADriver.getMessage().contains("cache.delegate-driver=java.lang.String is not a java.sql.Driver"),
                notADriver.getMessage());
    }

    @Test
    void disabledCacheIsAPurePassThrough() throws SQLException {
        Properties info = new Properties();
        info.setProperty("cache.enabled", "false");
        try (Connection c = DriverManager.getConnection("jdbc:cache:h2:mem:driver2", info)) {
            assertInstanceOf(DelegatingConnection.class, c);
            assertFalse(c instanceof CachingConnection);
        }
    }

    @Test
    void wrappersLeadBackToTheWrappingObjects() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:cache:h2:mem:driver3")) {
            DatabaseMetaData metaData = c.getMetaData();
            assertSame(c, metaData.getConnection());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
                assertSame(s, rs.getStatement());
                assertSame(c, s.getConnection());
            }
            try (PreparedStatement ps = c.prepareStatement("select ?")) {
                ps.setInt(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertSame(ps, rs.getStatement());
                }
            }
        }
    }

    @Test
    void versionComesFromTheBuildAndComplianceIsNotClaimed() {
        assertEquals(0, driver.getMajorVersion());
        assertEquals(1, driver.getMinorVersion());
        assertFalse(driver.jdbcCompliant());
    }

    @Test
    void propertyInfoListsTheRealDriversAndOurs() throws SQLException {
        DriverPropertyInfo[] infos = driver.getPropertyInfo("jdbc:cache:h2:mem:x", new Properties());
        assertTrue(Arrays.stream(infos).anyMatch(i -> i.name.equals("cache.ttl")));
        assertEquals(0, driver.getPropertyInfo("jdbc:h2:mem:x", new Properties()).length);
    }
}
