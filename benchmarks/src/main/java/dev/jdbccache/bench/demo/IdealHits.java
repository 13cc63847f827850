package dev.jdbccache.bench.demo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ideal hit ratio of a workload (DESIGN.md section 8): the share of reads whose exact key
 * (statement and parameters) was read before with an identical result. No cache can beat it: a
 * read whose result differs from the last one for its key, or whose key is new, must reach the
 * database. Measured on any target by hashing each result; on the plain target it is the
 * workload's own ceiling. Counts restart with {@link #startCounting}; the last results are kept.
 * Thread-safe.
 */
final class IdealHits {

    /** One read's key: the operation and its parameter. */
    record Key(Object operation, long parameter) {
    }

    private final ConcurrentHashMap<Key, Long> lastResult = new ConcurrentHashMap<>();
    private final LongAdder reads = new LongAdder();
    private final LongAdder ideal = new LongAdder();

    /** Records a read of {@code key} that returned a result hashing to {@code resultHash}. */
    void read(Key key, long resultHash) {
        Long before = lastResult.put(key, resultHash);
        reads.increment();
        if (before != null && before == resultHash) {
            ideal.increment();
        }
    }

    /** Starts the measured interval: reads before it still count as "read before". */
    void startCounting() {
        reads.reset();
        ideal.reset();
    }

    long reads() {
        return reads.sum();
    }

    /** The ideal hit ratio of the reads since {@link #startCounting}. */
    double ratio() {
        long n = reads.sum();
        return n == 0 ? 0 : (double) ideal.sum() / n;
    }
}
