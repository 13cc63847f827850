package dev.jdbccache.spring;

import dev.jdbccache.driver.JdbcCache;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the health indicators of both Boot generations report: per open cache its store, the
 * store's state, and its hits and misses. A failing store does not make the application
 * unhealthy (every query then goes to the database, correctly, only slower), so the status stays
 * UP and {@code degraded} says that a store is failing.
 */
final class CacheHealth {

    private final Map<String, Object> details = new LinkedHashMap<>();
    private final boolean degraded;

    private CacheHealth(boolean degraded) {
        this.degraded = degraded;
    }

    static CacheHealth now() {
        Map<String, Object> caches = new LinkedHashMap<>();
        boolean degraded = false;
        for (JdbcCache cache : JdbcCache.all()) {
            Map<String, Object> snapshot = cache.statsSnapshot();
            Map<String, Object> one = new LinkedHashMap<>();
            String state = String.valueOf(snapshot.get("store_state"));
            one.put("store", cache.configuration().get("cache.store"));
            one.put("store_state", state);
            one.put("hits", snapshot.get("hits"));
            one.put("misses", snapshot.get("misses"));
            one.put("store_failures", snapshot.get("bypasses.store_failure"));
            caches.put(cache.name(), one);
            degraded |= !"ok".equals(state);
        }
        CacheHealth health = new CacheHealth(degraded);
        health.details.put("degraded", degraded);
        health.details.put("caches", caches);
        return health;
    }

    Map<String, Object> details() {
        return details;
    }

    boolean degraded() {
        return degraded;
    }
}
