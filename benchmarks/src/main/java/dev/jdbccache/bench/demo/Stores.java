package dev.jdbccache.bench.demo;

import java.util.Properties;

/** The cache settings of each store a run compares: local, redis, tiered. */
final class Stores {

    private Stores() {
    }

    /** The {@code cache.*} settings for {@code store}, in a cache of its own named {@code cacheName}. */
    static Properties settings(String store, String cacheName) {
        Properties properties = new Properties();
        properties.setProperty("cache.name", cacheName);
        properties.setProperty("cache.ttl", "60s");
        properties.setProperty("cache.store", store);
        if (!store.equals("local")) {
            properties.setProperty("cache.redis.prefix", "jcwork:" + cacheName + ":");
        }
        return properties;
    }
}
