package dev.jdbccache.spring;

import dev.jdbccache.driver.JdbcCache;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the health indicators of both Boot generations report: per open cache its store, the
 * store's state, its hits and misses, and its change-capture consumer's state where it has one. A failing store does not make the application
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
            Object capture = snapshot.get("change_capture.state");
            if (!"off".equals(capture)) {
                // reads fall back to the TTL while the stream does not run: degraded, still correct
                one.put("change_capture", capture);
                one.put("change_capture_lag_millis", snapshot.get("change_capture.lag_millis"));
                one.put("change_capture_last_fallback", snapshot.get("change_capture.last_fallback"));
                degraded |= !"streaming".equals(capture) && !"standby".equals(capture);
            }
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
