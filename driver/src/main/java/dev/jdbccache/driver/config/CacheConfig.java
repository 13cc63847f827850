package dev.jdbccache.driver.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The effective configuration of one cache, validated once. Immutable and thread-safe. Built by
 * {@link ConfigLoader} from connection properties, a file and built-in defaults.
 */
public final class CacheConfig {

    private final Map<String, ConfigEntry> entries;
    private final boolean enabled;
    private final String name;
    private final String store;
    private final Duration ttl;
    private final double ttlJitter;
    private final int maxEntryRows;
    private final long maxEntryBytes;
    private final long localMaxBytes;
    private final boolean cacheEmptyResults;
    private final Set<String> deterministicFunctions;
    private final Pattern include;
    private final Pattern exclude;
    private final boolean snapshotIsolationAllowed;
    private final Duration writeLease;
    private final TableRules tableRules;

    CacheConfig(Map<String, ConfigEntry> entries, List<ConfigEntry> tableEntries) throws ConfigException {
        this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
        this.enabled = ConfigValues.bool(get(CacheSetting.ENABLED));
        this.name = nonEmpty(get(CacheSetting.NAME));
        this.store = ConfigValues.oneOf(get(CacheSetting.STORE), "local");
        this.ttl = ConfigValues.duration(get(CacheSetting.TTL));
        this.ttlJitter = ConfigValues.fraction(get(CacheSetting.TTL_JITTER));
        this.maxEntryRows = ConfigValues.positiveInt(get(CacheSetting.MAX_ENTRY_ROWS));
        this.maxEntryBytes = ConfigValues.size(get(CacheSetting.MAX_ENTRY_BYTES));
        this.localMaxBytes = ConfigValues.size(get(CacheSetting.LOCAL_MAX_BYTES));
        this.cacheEmptyResults = ConfigValues.bool(get(CacheSetting.CACHE_EMPTY_RESULTS));
        this.deterministicFunctions = functions(get(CacheSetting.DETERMINISTIC_FUNCTIONS));
        this.include = ConfigValues.regex(get(CacheSetting.INCLUDE));
        this.exclude = ConfigValues.regex(get(CacheSetting.EXCLUDE));
        this.snapshotIsolationAllowed = "allow".equals(
                ConfigValues.oneOf(get(CacheSetting.SNAPSHOT_ISOLATION), "bypass", "allow"));
        this.writeLease = ConfigValues.duration(get(CacheSetting.WRITE_LEASE));
        if (writeLease.isZero()) {
            throw new ConfigException(get(CacheSetting.WRITE_LEASE), "must be longer than 0");
        }
        this.tableRules = TableRules.parse(tableEntries);
    }

    private ConfigEntry get(CacheSetting setting) {
        return entries.get(setting.key());
    }

    private static String nonEmpty(ConfigEntry entry) throws ConfigException {
        if (entry.value().isBlank()) {
            throw new ConfigException(entry, "must not be empty");
        }
        return entry.value().strip();
    }

    private static Set<String> functions(ConfigEntry entry) {
        return java.util.Arrays.stream(entry.value().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public boolean enabled() {
        return enabled;
    }

    public String name() {
        return name;
    }

    public String store() {
        return store;
    }

    public Duration ttl() {
        return ttl;
    }

    public double ttlJitter() {
        return ttlJitter;
    }

    public int maxEntryRows() {
        return maxEntryRows;
    }

    public long maxEntryBytes() {
        return maxEntryBytes;
    }

    public long localMaxBytes() {
        return localMaxBytes;
    }

    public boolean cacheEmptyResults() {
        return cacheEmptyResults;
    }

    public Set<String> deterministicFunctions() {
        return deterministicFunctions;
    }

    /** {@code null} when every statement may be cached. */
    public Pattern include() {
        return include;
    }

    /** {@code null} when no statement is excluded. */
    public Pattern exclude() {
        return exclude;
    }

    public boolean snapshotIsolationAllowed() {
        return snapshotIsolationAllowed;
    }

    public Duration writeLease() {
        return writeLease;
    }

    public TableRules tableRules() {
        return tableRules;
    }

    /** Every effective key and value, secrets masked, in key order (for logs and the admin API). */
    public Map<String, String> effective() {
        Map<String, String> result = new LinkedHashMap<>();
        entries.forEach((k, e) -> result.put(k, e.displayValue()));
        return Collections.unmodifiableMap(result);
    }

    /** Where each effective value came from. */
    public Map<String, String> origins() {
        Map<String, String> result = new LinkedHashMap<>();
        entries.forEach((k, e) -> result.put(k, e.origin()));
        return Collections.unmodifiableMap(result);
    }

    /** Two configurations are the same cache when their effective values are equal. */
    public boolean sameSettings(CacheConfig other) {
        if (entries.size() != other.entries.size()) {
            return false;
        }
        for (Map.Entry<String, ConfigEntry> e : entries.entrySet()) {
            ConfigEntry mine = e.getValue();
            ConfigEntry theirs = other.entries.get(e.getKey());
            if (theirs == null || !mine.value().strip().equals(theirs.value().strip())) {
                return false;
            }
        }
        return true;
    }

    /** The first key whose value differs from {@code other}'s, for error messages; {@code null} if none. */
    public String firstDifference(CacheConfig other) {
        for (Map.Entry<String, ConfigEntry> e : entries.entrySet()) {
            ConfigEntry theirs = other.entries.get(e.getKey());
            if (theirs == null || !e.getValue().value().strip().equals(theirs.value().strip())) {
                return e.getKey();
            }
        }
        for (String key : other.entries.keySet()) {
            if (!entries.containsKey(key)) {
                return key;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "CacheConfig" + effective();
    }
}
