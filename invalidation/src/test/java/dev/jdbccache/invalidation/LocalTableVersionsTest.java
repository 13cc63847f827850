package dev.jdbccache.invalidation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalTableVersionsTest {

    private final AtomicLong clock = new AtomicLong();
    private final LocalTableVersions versions = new LocalTableVersions(Duration.ofSeconds(60), clock::get);
    private final String[] orders = {"orders"};

    @Test
    void captureWithoutWritesStaysCurrent() {
        VersionSnapshot snapshot = versions.capture(orders);
        assertFalse(snapshot.leased());
        assertTrue(versions.isCurrent(snapshot));
        assertTrue(snapshot.sameVersions(versions.capture(orders)));
    }

    @Test
    void liveLeaseMakesReadersBypass() {
        WriteLease lease = versions.beginWrite(List.of("orders"), false);
        VersionSnapshot during = versions.capture(orders);
        assertTrue(during.leased());
        assertFalse(versions.isCurrent(during), "a fill while a lease is live is dropped");
        versions.endWrite(lease);
        VersionSnapshot after = versions.capture(orders);
        assertFalse(after.leased());
        assertFalse(after.sameVersions(during), "the post-commit increment changes the version");
    }

    @Test
    void captureBeforeWriteIsStaleAfterCommit() {
        VersionSnapshot before = versions.capture(orders);
        WriteLease lease = versions.beginWrite(List.of("orders"), false);
        versions.endWrite(lease);
        assertFalse(versions.isCurrent(before));
        assertFalse(before.sameVersions(versions.capture(orders)));
    }

    @Test
    void writesToOtherTablesLeaveTheSnapshotCurrent() {
        VersionSnapshot snapshot = versions.capture(orders);
        versions.endWrite(versions.beginWrite(List.of("customers"), false));
        assertTrue(versions.isCurrent(snapshot));
    }

    @Test
    void unknownWriteInvalidatesEveryTable() {
        VersionSnapshot snapshot = versions.capture(orders);
        WriteLease lease = versions.beginWrite(List.of(), true);
        assertTrue(versions.capture(orders).leased(), "a write to unknown tables blocks every reader");
        versions.endWrite(lease);
        assertFalse(versions.isCurrent(snapshot));
    }

    @Test
    void expiredLeaseStopsBlockingReaders() {
        versions.beginWrite(List.of("orders"), false);
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        assertFalse(versions.capture(orders).leased(), "a crashed writer blocks caching no longer than the lease");
    }

    @Test
    void renewBeforeCommitRestoresAnExpiredLease() {
        WriteLease lease = versions.beginWrite(List.of("orders"), false);
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        assertFalse(versions.capture(orders).leased());
        versions.renew(lease);
        assertTrue(versions.capture(orders).leased(), "the commit window is covered again");
        versions.endWrite(lease);
        assertFalse(versions.capture(orders).leased());
    }

    @Test
    void aReleaseBetweenTheVersionReadAndTheLeaseCheckIsNotMissed() {
        // a transaction outlived its lease; a reader cached the (still committed) old row meanwhile
        WriteLease lease = versions.beginWrite(List.of("orders"), false);
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        VersionSnapshot duringExpiry = versions.capture(orders);
        assertFalse(duringExpiry.leased());
        // commit: renew, database commit, then the post-commit increment and release, which
        // LocalTableVersions cannot interleave with a capture here; the capture's second read of
        // the versions is what catches a release that lands between its version read and lease check
        versions.renew(lease);
        versions.endWrite(lease);
        assertFalse(versions.capture(orders).sameVersions(duringExpiry));
        assertFalse(versions.isCurrent(duringExpiry));
    }

    @Test
    void abandonIncrementsNowAndKeepsTheLeaseUntilItExpires() {
        VersionSnapshot before = versions.capture(orders);
        WriteLease lease = versions.beginWrite(List.of("orders"), false);
        versions.abandon(lease);
        assertFalse(versions.isCurrent(before));
        assertTrue(versions.capture(orders).leased(), "a late commit on the database stays covered");
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        assertFalse(versions.capture(orders).leased());
    }

    @Test
    void endWriteIsIdempotent() {
        WriteLease lease = versions.beginWrite(List.of("orders"), false);
        versions.endWrite(lease);
        VersionSnapshot after = versions.capture(orders);
        versions.endWrite(lease);
        assertTrue(versions.isCurrent(after));
    }

    @Test
    void explicitInvalidationChangesVersions() {
        VersionSnapshot snapshot = versions.capture(orders);
        versions.invalidate(List.of("orders"));
        assertFalse(versions.isCurrent(snapshot));
        VersionSnapshot next = versions.capture(orders);
        versions.invalidateAll();
        assertFalse(versions.isCurrent(next));
    }
}
