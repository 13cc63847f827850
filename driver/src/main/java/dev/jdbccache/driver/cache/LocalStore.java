package dev.jdbccache.driver.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The local tier: Caffeine bounded by the entries' estimated bytes, each entry expiring after its
 * own TTL. Thread-safe.
 */
final class LocalStore {

    private final Cache<QueryKey, CacheEntry> entries;

    LocalStore(long maxBytes, Ticker ticker) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((QueryKey key, CacheEntry entry) -> entry.weight())
                .expireAfter(new PerEntryTtl())
                .ticker(ticker)
                .executor(Runnable::run) // maintenance on the caller: no pool threads, deterministic tests
                .build();
    }

    CacheEntry get(QueryKey key) {
        return entries.getIfPresent(key);
    }

    void put(QueryKey key, CacheEntry entry) {
        entries.put(key, entry);
    }

    void remove(QueryKey key, CacheEntry entry) {
        entries.asMap().remove(key, entry);
    }

    void clear() {
        entries.invalidateAll();
    }

    long entryCount() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** The total weight (estimated bytes) of the entries held now. */
    long weightedSize() {
        entries.cleanUp();
        return entries.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    private static final class PerEntryTtl implements Expiry<QueryKey, CacheEntry> {
        @Override
        public long expireAfterCreate(QueryKey key, CacheEntry entry, long currentTime) {
            return entry.ttlNanos();
        }

        @Override
        public long expireAfterUpdate(QueryKey key, CacheEntry entry, long currentTime, long currentDuration) {
            return entry.ttlNanos();
        }

        @Override
        public long expireAfterRead(QueryKey key, CacheEntry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
