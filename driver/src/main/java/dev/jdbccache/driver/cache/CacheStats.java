package dev.jdbccache.driver.cache;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one cache. Thread-safe; counting is a {@link LongAdder} increment. */
public final class CacheStats {
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder stores = new LongAdder();
    private final LongAdder droppedFills = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final EnumMap<BypassReason, LongAdder> bypasses = new EnumMap<>(BypassReason.class);

    public CacheStats() {
        for (BypassReason reason : BypassReason.values()) {
            bypasses.put(reason, new LongAdder());
        }
    }

    void hit() {
        hits.increment();
    }

    void miss() {
        misses.increment();
    }

    void stored() {
        stores.increment();
    }

    void fillDropped() {
        droppedFills.increment();
    }

    void write() {
        writes.increment();
    }

    void bypass(BypassReason reason) {
        bypasses.get(reason).increment();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** Misses whose result was stored. */
    public long stores() {
        return stores.sum();
    }

    /** Misses read to the end whose result was not stored because a write intervened. */
    public long droppedFills() {
        return droppedFills.sum();
    }

    /** Statements executed through the driver that wrote tables. */
    public long writes() {
        return writes.sum();
    }

    public long bypasses(BypassReason reason) {
        return bypasses.get(reason).sum();
    }

    public long bypasses() {
        return bypasses.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** A point-in-time copy of the bypass counters. */
    public Map<BypassReason, Long> bypassesByReason() {
        Map<BypassReason, Long> copy = new EnumMap<>(BypassReason.class);
        bypasses.forEach((reason, adder) -> copy.put(reason, adder.sum()));
        return copy;
    }

    /** hits / (hits + misses), 0 when nothing was looked up. */
    public double hitRatio() {
        long h = hits();
        long total = h + misses();
        return total == 0 ? 0 : (double) h / total;
    }

    @Override
    public String toString() {
        return "CacheStats[hits=" + hits() + ", misses=" + misses() + ", stores=" + stores()
                + ", bypasses=" + bypasses() + ", writes=" + writes() + "]";
    }
}
