package dev.jdbccache.driver.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free histogram of durations in nanoseconds, cheap enough for the cache-hit path: recording
 * is two {@link LongAdder} increments and no allocation. Buckets are log-linear (four per power of
 * two), so a percentile is reported with at most 25% error, always rounded up to its bucket's
 * upper bound; the average is exact.
 *
 * <p>Thread-safe. Reads ({@link #count()}, {@link #percentile}) are not atomic snapshots: taken
 * while others record, they may miss the latest values, which monitoring tolerates.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 2;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    /** Values from 2^62 up share the last bucket (about 146 years; never reached in practice). */
    private static final int BUCKETS = (62 - SUB_BITS + 2) * SUB_BUCKETS;

    private final LongAdder[] buckets = new LongAdder[BUCKETS];
    private final LongAdder totalNanos = new LongAdder();

    public LatencyHistogram() {
        for (int i = 0; i < BUCKETS; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Records one duration; a negative one (a clock step) counts as 0. */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        buckets[bucket(value)].increment();
        totalNanos.add(value);
    }

    /** How many durations were recorded. */
    public long count() {
        long count = 0;
        for (LongAdder bucket : buckets) {
            count += bucket.sum();
        }
        return count;
    }

    /** The sum of the recorded durations, in nanoseconds. */
    public long totalNanos() {
        return totalNanos.sum();
    }

    /** The mean duration in nanoseconds, 0 when nothing was recorded. */
    public long averageNanos() {
        long count = count();
        return count == 0 ? 0 : totalNanos.sum() / count;
    }

    /**
     * The duration that {@code fraction} (e.g. 0.99) of the recorded ones do not exceed, as the
     * upper bound of its bucket; 0 when nothing was recorded.
     */
    public long percentileNanos(double fraction) {
        long[] counts = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = buckets[i].sum();
            total += counts[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upperBound(i);
            }
        }
        return upperBound(BUCKETS - 1);
    }

    /** Forgets everything recorded. */
    public void reset() {
        for (LongAdder bucket : buckets) {
            bucket.reset();
        }
        totalNanos.reset();
    }

    static int bucket(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int mantissa = (int) (value >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
        return Math.min(BUCKETS - 1, (exponent - SUB_BITS + 1) * SUB_BUCKETS + mantissa);
    }

    /** The largest value that falls into bucket {@code index}. */
    static long upperBound(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int exponent = index / SUB_BUCKETS - 1 + SUB_BITS;
        int mantissa = index % SUB_BUCKETS;
        long width = 1L << (exponent - SUB_BITS);
        long lower = (long) (SUB_BUCKETS + mantissa) << (exponent - SUB_BITS);
        return lower + width - 1;
    }
}
