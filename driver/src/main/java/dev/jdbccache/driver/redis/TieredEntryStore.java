package dev.jdbccache.driver.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.jdbccache.driver.cache.EntryStore;
import dev.jdbccache.driver.cache.PerEntryTtl;
import dev.jdbccache.driver.cache.QueryKey;
import dev.jdbccache.driver.result.Recording;
import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.VersionSnapshot;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code cache.store=tiered}: a local Caffeine tier in front of {@link RedisEntryStore}. Results
 * found in or stored to Redis are kept locally too, stamped with their versions, the epoch and the
 * publish sequence at which Redis validated them. A local entry is served only when:
 * <ul>
 *   <li>{@code strict} (default): the CHECK script confirms in Redis that its versions are current
 *       and no lease is live (one small round trip instead of fetching and decoding the entry);
 *       exactly the guarantee of the Redis store;</li>
 *   <li>{@code relaxed}: the {@link VersionMirror} is live and saw no write to its tables since
 *       the stamp: no round trip, and a read may miss a write that began less than
 *       {@code cache.tiered.max-lag} earlier.</li>
 * </ul>
 * Otherwise the lookup goes to Redis. A new epoch or a mirror reset empties the local tier.
 * Thread-safe.
 */
public final class TieredEntryStore implements EntryStore {

    /** A local copy of an entry Redis validated at {@code seq} in {@code epoch}. */
    private record Local(Recording recording, VersionSnapshot versions, String[] tables, String epoch, long seq,
            long ttlNanos, int weight) {
    }

    private final RedisEntryStore redis;
    private final RedisTableVersions versions;
    private final Cache<QueryKey, Local> local;
    private final VersionMirror mirror; // null when strict
    private final MirrorSubscriber subscriber; // null when strict

    TieredEntryStore(RedisEntryStore redis, RedisTableVersions versions, long maxBytes, Ticker ticker,
            VersionMirror mirror, Function<VersionMirror, MirrorSubscriber> subscriberFactory) {
        this.redis = redis;
        this.versions = versions;
        this.local = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((QueryKey key, Local entry) -> entry.weight())
                .expireAfter(new PerEntryTtl<Local>(Local::ttlNanos))
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
        this.mirror = mirror;
        redis.gateway().onEpochChange(epoch -> local.invalidateAll());
        this.subscriber = mirror == null ? null : subscriberFactory.apply(mirror);
        if (subscriber != null) {
            redis.gateway().onEpochChange(epoch -> subscriber.resync());
        }
    }

    /** Called by the mirror when it resets: nothing local can be vouched for any more. */
    void dropLocal() {
        local.invalidateAll();
    }

    @Override
    public TableVersions versions() {
        return versions;
    }

    @Override
    public dev.jdbccache.driver.cache.ConsumerLease consumerLease(String slot, java.time.Duration ttl) {
        return redis.consumerLease(slot, ttl);
    }

    @Override
    public boolean holdsEveryInvalidation() {
        return redis.holdsEveryInvalidation();
    }

    @Override
    public boolean agreesOnFootprints(String signature) {
        return redis.agreesOnFootprints(signature);
    }

    @Override
    public void forgetFootprints() {
        redis.forgetFootprints();
    }

    @Override
    public Lookup lookup(QueryKey key, String[] tags) {
        Local entry = local.getIfPresent(key);
        if (entry != null) {
            if (servable(entry)) {
                return new Lookup(entry.recording(), entry.versions());
            }
            local.asMap().remove(key, entry);
        }
        RedisEntryStore.Found found = redis.find(key, tags, true);
        if (found.lookup().hit() && found.ttlMillis() > 0) {
            keep(key, found.lookup().recording(), found.lookup().captured(), tags, found.epoch(), found.seq(),
                    TimeUnit.MILLISECONDS.toNanos(found.ttlMillis()));
        }
        return found.lookup();
    }

    private boolean servable(Local entry) {
        if (mirror == null) {
            return versions.check(entry.tables(), entry.versions()); // throws when Redis fails: a bypass
        }
        return mirror.allows(entry.tables(), entry.seq(), entry.epoch());
    }

    @Override
    public boolean fill(QueryKey key, VersionSnapshot captured, Recording recording, long ttlNanos) {
        RedisEntryStore.Stored stored = redis.store(key, captured, recording, ttlNanos);
        if (stored == null) {
            return false;
        }
        keep(key, recording, captured, null, stored.epoch(), stored.seq(), ttlNanos);
        return true;
    }

    private void keep(QueryKey key, Recording recording, VersionSnapshot captured, String[] tables, String epoch, long seq,
            long ttlNanos) {
        String[] names = tables != null ? tables : captured.tags();
        long weight = recording.estimatedBytes() + 64L + 2L * key.sql().length();
        if (!epoch.equals(redis.gateway().epoch())) {
            return; // the epoch changed meanwhile: the local tier was just dropped
        }
        local.put(key, new Local(recording, captured, names, epoch, seq, ttlNanos,
                (int) Math.min(weight, Integer.MAX_VALUE)));
    }

    @Override
    public void clear() {
        local.invalidateAll();
        redis.clear();
    }

    /** Entries in the local tier. */
    @Override
    public long entryCount() {
        local.cleanUp();
        return local.estimatedSize();
    }

    /** Estimated bytes of the local tier. */
    @Override
    public long weightedSize() {
        local.cleanUp();
        return local.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    /** The Redis side's circuit: {@code ok}, {@code open} or {@code half-open}. */
    @Override
    public String state() {
        return redis.state();
    }

    /** The Redis side's health, and whether the mirror is live (relaxed). */
    public RedisHealth health() {
        RedisHealth h = redis.health();
        return new RedisHealth(h.circuit(), h.consecutiveFailures(), h.failures(), h.rejected(), h.circuitOpened(),
                h.epochChanges(), h.dirty(), h.degradedWrites(), h.rejectedEntries(), mirror != null && mirror.live());
    }

    @Override
    public void close() {
        if (subscriber != null) {
            subscriber.close();
        }
        local.invalidateAll();
        redis.close();
    }
}
