package dev.jdbccache.it.differential;

import dev.jdbccache.driver.CacheDriver;
import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.CacheStats;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many answers the cache actually served during the cache side of each scenario. Equal
 * transcripts prove nothing about cached answers if nothing was served from the cache, so the
 * suite checks that the repeated-reads mode produced hits at all.
 */
final class CacheEvidence {

    private static final Logger LOG = LoggerFactory.getLogger(CacheEvidence.class);
    private static final Map<String, LongAdder> HITS_BY_RUN = new ConcurrentHashMap<>();

    private final String cacheName;
    private final long hitsBefore;
    private final long missesBefore;
    private final long bypassesBefore;
    private final long storesBefore;
    private final long droppedFillsBefore;

    private CacheEvidence(String cacheName, CacheStats stats) {
        this.cacheName = cacheName;
        this.hitsBefore = stats == null ? 0 : stats.hits();
        this.missesBefore = stats == null ? 0 : stats.misses();
        this.bypassesBefore = stats == null ? 0 : stats.bypasses();
        this.storesBefore = stats == null ? 0 : stats.stores();
        this.droppedFillsBefore = stats == null ? 0 : stats.droppedFills();
    }

    static CacheEvidence start(String cacheName) {
        return new CacheEvidence(cacheName, stats(cacheName));
    }

    /** Records the hits since {@link #start} under {@code run} and logs the counts. */
    void finish(String run, String scenario) {
        CacheStats stats = stats(cacheName);
        if (stats == null) {
            return;
        }
        long hits = stats.hits() - hitsBefore;
        HITS_BY_RUN.computeIfAbsent(run, k -> new LongAdder()).add(hits);
        LOG.info("[{}] {} {}: hits={} misses={} bypasses={} stores={} droppedFills={}",
                cacheName, run, scenario, hits, stats.misses() - missesBefore,
                stats.bypasses() - bypassesBefore, stats.stores() - storesBefore,
                stats.droppedFills() - droppedFillsBefore);
    }

    static long hits(String run) {
        LongAdder adder = HITS_BY_RUN.get(run);
        return adder == null ? 0 : adder.sum();
    }

    private static CacheStats stats(String cacheName) {
        return CacheDriver.registered().runtimes().get(cacheName).map(CacheRuntime::stats)
                .orElse(null);
    }
}
