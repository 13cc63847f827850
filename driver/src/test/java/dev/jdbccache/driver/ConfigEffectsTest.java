package dev.jdbccache.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.cache.BypassReason;
import dev.jdbccache.driver.cache.CacheStats;
import dev.jdbccache.driver.config.ConfigException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each behavioural setting, observed through the driver on H2. */
class ConfigEffectsTest {

    private String db;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = "effects-" + UUID.randomUUID();
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1");
             Statement s = c.createStatement()) {
            s.execute("create table item(id int primary key, name varchar(20))");
            s.execute("create table secret(id int primary key)");
            s.execute("insert into item values (1, 'a'), (2, 'b')");
            s.execute("create alias triple for 'java.lang.Math.multiplyExact(int, int)'");
        }
    }

    private Connection open(String... settings) throws SQLException {
        Properties p = new Properties();
        p.setProperty("cache.name", "effects-" + UUID.randomUUID());
        for (int i = 0; i < settings.length; i += 2) {
            p.setProperty(settings[i], settings[i + 1]);
        }
        return DriverManager.getConnection("jdbc:cache:h2:mem:" + db, p);
    }

    private static void queryTwice(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < 2; i++) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            }
        }
    }

    private static CacheStats stats(Connection c) throws SQLException {
        return JdbcCache.of(c).stats();
    }

    @Test
    void excludeKeepsMatchingStatementsOutOfTheCache() throws SQLException {
        try (Connection c = open("cache.exclude", "(?i)from secret")) {
            queryTwice(c, "select count(*) from secret");
            queryTwice(c, "select count(*) from item");
            assertEquals(2, stats(c).bypasses(BypassReason.EXCLUDED));
            assertEquals(1, stats(c).hits());
        }
    }

    @Test
    void includeCachesOnlyMatchingStatements() throws SQLException {
        try (Connection c = open("cache.include", "(?i)from item")) {
            queryTwice(c, "select count(*) from secret");
            queryTwice(c, "select count(*) from item");
            assertEquals(2, stats(c).bypasses(BypassReason.EXCLUDED));
            assertEquals(1, stats(c).hits());
        }
    }

    @Test
    void emptyResultsAreStoredUnlessDisabled() throws SQLException {
        try (Connection c = open()) {
            queryTwice(c, "select id from item where id = 99");
            assertEquals(1, stats(c).hits());
        }
        try (Connection c = open("cache.cache-empty-results", "false")) {
            queryTwice(c, "select id from item where id = 99");
            assertEquals(0, stats(c).hits());
            assertEquals(2, stats(c).misses());
        }
    }

    @Test
    void userFunctionsAreCachedOnlyWhenDeclaredDeterministic() throws SQLException {
        try (Connection c = open()) {
            queryTwice(c, "select triple(id, 3) from item");
            assertEquals(0, stats(c).hits(), "an unknown function may do anything");
        }
        try (Connection c = open("cache.functions.deterministic", "TRIPLE")) {
            queryTwice(c, "select triple(id, 3) from item");
            assertEquals(1, stats(c).hits());
        }
    }

    @Test
    void tableTtlZeroMeansNeverCached() throws SQLException {
        try (Connection c = open("cache.table.secret.ttl", "0")) {
            queryTwice(c, "select count(*) from secret");
            assertEquals(2, stats(c).bypasses(BypassReason.TTL_ZERO));
        }
    }

    @Test
    void snapshotIsolationMayBeAllowed() throws SQLException {
        try (Connection c = open("cache.transactions.snapshot-isolation", "allow")) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            queryTwice(c, "select count(*) from item");
            assertEquals(1, stats(c).hits());
            c.commit();
        }
    }

    @Test
    void severalDifferentlyConfiguredCachesLiveInOneJvm() throws SQLException {
        Properties a = new Properties();
        a.setProperty("cache.name", "first-" + db);
        a.setProperty("cache.ttl", "10s");
        Properties b = new Properties();
        b.setProperty("cache.name", "second-" + db);
        b.setProperty("cache.ttl", "20s");
        try (Connection first = DriverManager.getConnection("jdbc:cache:h2:mem:" + db, a);
             Connection second = DriverManager.getConnection("jdbc:cache:h2:mem:" + db, b)) {
            queryTwice(first, "select count(*) from item");
            assertEquals(1, stats(first).hits());
            assertEquals(0, stats(second).hits(), "each cache has its own store and stats");
            assertEquals("10s", JdbcCache.of(first).configuration().get("cache.ttl"));
            assertEquals("20s", JdbcCache.of(second).configuration().get("cache.ttl"));
            a.setProperty("cache.ttl", "30s");
            ConfigException e = assertThrows(ConfigException.class,
                    () -> DriverManager.getConnection("jdbc:cache:h2:mem:" + db, a).close());
            assertTrue(e.getMessage().contains("cache 'first-" + db + "' is already running with other settings "
                    + "(cache.ttl differs: 10s vs 30s)"), e.getMessage());
        }
    }
}
