package dev.jdbccache.it.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.cache.CacheStats;

/**
 * The one assertion about caching the framework suites make, the same for every wiring: a read
 * repeated by the application returns its first answer every time; through jdbc-cache the
 * repeats are hits (the driver's counters) that PostgreSQL never sees (its scan counters),
 * through the plain driver each repeat scans the tables again.
 */
public final class RepeatedReads {

    public static final int REPEATS = 3;

    /** A read the application does; it returns values that compare by content (not entities). */
    @FunctionalInterface
    public interface Read<T> {
        T run() throws Exception;
    }

    private RepeatedReads() {
    }

    /**
     * Runs {@code read} once, then {@link #REPEATS} more times, and returns the first answer.
     *
     * @param tables the tables {@code read} scans (base tables, for a view)
     */
    public static <T> T assertRepeatsServedFromCacheOnly(ShopPool pool, Read<T> read, String... tables)
            throws Exception {
        T first = read.run();
        long hitsBefore = pool.stats().map(CacheStats::hits).orElse(0L);
        long missesBefore = pool.stats().map(CacheStats::misses).orElse(0L);
        long scansBefore = pool.databaseScans(tables);
        for (int i = 0; i < REPEATS; i++) {
            assertEquals(first, read.run(), "repeat " + (i + 1) + " returns the first answer");
        }
        long scans = pool.databaseScans(tables) - scansBefore;
        if (pool.caches()) {
            CacheStats stats = pool.stats().orElseThrow();
            assertEquals(0, stats.misses() - missesBefore, () -> "every repeat is served from the cache: " + stats);
            assertTrue(stats.hits() - hitsBefore >= REPEATS, () -> "each repeat is a hit: " + stats);
            assertEquals(0, scans, "PostgreSQL scanned none of " + String.join(", ", tables) + " again");
        } else {
            assertTrue(scans >= REPEATS, "without the cache each repeat scans the tables: " + scans + " scans");
        }
        return first;
    }
}
