package dev.jdbccache.driver.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.redis.RedisStores;
import dev.jdbccache.invalidation.LocalTableVersions;

/** The store a configuration asks for ({@code cache.store}: local, redis or tiered). */
public final class EntryStores {

    private EntryStores() {
    }

    /** A new store for {@code config}; TTLs of local tiers (and local leases) follow {@code ticker}. */
    public static EntryStore create(CacheConfig config, Ticker ticker) {
        return switch (config.store()) {
            case "redis" -> RedisStores.redis(config);
            case "tiered" -> RedisStores.tiered(config, ticker);
            default -> new LocalEntryStore(config.localMaxBytes(), ticker, new LocalTableVersions(config.writeLease(), ticker::read),
                    config.localAdmitsAlways());
        };
    }
}
