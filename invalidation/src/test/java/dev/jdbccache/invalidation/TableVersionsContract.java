package dev.jdbccache.invalidation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TableVersions} must do, whatever keeps the versions (DESIGN.md sections 4
 * and 8): run against the local store here and against Redis in the integration tests. Tags are
 * opaque: a table tag, a rows tag and a bucket tag behave alike, and each is independent of the
 * others. Lease expiry is real time: {@link #LEASE} is short, and waits are on conditions.
 */
public abstract class TableVersionsContract {

    /** The write lease of the implementation under test. */
    protected static final Duration LEASE = Duration.ofMillis(400);

    /** A fresh implementation whose write lease is {@link #LEASE}, sharing nothing with another test's. */
    protected abstract TableVersions versions();

    private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
    private final String table = prefix + "_item";
    private final String bucket = prefix + "_item#id#7";
    private final String other = prefix + "_item#id#8";

    @Test
    void aCaptureWithoutWrites_staysCurrent() {
        TableVersions v = versions();
        VersionSnapshot s = v.capture(new String[] {table, bucket});
        assertFalse(s.leased());
        assertTrue(v.isCurrent(s));
        assertTrue(s.sameVersions(v.capture(new String[] {table, bucket})));
    }

    @Test
    void aLiveLease_makesReadersOfItsTagsBypass_andItsEnd_moveTheirVersions() {
        TableVersions v = versions();
        VersionSnapshot before = v.capture(new String[] {bucket});
        WriteLease lease = v.beginWrite(List.of(table, bucket), false);
        VersionSnapshot during = v.capture(new String[] {bucket});
        assertTrue(during.leased());
        assertFalse(v.isCurrent(during), "a fill while the lease is live is dropped");
        assertFalse(v.isCurrent(before), "a capture from before the write is stale");
        v.endWrite(lease);
        VersionSnapshot after = v.capture(new String[] {bucket});
        assertFalse(after.leased());
        assertFalse(after.sameVersions(during), "the increment after the commit moves the version");
        assertTrue(v.isCurrent(after));
    }

    @Test
    void aWriteOfOneTag_leavesCapturesOfOtherTagsCurrent() {
        TableVersions v = versions();
        VersionSnapshot otherKey = v.capture(new String[] {other});
        WriteLease lease = v.beginWrite(List.of(table, bucket), false);
        assertFalse(v.capture(new String[] {other}).leased());
        v.endWrite(lease);
        assertTrue(v.isCurrent(otherKey), "another bucket's entry survives the write");
    }

    @Test
    void endingIsIdempotent_andRenewingAnEndedLeaseDoesNothing() {
        TableVersions v = versions();
        WriteLease lease = v.beginWrite(List.of(bucket), false);
        v.endWrite(lease);
        VersionSnapshot after = v.capture(new String[] {bucket});
        v.endWrite(lease);
        v.renew(lease);
        assertTrue(lease.ended());
        assertFalse(v.capture(new String[] {bucket}).leased());
        assertTrue(v.isCurrent(after), "a second end increments nothing and takes no lease");
    }

    @Test
    void aLeaseOfUnknownTables_coversEveryTag() {
        TableVersions v = versions();
        VersionSnapshot before = v.capture(new String[] {other});
        WriteLease lease = v.beginWrite(List.of(), true);
        assertTrue(v.capture(new String[] {other}).leased());
        v.endWrite(lease);
        assertFalse(v.isCurrent(before));
    }

    @Test
    void invalidate_movesOnlyTheNamedTags_andInvalidateAll_movesEvery() {
        TableVersions v = versions();
        VersionSnapshot a = v.capture(new String[] {bucket});
        VersionSnapshot b = v.capture(new String[] {other});
        v.invalidate(List.of(bucket));
        assertFalse(v.isCurrent(a));
        assertTrue(v.isCurrent(b));
        v.invalidateAll();
        assertFalse(v.isCurrent(b));
    }

    @Test
    void aLeaseWhoseWriterNeverEnds_stopsBlockingAfterTheLease_butRenewedItLasts() throws InterruptedException {
        TableVersions v = versions();
        WriteLease crashed = v.beginWrite(List.of(bucket), false);
        WriteLease renewed = v.beginWrite(List.of(other), false);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (v.capture(new String[] {bucket}).leased() && System.nanoTime() < until) {
            v.renew(renewed);
            Thread.sleep(20);
        }
        assertFalse(v.capture(new String[] {bucket}).leased(), "an expired lease no longer blocks readers");
        v.renew(renewed); // right before the check: a stalled machine must not let it expire in between
        assertTrue(v.capture(new String[] {other}).leased(), "a renewed lease still does");
        v.endWrite(renewed);
        v.endWrite(crashed);
    }

    @Test
    void anAbandonedLease_movesTheVersionsNow_andKeepsBlockingUntilItExpires() {
        TableVersions v = versions();
        VersionSnapshot before = v.capture(new String[] {bucket});
        WriteLease lease = v.beginWrite(List.of(bucket), false);
        v.abandon(lease);
        assertFalse(v.isCurrent(before));
        assertTrue(v.capture(new String[] {bucket}).leased(), "a commit may still land: nothing is stored meanwhile");
    }

    @Test
    void aTransactionWriteSet_leasesEachTagOnce_andTouchesOnlyReadsOfItsTags() {
        TableVersions v = versions();
        TransactionWriteSet writes = new TransactionWriteSet(v);
        writes.add(List.of(table, bucket), false);
        writes.add(List.of(bucket), false);
        assertTrue(writes.touches(new String[] {bucket}));
        assertFalse(writes.touches(new String[] {other}), "a read of another key may use the cache");
        VersionSnapshot during = v.capture(new String[] {bucket});
        assertTrue(during.leased());
        writes.renew();
        writes.end();
        assertFalse(v.capture(new String[] {bucket}).leased());
        assertFalse(writes.touches(new String[] {bucket}), "a new transaction starts empty");
        writes.add(List.of(), true);
        assertTrue(writes.touches(new String[] {other}), "unknown tables touch every read");
        writes.end();
    }
}
