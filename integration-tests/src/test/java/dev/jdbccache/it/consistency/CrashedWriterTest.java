package dev.jdbccache.it.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jdbccache.driver.cache.BypassReason;
import dev.jdbccache.driver.cache.CacheStats;
import dev.jdbccache.driver.jdbc.CachingConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writers that take leases and never finish: an aborted connection, and a thread that died with
 * its transaction open. Caching of their table stops at most for {@code cache.write-lease} (2 s,
 * on a fake clock: no test sleeps), and readers see the committed rows, never the lost write.
 */
class CrashedWriterTest {

    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final int ROW = 1;

    private FakeClockCache cache;

    @BeforeEach
    void start() throws Exception {
        cache = FakeClockCache.create("crash", 3, LEASE);
    }

    @AfterEach
    void stop() throws Exception {
        cache.close();
    }

    private static long version(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select version from counter where id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bump(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("update counter set version = version + 1 where id = " + id));
        }
    }

    private CacheStats stats() {
        return cache.runtime().stats();
    }

    /** Reads the row twice; returns how many of the two reads were hits. */
    private long hitsOfTwoReads(Connection reader, long expected) throws SQLException {
        long before = stats().hits();
        assertEquals(expected, version(reader, ROW));
        assertEquals(expected, version(reader, ROW));
        return stats().hits() - before;
    }

    /**
     * An abort may come from another thread while the writer's thread is committing, so the
     * outcome is unknown: the abort increments at once but keeps the lease until it expires
     * (a late commit on the database stays covered), then caching resumes.
     */
    @Test
    void abortedWriter_blocksCachingUntilItsLeaseExpires_andReadersKeepTheCommittedRow() throws Exception {
        CachingConnection reader = cache.open();
        CachingConnection writer = cache.open();
        writer.setAutoCommit(false);
        bump(writer, ROW);

        long leaseBypasses = stats().bypasses(BypassReason.LEASE_IN_FLIGHT);
        assertEquals(0, hitsOfTwoReads(reader, 0), "a write in flight: nothing is cached");
        assertEquals(leaseBypasses + 2, stats().bypasses(BypassReason.LEASE_IN_FLIGHT));

        writer.abort(Runnable::run);

        assertEquals(0, hitsOfTwoReads(reader, 0), "right after the abort the lease still covers a late commit");
        cache.ticker().advance(LEASE.plusSeconds(1));
        assertEquals(1, hitsOfTwoReads(reader, 0), "once the lease expired, caching resumes with the committed row");
        assertEquals(0, cache.table().committedVersion(ROW), "the aborted write was never committed");

        CachingConnection next = cache.open();
        bump(next, ROW);
        assertEquals(1, version(reader, ROW), "a later committed write is seen, not the entry cached after the abort");
    }

    @Test
    void abandonedWriter_blocksCachingOnlyUntilItsLeaseExpires() throws Exception {
        CachingConnection reader = cache.open();
        assertEquals(1, hitsOfTwoReads(reader, 0));

        CachingConnection writer = cache.open();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread abandoned = new Thread(() -> {
            try {
                writer.setAutoCommit(false);
                bump(writer, ROW);
                // the thread ends here: its transaction stays open, its connection is never closed
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "abandoned-writer");
        abandoned.start();
        abandoned.join();
        assertEquals(null, failure.get());

        long stores = stats().stores();
        assertEquals(0, hitsOfTwoReads(reader, 0), "lease live: readers go to the database");
        cache.ticker().advance(LEASE.minusMillis(1));
        assertEquals(0, hitsOfTwoReads(reader, 0), "lease still live 1 ms before it expires");
        assertEquals(stores, stats().stores(), "nothing was stored while the lease was live");

        cache.ticker().advance(Duration.ofMillis(2));
        assertEquals(1, hitsOfTwoReads(reader, 0), "lease expired: the committed row is cached again");
        assertEquals(0, cache.table().committedVersion(ROW));
    }

    @Test
    void writerWakingAfterItsLeaseExpired_commitInvalidatesWhatWasCachedMeanwhile() throws Exception {
        CachingConnection reader = cache.open();
        CachingConnection writer = cache.open();
        writer.setAutoCommit(false);
        bump(writer, ROW);

        cache.ticker().advance(LEASE.plusSeconds(1));
        assertEquals(1, hitsOfTwoReads(reader, 0), "the hung writer's lease expired: the committed row is cached");

        writer.commit(); // renews the lease, commits, and increments again
        long hits = stats().hits();
        assertEquals(1, version(reader, ROW), "the commit is seen at once, not the row cached while the writer hung");
        assertEquals(hits, stats().hits(), "the entry cached while the writer hung is not served");
        assertEquals(2, hitsOfTwoReads(reader, 1), "the committed row is cached again");
    }
}
