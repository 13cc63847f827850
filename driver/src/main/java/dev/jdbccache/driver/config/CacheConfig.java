package dev.jdbccache.driver.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
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
    private final boolean localAdmitsAlways;
    private final boolean cacheEmptyResults;
    private final boolean singleFlight;
    private final Set<String> deterministicFunctions;
    private final Pattern include;
    private final Pattern exclude;
    private final Path warmupFile;
    private final Duration warmupTimeout;
    private final boolean snapshotIsolationAllowed;
    private final boolean adminEnabled;
    private final boolean jmx;
    private final Set<String> adminUsers;
    private final boolean adminShowsLiterals;
    private final Duration writeLease;
    private final TableRules tableRules;
    private final URI redisUrl;
    private final List<String> redisCluster;
    private final String redisSentinelMaster;
    private final List<String> redisSentinels;
    private final Path redisTruststore;
    private final String redisTruststorePassword;
    private final String redisTruststoreType;
    private final Duration redisConnectTimeout;
    private final Duration redisSocketTimeout;
    private final int redisPoolSize;
    private final String redisPrefix;
    private final String redisHmacKey;
    private final long redisCompressAbove;
    private final int redisCircuitFailures;
    private final Duration redisCircuitOpenFor;
    private final boolean tieredStrict;
    private final boolean footprints;
    private final int footprintBuckets;
    private final Duration tieredMaxLag;
    private final ChangeCaptureConfig changeCapture;

    CacheConfig(Map<String, ConfigEntry> entries, List<ConfigEntry> tableEntries) throws ConfigException {
        this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
        this.enabled = ConfigValues.bool(get(CacheSetting.ENABLED));
        this.name = nonEmpty(get(CacheSetting.NAME));
        this.store = ConfigValues.oneOf(get(CacheSetting.STORE), "local", "redis", "tiered");
        this.ttl = ConfigValues.duration(get(CacheSetting.TTL));
        this.ttlJitter = ConfigValues.fraction(get(CacheSetting.TTL_JITTER));
        this.maxEntryRows = ConfigValues.positiveInt(get(CacheSetting.MAX_ENTRY_ROWS));
        this.maxEntryBytes = ConfigValues.size(get(CacheSetting.MAX_ENTRY_BYTES));
        this.localMaxBytes = ConfigValues.size(get(CacheSetting.LOCAL_MAX_BYTES));
        this.localAdmitsAlways = "always".equals(
                ConfigValues.oneOf(get(CacheSetting.LOCAL_ADMISSION), "seen-twice-when-full", "always"));
        this.cacheEmptyResults = ConfigValues.bool(get(CacheSetting.CACHE_EMPTY_RESULTS));
        this.singleFlight = "on".equals(ConfigValues.oneOf(get(CacheSetting.SINGLE_FLIGHT), "on", "off"));
        this.deterministicFunctions = functions(get(CacheSetting.DETERMINISTIC_FUNCTIONS));
        this.include = ConfigValues.regex(get(CacheSetting.INCLUDE));
        this.exclude = ConfigValues.regex(get(CacheSetting.EXCLUDE));
        String warmup = get(CacheSetting.WARMUP_FILE).value().strip();
        this.warmupFile = warmup.isEmpty() ? null : Path.of(warmup);
        this.warmupTimeout = ConfigValues.duration(get(CacheSetting.WARMUP_TIMEOUT));
        if (warmupTimeout.isZero()) {
            throw new ConfigException(get(CacheSetting.WARMUP_TIMEOUT), "must be longer than 0");
        }
        this.snapshotIsolationAllowed = "allow".equals(
                ConfigValues.oneOf(get(CacheSetting.SNAPSHOT_ISOLATION), "bypass", "allow"));
        this.adminEnabled = ConfigValues.bool(get(CacheSetting.ADMIN_ENABLED));
        this.adminUsers = adminUsers(get(CacheSetting.ADMIN_USERS).value());
        this.adminShowsLiterals = ConfigValues.bool(get(CacheSetting.ADMIN_SHOW_LITERALS));
        this.jmx = ConfigValues.bool(get(CacheSetting.JMX));
        this.writeLease = ConfigValues.duration(get(CacheSetting.WRITE_LEASE));
        if (writeLease.isZero()) {
            throw new ConfigException(get(CacheSetting.WRITE_LEASE), "must be longer than 0");
        }
        this.tableRules = TableRules.parse(tableEntries);
        this.footprints = "on".equals(ConfigValues.oneOf(get(CacheSetting.FOOTPRINTS), "on", "off"));
        this.footprintBuckets = ConfigValues.positiveInt(get(CacheSetting.FOOTPRINT_BUCKETS));
        if (footprintBuckets > 1 << 20) {
            throw new ConfigException(get(CacheSetting.FOOTPRINT_BUCKETS), "must be at most 1048576");
        }
        this.redisUrl = redisUrl(get(CacheSetting.REDIS_URL));
        this.redisCluster = hostPorts(get(CacheSetting.REDIS_CLUSTER));
        this.redisSentinelMaster = get(CacheSetting.REDIS_SENTINEL_MASTER).value().strip();
        this.redisSentinels = hostPorts(get(CacheSetting.REDIS_SENTINELS));
        if (redisSentinelMaster.isEmpty() != redisSentinels.isEmpty()) {
            throw new ConfigException(get(redisSentinelMaster.isEmpty() ? CacheSetting.REDIS_SENTINEL_MASTER : CacheSetting.REDIS_SENTINELS),
                    "must be set together with " + (redisSentinelMaster.isEmpty() ? CacheSetting.REDIS_SENTINELS.key() : CacheSetting.REDIS_SENTINEL_MASTER.key()));
        }
        if (!redisCluster.isEmpty() && !redisSentinels.isEmpty()) {
            throw new ConfigException(get(CacheSetting.REDIS_CLUSTER), "cannot be combined with " + CacheSetting.REDIS_SENTINELS.key());
        }
        this.redisTruststore = readableFile(get(CacheSetting.REDIS_TRUSTSTORE));
        this.redisTruststorePassword = get(CacheSetting.REDIS_TRUSTSTORE_PASSWORD).value();
        this.redisTruststoreType = keyStoreType(get(CacheSetting.REDIS_TRUSTSTORE_TYPE));
        if (redisTruststore != null && !"rediss".equalsIgnoreCase(redisUrl.getScheme())) {
            throw new ConfigException(get(CacheSetting.REDIS_TRUSTSTORE),
                    "is only used with TLS, but " + CacheSetting.REDIS_URL.key() + " does not start with rediss://");
        }
        if (redisTruststore == null && !redisTruststorePassword.isEmpty()) {
            throw new ConfigException(get(CacheSetting.REDIS_TRUSTSTORE_PASSWORD),
                    "is set but " + CacheSetting.REDIS_TRUSTSTORE.key() + " is not");
        }
        this.redisConnectTimeout = positiveMillis(get(CacheSetting.REDIS_CONNECT_TIMEOUT));
        this.redisSocketTimeout = positiveMillis(get(CacheSetting.REDIS_SOCKET_TIMEOUT));
        this.redisPoolSize = ConfigValues.positiveInt(get(CacheSetting.REDIS_POOL_SIZE));
        String prefix = get(CacheSetting.REDIS_PREFIX).value().strip();
        if (prefix.contains("{") || prefix.contains("}")) {
            throw new ConfigException(get(CacheSetting.REDIS_PREFIX), "must not contain { or } (the driver adds the hash tag itself)");
        }
        this.redisPrefix = prefix.isEmpty() ? "jc:" + name + ":" : prefix;
        this.redisHmacKey = get(CacheSetting.REDIS_HMAC_KEY).value();
        this.redisCompressAbove = ConfigValues.size(get(CacheSetting.REDIS_COMPRESS_ABOVE));
        this.redisCircuitFailures = ConfigValues.positiveInt(get(CacheSetting.REDIS_CIRCUIT_FAILURES));
        this.redisCircuitOpenFor = positiveMillis(get(CacheSetting.REDIS_CIRCUIT_OPEN_FOR));
        this.tieredStrict = "strict".equals(ConfigValues.oneOf(get(CacheSetting.TIERED_CONSISTENCY), "strict", "relaxed"));
        this.tieredMaxLag = positiveMillis(get(CacheSetting.TIERED_MAX_LAG));
        this.changeCapture = ChangeCaptureConfig.of(this::get, name);
        if (!tieredStrict && !redisCluster.isEmpty() && "tiered".equals(store)) {
            throw new ConfigException(get(CacheSetting.TIERED_CONSISTENCY),
                    "is not supported with " + CacheSetting.REDIS_CLUSTER.key() + " (pub/sub order is per node); use strict");
        }
    }

    private static URI redisUrl(ConfigEntry entry) throws ConfigException {
        URI uri;
        try {
            uri = new URI(entry.value().strip());
        } catch (URISyntaxException e) {
            throw new ConfigException(entry, "is not a URL; write e.g. redis://host:6379 or rediss://user:password@host:6380/0");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new ConfigException(entry, "must start with redis:// or rediss://");
        }
        if (uri.getHost() == null) {
            throw new ConfigException(entry, "names no host");
        }
        String path = uri.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/") && !path.substring(1).matches("\\d+")) {
            throw new ConfigException(entry, "has a path that is not a database number");
        }
        return uri;
    }

    private static List<String> hostPorts(ConfigEntry entry) throws ConfigException {
        List<String> result = new java.util.ArrayList<>();
        for (String part : entry.value().split(",")) {
            String hostPort = part.strip();
            if (hostPort.isEmpty()) {
                continue;
            }
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0 || !hostPort.substring(colon + 1).matches("\\d{1,5}")
                    || Integer.parseInt(hostPort.substring(colon + 1)) > 65535) {
                throw new ConfigException(entry, "must be comma-separated host:port pairs");
            }
            result.add(hostPort);
        }
        return List.copyOf(result);
    }

    /** {@code null} for an empty value. Only existence is checked here; the file is read on each new connection. */
    private static Path readableFile(ConfigEntry entry) throws ConfigException {
        String text = entry.value().strip();
        if (text.isEmpty()) {
            return null;
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new ConfigException(entry, "is not a file path");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException(entry, "is not a readable file");
        }
        return path;
    }

    private static String keyStoreType(ConfigEntry entry) throws ConfigException {
        String type = entry.value().strip();
        try {
            KeyStore.getInstance(type);
            return type;
        } catch (KeyStoreException | IllegalArgumentException e) {
            throw new ConfigException(entry, "is not a key store type this JVM supports; use PKCS12 or JKS");
        }
    }

    private static Duration positiveMillis(ConfigEntry entry) throws ConfigException {
        Duration duration = ConfigValues.duration(entry);
        if (duration.toMillis() < 1 || duration.toMillis() > Integer.MAX_VALUE) {
            throw new ConfigException(entry, "must be from 1ms to 24d");
        }
        return duration;
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

    /**
     * False (the default): while the local tier evicts to make room, a miss is recorded only when
     * its key was seen recently; true: every miss is recorded.
     */
    public boolean localAdmitsAlways() {
        return localAdmitsAlways;
    }

    public boolean cacheEmptyResults() {
        return cacheEmptyResults;
    }

    /** True when concurrent misses of one key share one execution ({@link dev.jdbccache.driver.cache.SingleFlight}). */
    public boolean singleFlight() {
        return singleFlight;
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

    /** The warm-up file ({@code cache.warmup.file}), or {@code null} for no warm-up. */
    public Path warmupFile() {
        return warmupFile;
    }

    /** How long the warm-up may run. */
    public Duration warmupTimeout() {
        return warmupTimeout;
    }

    /** True when {@code user} (as the database names it) may run the admin SQL. */
    public boolean adminAllowed(String user) {
        return adminEnabled || user != null && adminUsers.contains(user.toLowerCase(Locale.ROOT));
    }

    /** True when the cache registers its MBean (opt-in, as HikariCP's {@code registerMbeans}). */
    public boolean jmx() {
        return jmx;
    }

    /** True when the admin views show statements' literals rather than {@code ?}. */
    public boolean adminShowsLiterals() {
        return adminShowsLiterals;
    }

    private static Set<String> adminUsers(String value) {
        Set<String> users = new HashSet<>();
        for (String user : value.split(",")) {
            if (!user.isBlank()) {
                users.add(user.strip().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(users);
    }

    public boolean snapshotIsolationAllowed() {
        return snapshotIsolationAllowed;
    }

    public Duration writeLease() {
        return writeLease;
    }

    /** Whether invalidation follows row footprints ({@code cache.footprints}). */
    public boolean footprints() {
        return footprints;
    }

    /** Buckets per partition column ({@code cache.footprints.buckets}). */
    public int footprintBuckets() {
        return footprintBuckets;
    }

    public TableRules tableRules() {
        return tableRules;
    }

    /** {@code cache.redis.url}: scheme (TLS with rediss), credentials, host, port and database. */
    public URI redisUrl() {
        return redisUrl;
    }

    /** Seed nodes ({@code host:port}) of a Redis Cluster; empty when not a cluster. */
    public List<String> redisCluster() {
        return redisCluster;
    }

    /** Empty unless Sentinel is used. */
    public String redisSentinelMaster() {
        return redisSentinelMaster;
    }

    /** Sentinels ({@code host:port}); empty unless Sentinel is used. */
    public List<String> redisSentinels() {
        return redisSentinels;
    }

    /** {@code cache.redis.truststore}, or {@code null} for the JVM's default trust store. */
    public Path redisTruststore() {
        return redisTruststore;
    }

    /** Empty when the trust store has no password. A secret: never log it. */
    public String redisTruststorePassword() {
        return redisTruststorePassword;
    }

    /** The trust store's format, {@code PKCS12} unless set. */
    public String redisTruststoreType() {
        return redisTruststoreType;
    }

    public Duration redisConnectTimeout() {
        return redisConnectTimeout;
    }

    public Duration redisSocketTimeout() {
        return redisSocketTimeout;
    }

    public int redisPoolSize() {
        return redisPoolSize;
    }

    /** The key prefix, default {@code jc:<name>:}. */
    public String redisPrefix() {
        return redisPrefix;
    }

    /** Empty when entries are not signed. A secret: never log it. */
    public String redisHmacKey() {
        return redisHmacKey;
    }

    public int redisCircuitFailures() {
        return redisCircuitFailures;
    }

    public Duration redisCircuitOpenFor() {
        return redisCircuitOpenFor;
    }

    /** True for {@code cache.tiered.consistency=strict}. */
    public boolean tieredStrict() {
        return tieredStrict;
    }

    /** Recordings above this many bytes are compressed in Redis; 0 for never. */
    public long redisCompressAbove() {
        return redisCompressAbove;
    }

    public Duration tieredMaxLag() {
        return tieredMaxLag;
    }

    /** The {@code cache.change-capture.*} settings. */
    public ChangeCaptureConfig changeCapture() {
        return changeCapture;
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
    /** Settings of one connection, not of its cache: connections of one cache may differ in them. */
    private static final java.util.Set<String> PER_CONNECTION = java.util.Set.of(CacheSetting.DELEGATE_DRIVER.key());

    public boolean sameSettings(CacheConfig other) {
        if (entries.size() != other.entries.size()) {
            return false;
        }
        for (Map.Entry<String, ConfigEntry> e : entries.entrySet()) {
            if (PER_CONNECTION.contains(e.getKey())) {
                continue;
            }
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
            if (PER_CONNECTION.contains(e.getKey())) {
                continue;
            }
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
