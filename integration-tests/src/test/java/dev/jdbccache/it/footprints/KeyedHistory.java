package dev.jdbccache.it.footprints;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What is known committed about each row of the keyed checker's {@code acct} table and each
 * {@code grp_meta} row, with the writes in flight on it. Every write of a row (update, move,
 * delete, insert) gives it a higher version, so versions only grow, and a read returning a
 * version below the one known before it began is stale. A row's state is exact while no write on
 * it is in flight: each row has one owning writer, which publishes a commit before it ends the
 * write. Thread-safe.
 */
final class KeyedHistory {

    /** A row at a version: present in a group, or deleted ({@code grp} is then its last group). */
    record State(long version, boolean present, int grp) {
    }

    private final AtomicReferenceArray<State> rows;
    private final AtomicIntegerArray inFlight;
    private final AtomicLongArray started;
    private final AtomicLongArray metaVersions;

    KeyedHistory(int rows, int groups) {
        this.rows = new AtomicReferenceArray<>(rows + 1);
        this.inFlight = new AtomicIntegerArray(rows + 1);
        this.started = new AtomicLongArray(rows + 1);
        this.metaVersions = new AtomicLongArray(groups + 2); // and the empty group
    }

    void initial(int id, State state) {
        rows.set(id, state);
    }

    State known(int id) {
        return rows.get(id);
    }

    long knownMeta(int grp) {
        return metaVersions.get(grp);
    }

    /** A write on {@code id} begins: until {@link #ended}, its state is not exact. */
    void begins(int id) {
        inFlight.incrementAndGet(id); // before the count of starts: see mark
        started.incrementAndGet(id);
    }

    /** The write on {@code id} committed with {@code state}, or ({@code state} null) rolled back or failed. */
    void ended(int id, State state) {
        if (state != null) {
            rows.accumulateAndGet(id, state, (a, b) -> a == null || b.version() > a.version() ? b : a);
        }
        inFlight.decrementAndGet(id);
    }

    void metaCommitted(int grp, long version) {
        metaVersions.accumulateAndGet(grp, version, Math::max);
    }

    /** Seen by a reader: readers see committed data only. */
    void seen(int id, long version, int grp) {
        rows.accumulateAndGet(id, new State(version, true, grp), (a, b) -> a == null || b.version() > a.version() ? b : a);
    }

    void metaSeen(int grp, long version) {
        metaCommitted(grp, version);
    }

    /** A mark taken before a read: {@link #stableSince} tells whether {@code id} kept one state during it. */
    long mark(int id) {
        long starts = started.get(id); // a write that began before this read is in flight below, or ended
        return inFlight.get(id) == 0 ? starts : -1;
    }

    boolean stableSince(int id, long mark) {
        return mark >= 0 && started.get(id) == mark;
    }
}
