package dev.jdbccache.driver.redis;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.jdbccache.driver.cache.EntryStore;
import dev.jdbccache.driver.config.CacheConfig;
import java.time.Duration;

/**
 * Builds the Redis-backed stores of one cache from its configuration. Nothing connects here: the
 * first call does (so a cache starts, and its queries run, while Redis is down).
 */
public final class RedisStores {

    private RedisStores() {
    }

    /** {@code cache.store=redis}. */
    public static RedisEntryStore redis(CacheConfig config) {
        RedisConnectionFactory connections = new RedisConnectionFactory(config);
        CircuitBreaker circuit = new CircuitBreaker(config.redisCircuitFailures(), config.redisCircuitOpenFor().toNanos(),
                System::nanoTime);
        RedisGateway gateway = new RedisGateway(config.name(), new RedisKeys(config.redisPrefix()), circuit,
                connections::commands, connections.cluster());
        RedisTableVersions versions = new RedisTableVersions(gateway, config.writeLease());
        return new RedisEntryStore(config.name(), gateway, versions, new EntryValue(config.redisHmacKey(), config.redisCompressAbove()));
    }

    /** {@code cache.store=tiered}: the local tier follows {@code ticker} for TTLs. */
    public static TieredEntryStore tiered(CacheConfig config, Ticker ticker) {
        RedisEntryStore redis = redis(config);
        RedisTableVersions versions = (RedisTableVersions) redis.versions();
        if (config.tieredStrict()) {
            return new TieredEntryStore(redis, versions, config.localMaxBytes(), ticker, null, null);
        }
        long maxLag = config.tieredMaxLag().toNanos();
        TieredEntryStore[] store = new TieredEntryStore[1];
        VersionMirror mirror = new VersionMirror(maxLag, System::nanoTime, () -> {
            if (store[0] != null) {
                store[0].dropLocal();
            }
        });
        Duration subscriberTimeout = Duration.ofMillis(Math.max(1_000, 10 * config.tieredMaxLag().toMillis()));
        store[0] = new TieredEntryStore(redis, versions, config.localMaxBytes(), ticker, mirror,
                m -> new MirrorSubscriber(config.name(), redis.gateway(), m,
                        new RedisConnectionFactory(config).subscriber(subscriberTimeout), Math.max(1, maxLag / 4)));
        return store[0];
    }
}
