package dev.jdbccache.bench.demo;

import dev.jdbccache.driver.cache.BypassReason;
import dev.jdbccache.driver.cache.CacheStats;
import java.util.EnumMap;
import java.util.Map;

/** A point-in-time copy of the driver's counters, so that a measured interval can be isolated. */
record CacheCounts(long hits, long misses, long stores, long writes, long evictions, long missesNotRecorded,
        Map<BypassReason, Long> bypassesByReason) {

    static CacheCounts of(CacheStats stats) {
        return new CacheCounts(stats.hits(), stats.misses(), stats.stores(), stats.writes(), stats.evictions(),
                stats.missesNotRecorded(), stats.bypassesByReason());
    }

    CacheCounts minus(CacheCounts earlier) {
        Map<BypassReason, Long> bypasses = new EnumMap<>(BypassReason.class);
        bypassesByReason.forEach((reason, count) -> bypasses.put(reason, count - earlier.bypassesByReason.getOrDefault(reason, 0L)));
        return new CacheCounts(hits - earlier.hits, misses - earlier.misses, stores - earlier.stores,
                writes - earlier.writes, evictions - earlier.evictions, missesNotRecorded - earlier.missesNotRecorded, bypasses);
    }

    long bypasses() {
        return bypassesByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** hits / (hits + misses), as the driver defines it; 0 when nothing was looked up. */
    double hitRatio() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }

    /** hits / every read the driver saw, bypasses included. */
    double servedFromMemory() {
        long reads = hits + misses + bypasses();
        return reads == 0 ? 0 : (double) hits / reads;
    }
}
