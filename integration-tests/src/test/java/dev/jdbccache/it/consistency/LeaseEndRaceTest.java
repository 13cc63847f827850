package dev.jdbccache.it.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.driver.jdbc.DelegatingConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The interleaving behind the stale reads the {@link ConcurrencyCheckerTest} found against the real
 * protocol, replayed step by step (fake clock, a commit held after it reached the database, a
 * reader held inside its capture).
 *
 * <p>A transaction outlives its lease, so readers cache the old row under the current version
 * (allowed: the write is not committed). The commit renews the lease, commits, increments again and
 * releases. A reader that starts after the database committed reads the table version <em>before</em>
 * that increment and looks for leases <em>after</em> the release: it sees the old version and no
 * lease, and serves the old row from the cache.
 */
class LeaseEndRaceTest {

    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final int ROW = 1;

    private FakeClockCache cache;

    @BeforeEach
    void start() throws Exception {
        cache = FakeClockCache.create("leaserace", 3, LEASE);
    }

    @AfterEach
    void stop() throws Exception {
        cache.close();
    }

    /** A real connection whose {@code commit()} waits, once the database has committed, until released. */
    private static final class HeldCommit extends DelegatingConnection {
        final CountDownLatch committed = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldCommit(Connection real) {
            super(real);
        }

        @Override
        public void commit() throws SQLException {
            super.commit();
            committed.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long version(PreparedStatement read) throws SQLException {
        read.setInt(1, ROW);
        try (ResultSet rs = read.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void readerStartingAfterTheCommit_doesNotServeTheRowCachedWhileTheLeaseHadExpired() throws Exception {
        CachingConnection reader = cache.open();
        PreparedStatement read = reader.prepareStatement("select version from counter where id = ?");
        HeldCommit held = new HeldCommit(cache.table().openPlain());
        CachingConnection writer = cache.open(held);

        writer.setAutoCommit(false);
        try (Statement s = writer.createStatement()) {
            s.executeUpdate("update counter set version = version + 1 where id = " + ROW);
        }
        cache.ticker().advance(LEASE.plusSeconds(1));
        assertEquals(0, version(read));
        long hits = cache.runtime().stats().hits();
        assertEquals(0, version(read));
        assertEquals(hits + 1, cache.runtime().stats().hits(), "the old row is cached while the lease has expired");

        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread committer = new Thread(() -> {
            try {
                writer.commit(); // renews the lease, commits, increments, releases
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        }, "committer");
        committer.start();
        assertTrue(held.committed.await(10, TimeUnit.SECONDS));
        assertEquals(1, cache.table().committedVersion(ROW), "the write is committed before the read starts");

        AtomicLong seen = new AtomicLong(-1);
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        Thread racer = new Thread(() -> {
            try {
                seen.set(version(read));
            } catch (Throwable t) {
                readerFailure.set(t);
            }
        }, "racing-reader");
        CountDownLatch versionsRead = new CountDownLatch(1);
        CountDownLatch lookForLeases = new CountDownLatch(1);
        // the table versions read the clock to judge leases, after they have read the versions
        cache.ticker().holdNextRead(racer, versionsRead, lookForLeases);
        racer.start();
        assertTrue(versionsRead.await(10, TimeUnit.SECONDS));

        held.release.countDown(); // the commit returns: the second increment, then the release
        committer.join(10_000);
        lookForLeases.countDown();
        racer.join(10_000);

        assertEquals(null, writerFailure.get());
        assertEquals(null, readerFailure.get());
        assertEquals(1, seen.get(), "a read that began after the commit returned the row cached before it");
    }
}
