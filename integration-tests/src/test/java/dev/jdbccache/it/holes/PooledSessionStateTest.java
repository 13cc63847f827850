package dev.jdbccache.it.holes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.jdbccache.driver.CacheDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code CacheDataSource} over a pool wraps every borrow anew (issue 15, item 8): what one
 * borrower left on the physical connection (a setting, a temporary table) must still be in the
 * next borrower's key, or keep it from the cache.
 */
class PooledSessionStateTest {

    private PgSchemaFixture db;
    private HikariDataSource pool;
    private CacheDataSource cache;
    private final String cacheName = "pooled-" + UUID.randomUUID();

    @BeforeEach
    void createSchemaAndPool() throws SQLException {
        db = new PgSchemaFixture("pooled",
                "create table events(id int primary key, at timestamptz not null)",
                "insert into events values (1, timestamptz '2026-01-01 00:00:00+00')");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(PgSchemaFixture.PG_URL + "&currentSchema=" + db.schema);
        config.setMaximumPoolSize(1); // every borrow gets the same physical connection
        pool = new HikariDataSource(config);
        cache = new CacheDataSource(pool);
        cache.setCacheName(cacheName);
    }

    @AfterEach
    void close() throws SQLException {
        pool.close();
        db.close();
    }

    private String at() throws SQLException {
        try (Connection c = cache.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select at::text from events where id = 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void run(String sql) throws SQLException {
        try (Connection c = cache.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aSettingLeftOnThePhysicalConnection_isInTheNextBorrowersKey() throws SQLException {
        run("SET TIME ZONE 'UTC'");
        String utc = at();
        assertEquals(utc, at(), "cached");
        run("SET TIME ZONE 'Asia/Tokyo'"); // one borrower sets it and returns the connection
        String tokyo = at();
        assertNotEquals(utc, tokyo, "the next borrower reads in the zone the connection is in");
        assertEquals("2026-01-01 09:00:00+09", tokyo);
    }

    @Test
    void aTemporaryTableLeftOnThePhysicalConnection_isNotShadowedByTheCache() throws SQLException {
        assertEquals(1, count());
        assertEquals(1, count(), "cached");
        run("create temp table events(id int primary key, at timestamptz not null)"); // left for the next borrower
        assertEquals(0, count(), "the next borrower's name resolves to the temporary table");
        assertEquals(0, count());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(PgSchemaFixture.PG_URL + "&currentSchema=" + db.schema);
        try (HikariDataSource otherPool = new HikariDataSource(config)) {
            CacheDataSource other = new CacheDataSource(otherPool);
            other.setCacheName(cacheName);
            assertEquals(1, count(other), "another session is never served the temporary table's rows");
        }
    }

    private long count() throws SQLException {
        return count(cache);
    }

    private static long count(CacheDataSource source) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from events")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
