package dev.jdbccache.it.capture;

import static dev.jdbccache.it.capture.CaptureFixture.await;
import static dev.jdbccache.it.capture.CaptureFixture.plain;
import static dev.jdbccache.it.capture.CaptureFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.CacheDataSource;
import dev.jdbccache.driver.JdbcCache;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Change capture with the local store, on a real PostgreSQL: writes through the plain driver (as
 * psql, a cron job or another service would make them) invalidate what the cache holds within
 * the stream's lag, by row where the change tells the row, though the TTL is ten minutes.
 */
class ChangeCaptureTest {

    private CaptureFixture fixture;

    @BeforeEach
    void create() throws SQLException {
        fixture = new CaptureFixture();
    }

    @AfterEach
    void drop() throws SQLException {
        fixture.close();
    }

    @Test
    void anOutsideCommit_isSeenThroughTheCache_withinOneSecond() throws Exception {
        try (CacheDataSource ds = fixture.cache("cc-visible-" + fixture.suffix)) {
            JdbcCache cache = CaptureFixture.streaming(ds);
            List<Long> latencies = new ArrayList<>();
            try (Connection c = ds.getConnection(); Connection outside = DriverManager.getConnection(CaptureFixture.PG)) {
                for (int round = 0; round < 200; round++) {
                    int id = 1 + round % 50;
                    String before = value(c, fixture.table, id);
                    long hits = cache.stats().hits();
                    assertEquals(before, value(c, fixture.table, id));
                    assertEquals(hits + 1, cache.stats().hits(), "the second read is a hit");
                    String after = "round-" + round;
                    try (PreparedStatement ps = outside.prepareStatement("update " + fixture.table + " set v = ? where id = ?")) {
                        ps.setString(1, after);
                        ps.setInt(2, id);
                        ps.executeUpdate();
                    }
                    long committed = System.nanoTime();
                    await(() -> {
                        try {
                            return after.equals(value(c, fixture.table, id));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }, 5, () -> "the outside update of row " + id + " was not seen in 5 s: " + cache.statsSnapshot());
                    latencies.add((System.nanoTime() - committed) / 1000);
                }
            }
            Collections.sort(latencies);
            long p50 = latencies.get(latencies.size() / 2);
            long p99 = latencies.get(latencies.size() * 99 / 100);
            long max = latencies.get(latencies.size() - 1);
            System.out.printf("change capture, outside commit to a fresh read through the cache (us, %d rounds): "
                    + "p50 %d, p99 %d, max %d%n", latencies.size(), p50, p99, max);
            assertTrue(max < 1_000_000, "every outside commit is seen within 1 s; the slowest took " + max + " us");
        }
    }

    @Test
    void anOutsideUpdateOfOneRow_leavesTheOtherRowsCached() throws Exception {
        try (CacheDataSource ds = fixture.cache("cc-rows-" + fixture.suffix)) {
            JdbcCache cache = CaptureFixture.streaming(ds);
            try (Connection c = ds.getConnection()) {
                value(c, fixture.table, 1);
                value(c, fixture.table, 2);
                long transactions = cache.stats().changeCapture().transactions();
                plain("update " + fixture.table + " set v = 'changed' where id = 1");
                await(() -> cache.stats().changeCapture().transactions() > transactions, 5,
                        () -> "the update never reached the consumer: " + cache.statsSnapshot());
                long hits = cache.stats().hits();
                assertEquals("v2", value(c, fixture.table, 2));
                assertEquals(hits + 1, cache.stats().hits(), "row 2 is still cached: " + cache.statsSnapshot());
                assertEquals("changed", value(c, fixture.table, 1));
                assertEquals(hits + 1, cache.stats().hits(), "row 1 was invalidated: " + cache.statsSnapshot());
            }
        }
    }

    @Test
    void insertsDeletesAndTruncate_invalidateTheReadsTheyChange() throws Exception {
        // without the catalog digest: the stream's own messages must do it
        try (CacheDataSource ds = fixture.cache("cc-kinds-" + fixture.suffix, "cache.change-capture.ddl-check", "0")) {
            JdbcCache cache = CaptureFixture.streaming(ds);
            try (Connection c = ds.getConnection()) {
                assertEquals(100, count(c));
                assertEquals(100, count(c));
                plain("insert into " + fixture.table + " values (101, 'v101', 1)");
                awaitCount(c, cache, 101);
                assertEquals("v5", value(c, fixture.table, 5));
                plain("delete from " + fixture.table + " where id = 5");
                awaitValue(c, cache, 5, null);
                awaitCount(c, cache, 100);
                plain("truncate " + fixture.table);
                awaitCount(c, cache, 0);
                awaitValue(c, cache, 6, null);
                assertEquals(1, cache.stats().changeCapture().flushes(), "only the new slot's flush: " + cache.statsSnapshot());
            }
        }
    }

    @Test
    void droppingTheSlotUnderARunningCache_flushesIt_andNoReadStaysStale() throws Exception {
        try (CacheDataSource ds = fixture.cache("cc-dropped-" + fixture.suffix)) {
            JdbcCache cache = CaptureFixture.streaming(ds);
            try (Connection c = ds.getConnection()) {
                assertEquals("v7", value(c, fixture.table, 7));
                long flushes = cache.stats().changeCapture().flushes();
                // the consumer's walsender ends, and its temporary slot with it; then a write no slot sees
                plain("select pg_terminate_backend(pid) from pg_stat_activity where backend_type = 'walsender'"
                        + " and application_name = 'jdbc-cache change capture' and pid in (select active_pid from"
                        + " pg_replication_slots where slot_name like '" + slotPrefix(cache) + "%')");
                plain("update " + fixture.table + " set v = 'unseen' where id = 7");
                await(() -> cache.stats().changeCapture().flushes() > flushes
                        && cache.stats().changeCapture().state() == dev.jdbccache.driver.cache.ChangeCaptureStats.State.STREAMING,
                        30, () -> "the consumer did not come back with a flush: " + cache.statsSnapshot());
                assertEquals("unseen", value(c, fixture.table, 7));
                assertTrue(cache.stats().changeCapture().fallbacks() > 0, cache.statsSnapshot().toString());
            }
        }
    }

    @Test
    void anOutsideWriteToAPartition_invalidatesReadsOfItAndOfItsPartitionedTable() throws Exception {
        String parent = fixture.table + "_p";
        plain("create table " + parent + "(id int primary key, v text not null) partition by range (id)");
        plain("create table " + parent + "_1 partition of " + parent + " for values from (1) to (100)");
        plain("create table " + parent + "_2 partition of " + parent + " for values from (100) to (200)");
        plain("insert into " + parent + " select i, 'v' || i from generate_series(1, 199) i");
        try (CacheDataSource ds = fixture.cache("cc-parts-" + fixture.suffix, "cache.change-capture.tables",
                parent + "_1, " + parent + "_2")) {
            JdbcCache cache = CaptureFixture.streaming(ds);
            try (Connection c = ds.getConnection()) {
                assertEquals("v150", value(c, parent, 150));
                assertEquals("v150", value(c, parent + "_2", 150));
                long hits = cache.stats().hits();
                assertEquals("v150", value(c, parent, 150));
                assertEquals("v150", value(c, parent + "_2", 150));
                assertEquals(hits + 2, cache.stats().hits(), "both reads are cached");
                plain("update " + parent + " set v = 'moved' where id = 150"); // lands in the partition
                await(() -> {
                    try {
                        return "moved".equals(value(c, parent, 150)) && "moved".equals(value(c, parent + "_2", 150));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }, 5, () -> "the partition's change was not seen through both tables: " + cache.statsSnapshot());
            }
        } finally {
            plain("drop table if exists " + parent);
        }
    }

    @Test
    void aPublicationAlteredToLeaveChangesOut_stopsTheStream() throws Exception {
        try (CacheDataSource ds = fixture.cache("cc-pubalter-" + fixture.suffix,
                "cache.change-capture.status-interval", "200ms")) {
            JdbcCache cache = CaptureFixture.streaming(ds);
            plain("alter publication " + fixture.publication + " set (publish = 'insert')");
            await(() -> cache.stats().changeCapture().state() == dev.jdbccache.driver.cache.ChangeCaptureStats.State.FALLBACK
                    && "publication".equals(cache.stats().changeCapture().lastFallback()), 10,
                    () -> "the altered publication was not noticed: " + cache.statsSnapshot());
        }
    }

    @Test
    void outsideDdl_flushesTheCache() throws Exception {
        try (CacheDataSource ds = fixture.cache("cc-ddl-" + fixture.suffix)) {
            JdbcCache cache = CaptureFixture.streaming(ds);
            try (Connection c = ds.getConnection()) {
                value(c, fixture.table, 3);
                long flushes = cache.stats().changeCapture().flushes();
                plain("create index on " + fixture.table + " (g)");
                await(() -> cache.stats().changeCapture().flushes() > flushes, 10,
                        () -> "DDL did not flush the cache: " + cache.statsSnapshot());
                long misses = cache.stats().misses();
                value(c, fixture.table, 3);
                assertEquals(misses + 1, cache.stats().misses(), "the entry went with the flush");
            }
        }
    }

    @Test
    void aBulkLoadOfAMillionRows_escalatesToTheTable_withABoundedTagSet() throws Exception {
        try (CacheDataSource ds = fixture.cache("cc-bulk-" + fixture.suffix)) {
            JdbcCache cache = CaptureFixture.streaming(ds);
            try (Connection c = ds.getConnection()) {
                assertEquals(100, count(c));
                long transactions = cache.stats().changeCapture().transactions();
                plain("insert into " + fixture.table + " select i, 'bulk', i % 10 from generate_series(1000, 1000999) i");
                await(() -> cache.stats().changeCapture().transactions() > transactions, 120,
                        () -> "the bulk load was not applied: " + cache.statsSnapshot());
                assertTrue(cache.stats().changeCapture().escalations() >= 1, cache.statsSnapshot().toString());
                assertTrue(cache.stats().changeCapture().largestTagSet() <= 1000 + 10,
                        "tags held for one transaction: " + cache.stats().changeCapture().largestTagSet());
                assertEquals(1_000_100, count(c));
                System.out.printf("change capture, a 1M-row insert: applied with %d tags held at most, lag %d ms%n",
                        cache.stats().changeCapture().largestTagSet(), cache.stats().changeCapture().lagMillis());
            }
        }
    }

    private static String slotPrefix(JdbcCache cache) {
        return cache.config().changeCapture().slot();
    }

    private long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + fixture.table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void awaitCount(Connection c, JdbcCache cache, long expected) throws InterruptedException {
        await(() -> {
            try {
                return count(c) == expected;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, 5, () -> "count(*) never became " + expected + ": " + cache.statsSnapshot());
    }

    private void awaitValue(Connection c, JdbcCache cache, int id, String expected) throws InterruptedException {
        await(() -> {
            try {
                return java.util.Objects.equals(expected, value(c, fixture.table, id));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, 5, () -> "row " + id + " never read " + expected + ": " + cache.statsSnapshot());
    }
}
