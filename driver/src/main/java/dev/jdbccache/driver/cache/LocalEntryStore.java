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
 *
 * <p>While the tier is full (it evicted for room within the last second), a miss on a key not
 * seen recently is reported as not worth recording: on a full tier Caffeine's frequency-based
 * admission mostly drops such a one-off result soon after it leaves the admission window, after
 * the application paid for recording it, for the put and for an eviction. A key that comes back
 * is recorded, and so is a key whose entry a write made stale (it was read before).
 */
public final class LocalEntryStore implements EntryStore {

    /** How long after an eviction for room the tier counts as full. */
    private static final long FULL_FOR_NANOS = 1_000_000_000L;
    /** Bits of the doorkeeper (128 KiB, created when the tier first fills). */
    private static final int DOORKEEPER_BITS = Doorkeeper.MAX_BITS;

    private final TableVersions versions;
    private final Ticker ticker;
    private final boolean admitsAlways;
    private final Cache<QueryKey, CacheEntry> entries;
    private volatile Runnable evicted = () -> { };
    private volatile Runnable expired = () -> { };
    private volatile long lastEvictionForRoom;
    private volatile boolean evictedForRoom;
    private volatile Doorkeeper doorkeeper;

    /** A tier that records every miss (no admission filter). */
    public LocalEntryStore(long maxBytes, Ticker ticker, TableVersions versions) {
        this(maxBytes, ticker, versions, true);
    }

    /**
     * @param admitsAlways every miss is worth recording ({@code cache.local.admission=always});
     *     else, while the tier is full, misses on keys not seen before are not
     */
    public LocalEntryStore(long maxBytes, Ticker ticker, TableVersions versions, boolean admitsAlways) {
        this.versions = versions;
        this.ticker = ticker;
        this.admitsAlways = admitsAlways;
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
    public Lookup lookup(QueryKey key, String[] tags) {
        VersionSnapshot captured = versions.capture(tags);
        if (captured.leased()) {
            return new Lookup(null, captured);
        }
        CacheEntry entry = entries.getIfPresent(key);
        if (entry != null) {
            if (entry.versions().sameVersions(captured)) {
                return new Lookup(entry.recording(), captured);
            }
            entries.asMap().remove(key, entry); // invalidated: free its bytes now rather than at expiry
            return new Lookup(null, captured); // a key with an entry is no one-off: record it again
        }
        return new Lookup(null, captured, worthRecording(key));
    }

    /** False for a key not seen recently while the tier is full (see the class comment). */
    private boolean worthRecording(QueryKey key) {
        if (admitsAlways || !evictedForRoom || ticker.read() - lastEvictionForRoom > FULL_FOR_NANOS) {
            return true;
        }
        Doorkeeper keeper = doorkeeper;
        if (keeper == null) {
            synchronized (this) {
                keeper = doorkeeper;
                if (keeper == null) {
                    keeper = doorkeeper = new Doorkeeper(DOORKEEPER_BITS);
                }
            }
        }
        return keeper.markSeen(key.hashCode());
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
            lastEvictionForRoom = ticker.read();
            evictedForRoom = true;
            evicted.run();
        } else if (cause == RemovalCause.EXPIRED) {
            expired.run();
        }
    }

    @Override
    public void clear() {
        evictedForRoom = false; // an empty tier has room: record every miss again at once
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
