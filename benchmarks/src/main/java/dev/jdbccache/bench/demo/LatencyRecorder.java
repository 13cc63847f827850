package dev.jdbccache.bench.demo;

/**
 * A histogram of latencies in nanoseconds with logarithmic buckets: values below 128 ns are
 * counted exactly, larger ones in buckets 1/64 of a power of two wide, so any percentile is
 * within about 1.6% of the true value. Fixed memory (about 30 KB) whatever the number of samples.
 *
 * <p>Not thread-safe: each worker thread records into its own recorder, and the recorders are
 * {@link #add added} together once the threads have finished.
 */
final class LatencyRecorder {
    private static final int SUB_BITS = 6;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    private static final int EXACT_LIMIT = 2 * SUB_COUNT;
    private static final int BUCKETS = EXACT_LIMIT + (Long.SIZE - 2 - SUB_BITS) * SUB_COUNT;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long min = Long.MAX_VALUE;
    private long max;

    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[indexOf(value)]++;
        total++;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    void add(LatencyRecorder other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    /** The latency at {@code quantile} (0..1) in nanoseconds; 0 when nothing was recorded. */
    long valueAt(double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, Math.max(min, midpointOf(i)));
            }
        }
        return max;
    }

    private static int indexOf(long value) {
        if (value < EXACT_LIMIT) {
            return (int) value;
        }
        int shift = (Long.SIZE - 1 - Long.numberOfLeadingZeros(value)) - SUB_BITS;
        int top = (int) (value >>> shift);
        return EXACT_LIMIT + (shift - 1) * SUB_COUNT + (top - SUB_COUNT);
    }

    private static long midpointOf(int index) {
        if (index < EXACT_LIMIT) {
            return index;
        }
        int offset = index - EXACT_LIMIT;
        int shift = offset / SUB_COUNT + 1;
        long top = offset % SUB_COUNT + SUB_COUNT;
        long low = top << shift;
        return low + (1L << shift) / 2;
    }
}
