package dev.jdbccache.bench.demo;

import java.util.Properties;

/** The cache settings of each store a run compares: local, redis, tiered. */
final class Stores {

    private Stores() {
    }

    /** System properties {@code workload.cache.<key>} set {@code cache.<key>} for every store. */
    static final String OVERRIDE_PREFIX = "workload.";

    /**
     * The {@code cache.*} settings for {@code store}, in a cache of its own named {@code cacheName},
     * with any {@code -Dworkload.cache.<key>=<value>} applied (e.g. a smaller
     * {@code cache.local.max-bytes}).
     */
    static Properties settings(String store, String cacheName) {
        Properties properties = new Properties();
        properties.setProperty("cache.name", cacheName);
        properties.setProperty("cache.ttl", "60s");
        properties.setProperty("cache.store", store);
        if (!store.equals("local")) {
            properties.setProperty("cache.redis.prefix", "jcwork:" + cacheName + ":");
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(OVERRIDE_PREFIX + "cache.")) {
                properties.setProperty(key.substring(OVERRIDE_PREFIX.length()), System.getProperty(key));
            }
        }
        return properties;
    }
}
