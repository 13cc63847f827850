package dev.jdbccache.driver.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void bucketsAreContiguousAndBoundTheirValues() {
        long previousUpper = -1;
        for (int i = 0; i < 248; i++) {
            long upper = LatencyHistogram.upperBound(i);
            assertTrue(upper > previousUpper);
            assertEquals(i, LatencyHistogram.bucket(upper));
            assertEquals(i, LatencyHistogram.bucket(previousUpper + 1));
            previousUpper = upper;
        }
        assertEquals(Long.MAX_VALUE, previousUpper);
    }

    @Test
    void averageIsExactAndPercentilesAreWithinAQuarterAbove() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) {
            h.record(i * 1000L);
        }
        h.record(-5); // a clock step counts as 0
        assertEquals(1001, h.count());
        assertEquals(500_500_000L / 1001, h.averageNanos());
        long p99 = h.percentileNanos(0.99);
        assertTrue(p99 >= 990_000 && p99 <= 990_000 * 1.25, "p99 " + p99);
        h.reset();
        assertEquals(0, h.count());
        assertEquals(0, h.percentileNanos(0.99));
    }

    @Test
    void boundedCountersKeepAtMostTheirKeysAndRankOnDemand() {
        BoundedCounters<LongAdder> counters = new BoundedCounters<>(10, LongAdder::new);
        List<String> seen = new java.util.ArrayList<>();
        counters.onNewKey(seen::add);
        for (int i = 0; i < 100; i++) {
            counters.counter("k" + i).increment();
        }
        for (int i = 0; i < 50; i++) {
            counters.counter("hot").increment();
        }
        assertTrue(counters.top(100, (k, c) -> k, Comparator.<String>naturalOrder()).size() <= 10);
        assertEquals("hot", counters.top(1, (k, c) -> java.util.Map.entry(k, c.sum()),
                java.util.Map.Entry.<String, Long>comparingByValue().reversed()).get(0).getKey());
        assertTrue(seen.contains("hot") && seen.contains("k0"));
    }
}
