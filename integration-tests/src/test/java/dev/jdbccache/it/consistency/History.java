package dev.jdbccache.it.consistency;

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

    /** Rows {@code 1..rows}, all at version 0. */
    History(int rows) {
        known = new AtomicLongArray(rows + 1);
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
        known.accumulateAndGet(id, version, Math::max);
    }
}
