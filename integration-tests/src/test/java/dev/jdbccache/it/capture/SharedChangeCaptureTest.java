package dev.jdbccache.it.capture;

import static dev.jdbccache.it.capture.CaptureFixture.await;
import static dev.jdbccache.it.capture.CaptureFixture.plain;
import static dev.jdbccache.it.capture.CaptureFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.CacheDataSource;
import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.driver.cache.ChangeCaptureStats.State;
import dev.jdbccache.it.support.ChildJvm;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Change capture with a shared store (Redis): one consumer per cache, elected through a lease in
 * Redis; the other nodes learn of outside writes through the usual invalidation fan-out. A killed
 * consumer (SIGKILL, in a JVM of its own) is replaced within seconds, and the successor resumes
 * the slot, so writes committed meanwhile still invalidate. A slot dropped under a running cache
 * makes the consumer flush and start over.
 */
class SharedChangeCaptureTest {

    private static final String REDIS = System.getProperty("jdbccache.test.redis.url", "redis://127.0.0.1:6379");

    private CaptureFixture fixture;
    private String slot;

    @BeforeEach
    void create() throws SQLException {
        fixture = new CaptureFixture();
        slot = "cc_shared_" + fixture.suffix;
    }

    @AfterEach
    void drop() throws Exception {
        // the last node to close drops the slot; a test that failed midway may have left it
        await(() -> slotPid() == null, 30, () -> "the slot " + slot + " is still streamed");
        plain("select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '" + slot + "'");
        fixture.close();
    }

    private CacheDataSource node(String name, String... more) {
        String[] settings = {"cache.store", "redis", "cache.redis.url", REDIS, "cache.redis.prefix", "cc-" + fixture.suffix + ":",
                "cache.change-capture.slot", slot};
        String[] all = java.util.Arrays.copyOf(settings, settings.length + more.length);
        System.arraycopy(more, 0, all, settings.length, more.length);
        return fixture.cache(name, all);
    }

    @Test
    void aKilledConsumer_isReplacedWithinSeconds_andItsSuccessorResumesTheSlot() throws Exception {
        try (ChildJvm.Running first = ChildJvm.start(ChildJvm.testClassPath(entry -> true), ConsumerNode.class,
                CaptureFixture.PG, REDIS, fixture.suffix, fixture.table, fixture.publication, slot)) {
            first.awaitOutput("streaming", 60);
            try (CacheDataSource ds = node("cc-second-" + fixture.suffix); Connection c = ds.getConnection()) {
                JdbcCache second = JdbcCache.of(c);
                await(() -> second.stats().changeCapture().state() == State.STANDBY, 30,
                        () -> "the second node did not stand by: " + second.statsSnapshot());

                // the first node consumes; the second learns of the write through Redis
                assertEquals("v1", value(c, fixture.table, 1));
                plain("update " + fixture.table + " set v = 'seen-by-the-first' where id = 1");
                awaitValue(c, second, 1, "seen-by-the-first");

                // a node that stands by and closes leaves the slot to the consumer
                Integer consumerPid = slotPid();
                try (CacheDataSource third = node("cc-third-" + fixture.suffix); Connection t = third.getConnection()) {
                    JdbcCache thirdCache = JdbcCache.of(t);
                    await(() -> thirdCache.stats().changeCapture().state() == State.STANDBY, 30,
                            () -> "the third node did not stand by: " + thirdCache.statsSnapshot());
                }
                assertEquals(consumerPid, slotPid(), "the slot is still streamed by the first node");

                assertEquals("v2", value(c, fixture.table, 2));
                Integer killedPid = slotPid();
                first.kill();
                long killed = System.nanoTime();
                // committed while no node consumes: the successor must still see it
                plain("update " + fixture.table + " set v = 'during-the-takeover' where id = 2");
                await(() -> second.stats().changeCapture().state() == State.STREAMING, 30,
                        () -> "no node took over: " + second.statsSnapshot());
                long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
                awaitValue(c, second, 2, "during-the-takeover");
                assertEquals(1, second.stats().changeCapture().takeovers(), second.statsSnapshot().toString());
                assertEquals(0, second.stats().changeCapture().flushes(), "it resumed the slot rather than flush: "
                        + second.statsSnapshot());
                assertTrue(!killedPid.equals(slotPid()), "the slot is streamed by the second node now");
                assertTrue(takeoverMillis < 15_000, "the takeover took " + takeoverMillis + " ms");
                System.out.printf("change capture, a killed consumer was replaced after %d ms (lease 5 s)%n", takeoverMillis);
            }
        }
        assertNull(slotRow(), "the last node dropped the slot when it closed");
    }

    @Test
    void aTransactionThatTakesLongerThanTheLeaseToApply_keepsItsConsumer() throws Exception {
        try (CacheDataSource firstSource = node("cc-long-first-" + fixture.suffix, "cache.change-capture.lease", "1s");
                Connection first = firstSource.getConnection()) {
            JdbcCache consumer = JdbcCache.of(first);
            await(() -> consumer.stats().changeCapture().state() == State.STREAMING, 30,
                    () -> "the first node never streamed: " + consumer.statsSnapshot());
            try (CacheDataSource secondSource = node("cc-long-second-" + fixture.suffix, "cache.change-capture.lease", "1s");
                    Connection second = secondSource.getConnection()) {
                JdbcCache standby = JdbcCache.of(second);
                await(() -> standby.stats().changeCapture().state() == State.STANDBY, 30,
                        () -> "the second node did not stand by: " + standby.statsSnapshot());
                long transactions = consumer.stats().changeCapture().transactions();
                long started = System.nanoTime();
                plain("insert into " + fixture.table + " select i, 'bulk', i % 10 from generate_series(1000, 400999) i");
                await(() -> consumer.stats().changeCapture().transactions() > transactions, 120,
                        () -> "the bulk insert was not applied: " + consumer.statsSnapshot());
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(millis > 1000, "the transaction took " + millis + " ms, not longer than the lease");
                assertEquals(0, standby.stats().changeCapture().takeovers(), "the lease lapsed while the consumer "
                        + "applied one transaction: " + standby.statsSnapshot());
                assertEquals(State.STREAMING, consumer.stats().changeCapture().state(), consumer.statsSnapshot().toString());
            }
        }
    }

    @Test
    void ddlWhileNoNodeConsumes_makesTheSuccessorFlush() throws Exception {
        try (ChildJvm.Running first = ChildJvm.start(ChildJvm.testClassPath(entry -> true), ConsumerNode.class,
                CaptureFixture.PG, REDIS, fixture.suffix, fixture.table, fixture.publication, slot)) {
            first.awaitOutput("streaming", 60);
            try (CacheDataSource ds = node("cc-ddl-second-" + fixture.suffix); Connection c = ds.getConnection()) {
                JdbcCache second = JdbcCache.of(c);
                await(() -> second.stats().changeCapture().state() == State.STANDBY, 30,
                        () -> "the second node did not stand by: " + second.statsSnapshot());
                first.kill();
                plain("create index on " + fixture.table + " (g)"); // DDL is not in the stream
                await(() -> second.stats().changeCapture().state() == State.STREAMING, 30,
                        () -> "no node took over: " + second.statsSnapshot());
                assertEquals(1, second.stats().changeCapture().flushes(),
                        "the successor compared the catalog with its predecessor's digest: " + second.statsSnapshot());
            }
        }
    }

    @Test
    void droppingTheSharedSlotUnderARunningCache_flushesIt_andNoReadStaysStale() throws Exception {
        try (CacheDataSource ds = node("cc-drop-" + fixture.suffix)) {
            JdbcCache cache = CaptureFixture.streaming(ds);
            try (Connection c = ds.getConnection()) {
                assertEquals("v3", value(c, fixture.table, 3));
                long flushes = cache.stats().changeCapture().flushes();
                // pg_terminate_backend(pid, timeout) returns once the walsender is gone; the consumer retries after 1 s
                plain("select pg_terminate_backend(active_pid, 5000) from pg_replication_slots where slot_name = '" + slot + "'");
                plain("select pg_drop_replication_slot('" + slot + "')");
                plain("update " + fixture.table + " set v = 'unseen' where id = 3");
                await(() -> cache.stats().changeCapture().flushes() > flushes
                        && cache.stats().changeCapture().state() == State.STREAMING, 30,
                        () -> "the consumer did not come back with a flush: " + cache.statsSnapshot());
                assertEquals("unseen", value(c, fixture.table, 3));
            }
        }
    }

    private void awaitValue(Connection c, JdbcCache cache, int id, String expected) throws InterruptedException {
        await(() -> {
            try {
                return expected.equals(value(c, fixture.table, id));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, 10, () -> "row " + id + " never read " + expected + ": " + cache.statsSnapshot());
    }

    private Integer slotPid() {
        String[] row = slotRow();
        return row == null || row[1] == null ? null : Integer.valueOf(row[1]);
    }

    private String[] slotRow() {
        try (Connection c = DriverManager.getConnection(CaptureFixture.PG); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select slot_name, active_pid from pg_replication_slots where slot_name = '"
                        + slot + "'")) {
            return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first node, in a JVM of its own: consumes until it is killed. */
    public static final class ConsumerNode {
        public static void main(String[] args) throws Exception {
            String pg = args[0];
            String redis = args[1];
            String suffix = args[2];
            CacheDataSource ds = new CacheDataSource("jdbc:cache:" + pg.substring("jdbc:".length()));
            ds.setCacheName("cc-first-" + suffix);
            ds.setCacheTtl("10m");
            ds.setCacheProperty("cache.store", "redis");
            ds.setCacheProperty("cache.redis.url", redis);
            ds.setCacheProperty("cache.redis.prefix", "cc-" + suffix + ":");
            ds.setCacheProperty("cache.change-capture", "logical");
            ds.setCacheProperty("cache.change-capture.tables", args[3]);
            ds.setCacheProperty("cache.change-capture.publication", args[4]);
            ds.setCacheProperty("cache.change-capture.slot", args[5]);
            try (Connection c = ds.getConnection()) {
                JdbcCache cache = JdbcCache.of(c);
                while (cache.stats().changeCapture().state() != State.STREAMING) {
                    Thread.sleep(10);
                }
                System.out.println("streaming");
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }
}
