package dev.jdbccache.bench.demo;

import java.util.Properties;

/**
 * Where a run sends its workload: an H2 in-memory database, either directly or through
 * {@code jdbc:cache:}. Each target has its own database, loaded with the same rows.
 */
record Target(String label, String database, boolean cached, Properties properties) {

    private static final String H2_OPTIONS = ";DB_CLOSE_DELAY=-1";

    static Target plain(String database) {
        return new Target("plain", database, false, new Properties());
    }

    static Target cache(String database, String cacheName) {
        Properties properties = new Properties();
        properties.setProperty("cache.name", cacheName);
        properties.setProperty("cache.enabled", "true");
        properties.setProperty("cache.ttl", "60s");
        return new Target("cache", database, true, properties);
    }

    /** The URL the workload connects to. */
    String url() {
        return (cached ? "jdbc:cache:" : "jdbc:") + "h2:mem:" + database + H2_OPTIONS;
    }

    /** The URL used to load and drop the database, bypassing the cache. */
    String adminUrl() {
        return "jdbc:h2:mem:" + database + H2_OPTIONS;
    }
}
