package dev.jdbccache.it.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.driver.cache.CacheStats;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The local tier's admission ({@code cache.local.admission}) against PostgreSQL: while the tier
 * has room every miss is recorded; once it evicts for room, one-off keys are served without
 * recording and a key that comes back is recorded; the byte budget holds either way.
 */
class LocalAdmissionTest {

    private static final String URL = System.getProperty("jdbccache.test.pg.cache-url",
            "jdbc:cache:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final String QUERY = "select g, repeat('v', 200) from generate_series(?::int, ?::int + 4) g";
    private static final long BUDGET = 64 * 1024;

    private long counter = 1_000;

    @Test
    void whileTheTierHasRoom_everyMissIsRecorded_andTheSecondReadHits() throws SQLException {
        try (Connection c = connect("seen-twice-when-full"); PreparedStatement ps = c.prepareStatement(QUERY)) {
            CacheStats stats = JdbcCache.of(c).stats();
            read(ps, 1);
            read(ps, 1);
            assertEquals(1, stats.misses());
            assertEquals(1, stats.stores());
            assertEquals(1, stats.hits());
            assertEquals(0, stats.missesNotRecorded());
        }
    }

    @Test
    void onceTheTierIsFull_oneOffKeysAreNotRecorded_andAKeyThatComesBackIs() throws SQLException {
        try (Connection c = connect("seen-twice-when-full"); PreparedStatement ps = c.prepareStatement(QUERY)) {
            JdbcCache cache = JdbcCache.of(c);
            CacheStats stats = cache.stats();
            int filling = fillUntilEvicting(ps, stats);
            long storesWhenFull = stats.stores();

            int oneOffs = 2_000;
            for (int i = 0; i < oneOffs; i++) {
                read(ps, counter++);
                assertTrue(stats.bytes() <= BUDGET, "over budget: " + stats.bytes());
            }
            long recorded = stats.stores() - storesWhenFull;
            assertTrue(stats.missesNotRecorded() >= oneOffs - recorded, stats.snapshot().toString());
            assertTrue(recorded < oneOffs / 20, "one-off keys recorded while full: " + recorded + " of " + oneOffs
                    + " (after " + filling + " calls to fill)");

            long key = counter++;
            refreshFullness(ps, stats); // the tier counts as full for a second after its last eviction
            long hits = stats.hits();
            long stores = stats.stores();
            read(ps, key); // first sighting: served, not recorded
            assertEquals(stores, stats.stores());
            read(ps, key); // it came back: recorded and stored
            assertEquals(stores + 1, stats.stores());
            read(ps, key);
            assertEquals(hits + 1, stats.hits(), "the third read hits");
        }
    }

    @Test
    void aTierThatStoppedEvictingForASecond_recordsEveryMissAgain() throws Exception {
        try (Connection c = connect("seen-twice-when-full"); PreparedStatement ps = c.prepareStatement(QUERY)) {
            CacheStats stats = JdbcCache.of(c).stats();
            fillUntilEvicting(ps, stats);
            Thread.sleep(1_100); // still full of entries, but nothing was evicted for a second
            long stores = stats.stores();
            read(ps, counter++);
            assertEquals(stores + 1, stats.stores(), "recorded at its first sighting: " + stats.snapshot());
        }
    }

    @Test
    void anEmptiedTier_recordsEveryMissAtOnce() throws SQLException {
        try (Connection c = connect("seen-twice-when-full"); PreparedStatement ps = c.prepareStatement(QUERY)) {
            JdbcCache cache = JdbcCache.of(c);
            CacheStats stats = cache.stats();
            fillUntilEvicting(ps, stats);
            cache.invalidateAll();
            long stores = stats.stores();
            long key = counter++;
            read(ps, key);
            assertEquals(stores + 1, stats.stores(), "recorded at its first sighting: " + stats.snapshot());
            read(ps, key);
            assertTrue(stats.hits() >= 1);
        }
    }

    @Test
    void aKeyWhoseEntryAWriteMadeStale_isRecordedAgainAtOnceOnAFullTier() throws SQLException {
        try (Connection c = connect("seen-twice-when-full");
                Statement ddl = c.createStatement();
                PreparedStatement hot = c.prepareStatement("select id, label from admission_hot where id = ?");
                PreparedStatement ps = c.prepareStatement(QUERY)) {
            ddl.execute("drop table if exists admission_hot");
            ddl.execute("create table admission_hot(id int primary key, label text)");
            ddl.execute("insert into admission_hot values (1, 'a')");
            try {
                CacheStats stats = JdbcCache.of(c).stats();
                assertEquals("a", label(hot)); // stored while the tier has room
                while (stats.evictions() < 20) { // fill the tier; the hot key's hits keep its entry in it
                    read(ps, counter++);
                    assertEquals("a", label(hot));
                }
                ddl.executeUpdate("update admission_hot set label = 'b' where id = 1"); // through the driver: invalidates
                refreshFullness(ps, stats);
                long stores = stats.stores();
                assertEquals("b", label(hot));
                assertEquals(stores + 1, stats.stores(), "the stale key's new result is recorded: " + stats.snapshot());
                long hits = stats.hits();
                assertEquals("b", label(hot));
                assertEquals(hits + 1, stats.hits());
            } finally {
                ddl.execute("drop table admission_hot");
            }
        }
    }

    private static String label(PreparedStatement hot) throws SQLException {
        hot.setInt(1, 1);
        try (ResultSet rs = hot.executeQuery()) {
            assertTrue(rs.next());
            return rs.getString(2);
        }
    }

    /** Makes the tier evict again (a key read twice is stored, and the full tier evicts for it). */
    private void refreshFullness(PreparedStatement ps, CacheStats stats) throws SQLException {
        long evictions = stats.evictions();
        while (stats.evictions() == evictions) {
            long key = counter++;
            read(ps, key);
            read(ps, key);
        }
    }

    @Test
    void withAdmissionAlways_everyMissIsRecordedEvenWhenFull() throws SQLException {
        try (Connection c = connect("always"); PreparedStatement ps = c.prepareStatement(QUERY)) {
            CacheStats stats = JdbcCache.of(c).stats();
            fillUntilEvicting(ps, stats);
            for (int i = 0; i < 200; i++) {
                read(ps, counter++);
            }
            assertEquals(stats.misses(), stats.stores());
            assertEquals(0, stats.missesNotRecorded());
            assertTrue(stats.bytes() <= BUDGET, "over budget: " + stats.bytes());
        }
    }

    /** One-off reads until the tier evicts for room; the number of reads it took. */
    private int fillUntilEvicting(PreparedStatement ps, CacheStats stats) throws SQLException {
        int calls = 0;
        while (stats.evictions() == 0) {
            read(ps, counter++);
            calls++;
            assertTrue(calls < 10_000, "the tier never filled: " + stats.snapshot());
        }
        return calls;
    }

    private static void read(PreparedStatement ps, long start) throws SQLException {
        ps.setLong(1, start);
        ps.setLong(2, start);
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                assertEquals(start + rows, rs.getLong(1));
                assertEquals(200, rs.getString(2).length());
                rows++;
            }
        }
        assertEquals(5, rows);
    }

    private static Connection connect(String admission) throws SQLException {
        Properties p = new Properties();
        p.setProperty("cache.name", "admission-" + UUID.randomUUID());
        p.setProperty("cache.local.max-bytes", String.valueOf(BUDGET));
        p.setProperty("cache.local.admission", admission);
        p.setProperty("cache.ttl", "1h");
        return DriverManager.getConnection(URL, p);
    }
}
