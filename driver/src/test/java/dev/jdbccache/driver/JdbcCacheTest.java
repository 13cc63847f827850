package dev.jdbccache.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JdbcCacheTest {

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from item")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void invalidationApiCoversWritesTheDriverCannotSee() throws SQLException {
        String db = "admin-" + UUID.randomUUID();
        String cacheName = "admin-" + UUID.randomUUID();
        Properties p = new Properties();
        p.setProperty("cache.name", cacheName);
        try (Connection plain = DriverManager.getConnection("jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1");
             Connection cached = DriverManager.getConnection("jdbc:cache:h2:mem:" + db, p)) {
            try (Statement s = plain.createStatement()) {
                s.execute("create table item(id int)");
                s.execute("insert into item values (1)");
            }
            assertEquals(1, count(cached));
            try (Statement s = plain.createStatement()) {
                s.execute("insert into item values (2)"); // behind the driver's back
            }
            assertEquals(1, count(cached), "the driver cannot see that write");
            JdbcCache cache = JdbcCache.of(cached);
            cache.invalidate("public.item");
            assertEquals(2, count(cached), "an unquoted name is folded as the database folds it");
            try (Statement s = plain.createStatement()) {
                s.execute("insert into item values (3)");
            }
            JdbcCache.named(cacheName).orElseThrow().invalidateAll();
            assertEquals(3, count(cached));
            assertEquals(cacheName, cache.name());
            assertTrue(cache.stats().hits() >= 1);
            assertEquals(cacheName, cache.configuration().get("cache.name"));
        }
    }

    @Test
    void aPassThroughConnectionHasNoCache() throws SQLException {
        Properties p = new Properties();
        p.setProperty("cache.enabled", "false");
        try (Connection c = DriverManager.getConnection("jdbc:cache:h2:mem:nocache", p)) {
            assertEquals("0A000", assertThrows(SQLException.class, () -> JdbcCache.of(c)).getSQLState());
        }
    }
}
