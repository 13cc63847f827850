package dev.jdbccache.driver.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every {@code cache.*} setting: its key, default and meaning. Per-table settings
 * ({@code cache.table.<table>.ttl}, {@code cache.table.<table>.invalidates}) are {@link TableRules}.
 * {@code docs/configuration.md} documents each one.
 */
public enum CacheSetting {
    ENABLED("cache.enabled", "true", "Cache results at all; false makes the driver a pure pass-through."),
    NAME("cache.name", "default", "Name of the cache instance; connections with the same name share one cache."),
    STORE("cache.store", "local", "Where entries live: local (Caffeine in this JVM)."),
    TTL("cache.ttl", "60s", "Default time to live of an entry; 0 disables caching of tables without a rule."),
    TTL_JITTER("cache.ttl.jitter", "0.1", "Fraction by which each entry's TTL is shortened at random, spreading expiries."),
    MAX_ENTRY_ROWS("cache.max-entry-rows", "10000", "Largest result (in rows) that is stored."),
    MAX_ENTRY_BYTES("cache.max-entry-bytes", "1MiB", "Largest result (estimated bytes) that is stored."),
    LOCAL_MAX_BYTES("cache.local.max-bytes", "64MiB", "Byte budget of the local tier."),
    CACHE_EMPTY_RESULTS("cache.cache-empty-results", "true", "Store results without rows."),
    DETERMINISTIC_FUNCTIONS("cache.functions.deterministic", "",
            "Comma-separated user functions whose result depends only on their arguments."),
    INCLUDE("cache.include", "", "Regular expression: only statements whose normalized SQL matches are cached."),
    EXCLUDE("cache.exclude", "", "Regular expression: statements whose normalized SQL matches are never cached."),
    SNAPSHOT_ISOLATION("cache.transactions.snapshot-isolation", "bypass",
            "bypass or allow: whether REPEATABLE READ / SERIALIZABLE transactions use the cache."),
    WRITE_LEASE("cache.write-lease", "60s", "How long a write's lease blocks caching if its writer never finishes.");

    /** Prefix of every key this driver reads (and removes before properties reach the real driver). */
    public static final String PREFIX = "cache.";

    private final String key;
    private final String defaultValue;
    private final String description;

    CacheSetting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static Optional<CacheSetting> forKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
