package dev.jdbccache.it.differential;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where one side of a run connects: the plain URL, or the same URL behind {@code jdbc:cache:}
 * with the mode's {@code cache.*} properties.
 */
record Endpoint(String label, String url, Properties properties) {

    private static final String JDBC = "jdbc:";
    private static final String CACHE = "jdbc:cache:";

    /**
     * Set to {@code plain} to map the cache side to the plain URL, which exercises the suite
     * itself without the driver; only for working on the suite.
     */
    static final String CACHE_SIDE_PROPERTY = "jdbccache.differential.cacheSide";

    static final String REDIS = System.getProperty("jdbccache.test.redis.url", "redis://127.0.0.1:6379");

    /** The Redis prefix of a cache side: one per cache, so runs never share keys. */
    static String prefix(String cacheName) {
        return "jc:it-" + cacheName + ":";
    }

    static Endpoint plain(String plainUrl) {
        return new Endpoint("plain", plainUrl, new Properties());
    }

    static boolean cacheSideMappedToPlain() {
        return "plain".equals(System.getProperty(CACHE_SIDE_PROPERTY));
    }

    static Endpoint cache(String plainUrl, Mode mode, String cacheName) {
        if (cacheSideMappedToPlain()) {
            return new Endpoint("cache (mapped to plain)", plainUrl, new Properties());
        }
        if (!plainUrl.startsWith(JDBC)) {
            throw new IllegalArgumentException("not a JDBC URL: " + plainUrl);
        }
        Properties properties = new Properties();
        properties.setProperty("cache.enabled", Boolean.toString(mode.cacheEnabled()));
        properties.setProperty("cache.name", cacheName);
        if (!mode.store().equals("local")) {
            properties.setProperty("cache.store", mode.store());
            properties.setProperty("cache.redis.url", REDIS);
            properties.setProperty("cache.redis.prefix", prefix(cacheName));
        }
        return new Endpoint("cache", CACHE + plainUrl.substring(JDBC.length()), properties);
    }

    Connection open() throws SQLException {
        // A copy: drivers may add to the properties they are given.
        Properties copy = new Properties();
        copy.putAll(properties);
        return DriverManager.getConnection(url, copy);
    }
}
