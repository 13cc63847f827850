package dev.jdbccache.driver.cache;

import com.github.benmanes.caffeine.cache.Expiry;
import java.util.function.ToLongFunction;

/**
 * A Caffeine {@link Expiry} where each entry lives for its own TTL from its creation (or last
 * replacement); reads do not extend it. Used by every Caffeine tier of the driver. Immutable.
 *
 * @param <V> the entry type, which carries its TTL in nanoseconds
 */
public final class PerEntryTtl<V> implements Expiry<QueryKey, V> {

    private final ToLongFunction<V> ttlNanos;

    public PerEntryTtl(ToLongFunction<V> ttlNanos) {
        this.ttlNanos = ttlNanos;
    }

    @Override
    public long expireAfterCreate(QueryKey key, V entry, long currentTime) {
        return ttlNanos.applyAsLong(entry);
    }

    @Override
    public long expireAfterUpdate(QueryKey key, V entry, long currentTime, long currentDuration) {
        return ttlNanos.applyAsLong(entry);
    }

    @Override
    public long expireAfterRead(QueryKey key, V entry, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
