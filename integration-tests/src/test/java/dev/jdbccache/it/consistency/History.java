package dev.jdbccache.it.consistency;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What is known to be committed: per row, the highest version some thread has proof of. Proof
 * is a write whose commit returned (its own version, read back in its transaction, or "one more
 * than was known before it started" for a write that did not read it back), or a value read by a
 * reader or by the witness: readers see only committed data. Versions only grow.
 *
 * <p>A read is stale when it returns less than was known before the read was issued: the write
 * that made the higher version had committed (and was known to have) before the read began.
 * Thread-safe.
 */
final class History {
    private final AtomicLongArray known;
    /** Per row, each proof as it arrived: {when (nanoTime), version}. */
    private final List<Queue<long[]>> proofs = new ArrayList<>();

    /** Rows {@code 1..rows}, all at version 0. */
    History(int rows) {
        known = new AtomicLongArray(rows + 1);
        for (int id = 0; id <= rows; id++) {
            proofs.add(new ConcurrentLinkedQueue<>());
        }
    }

    /** The highest version of row {@code id} known at {@code nanos} ({@link System#nanoTime()}). */
    long knownAt(int id, long nanos) {
        long best = 0;
        for (long[] proof : proofs.get(id)) {
            if (proof[0] - nanos <= 0) {
                best = Math.max(best, proof[1]);
            }
        }
        return best;
    }

    /** The sum over all rows of what was known at {@code nanos}. */
    long knownSumAt(long nanos) {
        long sum = 0;
        for (int id = 1; id < known.length(); id++) {
            sum += knownAt(id, nanos);
        }
        return sum;
    }

    long known(int id) {
        return known.get(id);
    }

    /** The sum over all rows of what is known; a committed sum read afterwards is at least this. */
    long knownSum() {
        long sum = 0;
        for (int id = 1; id < known.length(); id++) {
            sum += known.get(id);
        }
        return sum;
    }

    /** Records proof that row {@code id} reached at least {@code version}. */
    void committed(int id, long version) {
        if (known.getAndAccumulate(id, version, Math::max) < version) {
            proofs.get(id).add(new long[] {System.nanoTime(), version});
        }
    }
}
