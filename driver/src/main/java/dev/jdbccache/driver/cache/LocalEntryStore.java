package dev.jdbccache.driver.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.jdbccache.driver.result.Recording;
import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.VersionSnapshot;

/**
 * The local tier: Caffeine bounded by the entries' estimated bytes, each entry expiring after its
 * own TTL, with table versions and leases in this JVM. Thread-safe.
 */
public final class LocalEntryStore implements EntryStore {

    private final TableVersions versions;
    private final Cache<QueryKey, CacheEntry> entries;
    private volatile Runnable evicted = () -> { };
    private volatile Runnable expired = () -> { };

    public LocalEntryStore(long maxBytes, Ticker ticker, TableVersions versions) {
        this.versions = versions;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((QueryKey key, CacheEntry entry) -> entry.weight())
                .expireAfter(new PerEntryTtl<CacheEntry>(CacheEntry::ttlNanos))
                .ticker(ticker)
                .executor(Runnable::run) // maintenance on the caller: no pool threads, deterministic tests
                .removalListener((QueryKey key, CacheEntry entry, RemovalCause cause) -> removed(cause))
                .build();
    }

    @Override
    public TableVersions versions() {
        return versions;
    }

    @Override
    public Lookup lookup(QueryKey key, ReadPlan plan) {
        VersionSnapshot captured = versions.capture(plan.tables());
        if (captured.leased()) {
            return new Lookup(null, captured);
        }
        CacheEntry entry = entries.getIfPresent(key);
        if (entry != null) {
            if (entry.versions().sameVersions(captured)) {
                return new Lookup(entry.recording(), captured);
            }
            entries.asMap().remove(key, entry); // invalidated: free its bytes now rather than at expiry
        }
        return new Lookup(null, captured);
    }

    @Override
    public boolean fill(QueryKey key, VersionSnapshot captured, Recording recording, long ttlNanos) {
        if (!versions.isCurrent(captured)) {
            return false;
        }
        long weight = recording.estimatedBytes() + key.estimatedBytes();
        entries.put(key, new CacheEntry(recording, captured, ttlNanos, (int) Math.min(weight, Integer.MAX_VALUE)));
        return true;
    }

    @Override
    public void onRemoval(Runnable evicted, Runnable expired) {
        this.evicted = evicted;
        this.expired = expired;
    }

    private void removed(RemovalCause cause) {
        if (cause == RemovalCause.SIZE) {
            evicted.run();
        } else if (cause == RemovalCause.EXPIRED) {
            expired.run();
        }
    }

    @Override
    public void clear() {
        entries.invalidateAll();
    }

    @Override
    public long entryCount() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    @Override
    public long weightedSize() {
        entries.cleanUp();
        return entries.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    @Override
    public void close() {
        clear();
    }
}
