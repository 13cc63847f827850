package dev.jdbccache.bench.demo;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A model of the committed {@code product.version} of every product, used to detect stale reads.
 * A writer calls {@link #committed} after its update's {@code executeUpdate} has returned (the
 * update is then committed: autocommit). A reader takes {@link #expectedVersion} before it
 * queries and passes it to {@link #check} with the version it read: a lower version means the
 * read returned data older than a write that had finished before the read began.
 *
 * <p>Thread-safe.
 */
final class StaleReadChecker {
    private final AtomicLongArray versions;
    private final LongAdder checked = new LongAdder();
    private final LongAdder stale = new LongAdder();

    StaleReadChecker(int products) {
        versions = new AtomicLongArray(products + 1);
    }

    long expectedVersion(int productId) {
        return versions.get(productId);
    }

    void committed(int productId) {
        versions.incrementAndGet(productId);
    }

    void check(long expected, long read) {
        checked.increment();
        if (read < expected) {
            stale.increment();
        }
    }

    long checked() {
        return checked.sum();
    }

    long stale() {
        return stale.sum();
    }
}
