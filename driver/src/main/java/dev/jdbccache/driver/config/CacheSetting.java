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
    DELEGATE_DRIVER("cache.delegate-driver", "",
            "Class name of the real driver (e.g. org.postgresql.Driver), for class loaders where it is not found otherwise."),
    NAME("cache.name", "default", "Name of the cache instance; connections with the same name share one cache."),
    STORE("cache.store", "local",
            "Where entries live: local (Caffeine in this JVM), redis (shared), or tiered (local in front of Redis)."),
    TTL("cache.ttl", "60s", "Default time to live of an entry; 0 disables caching of tables without a rule."),
    TTL_JITTER("cache.ttl.jitter", "0.1", "Fraction by which each entry's TTL is shortened at random, spreading expiries."),
    MAX_ENTRY_ROWS("cache.max-entry-rows", "10000", "Largest result (in rows) that is stored."),
    MAX_ENTRY_BYTES("cache.max-entry-bytes", "1MiB", "Largest result (estimated bytes) that is stored."),
    LOCAL_MAX_BYTES("cache.local.max-bytes", "64MiB", "Byte budget of the local tier."),
    LOCAL_ADMISSION("cache.local.admission", "seen-twice-when-full",
            "seen-twice-when-full: while the local tier evicts to make room, a result is recorded only when its key comes back; always: every result is."),
    CACHE_EMPTY_RESULTS("cache.cache-empty-results", "true", "Store results without rows."),
    SINGLE_FLIGHT("cache.single-flight", "on",
            "on: concurrent misses of one key in this JVM run the query once, the others wait for its entry; off: each runs it."),
    DETERMINISTIC_FUNCTIONS("cache.functions.deterministic", "",
            "Comma-separated user functions whose result depends only on their arguments."),
    INCLUDE("cache.include", "", "Regular expression: only statements whose normalized SQL matches are cached."),
    EXCLUDE("cache.exclude", "", "Regular expression: statements whose normalized SQL matches are never cached."),
    WARMUP_FILE("cache.warmup.file", "",
            "File of statements (one per line, or separated by ;) run in the background when the cache starts."),
    WARMUP_TIMEOUT("cache.warmup.timeout", "30s", "How long the warm-up may run before it stops."),
    SNAPSHOT_ISOLATION("cache.transactions.snapshot-isolation", "bypass",
            "bypass or allow: whether REPEATABLE READ / SERIALIZABLE transactions use the cache."),
    ADMIN_ENABLED("cache.admin.enabled", "false",
            "Answer the admin SQL (/* cache:admin */ ...) for every user; false: only for the users of cache.admin.users."),
    ADMIN_USERS("cache.admin.users", "", "Comma-separated database users allowed the admin SQL (case-insensitive)."),
    ADMIN_SHOW_LITERALS("cache.admin.show-literals", "false",
            "Show literals in the SQL of jdbc_cache.hot_queries and expensive_queries; false replaces them with ?."),
    JMX("cache.jmx", "false",
            "Register the cache's MBean (dev.jdbccache:type=Cache,name=<cache.name>) with the platform MBean server."),
    FOOTPRINTS("cache.footprints", "on",
            "on: invalidation follows the rows a statement pins (keys, foreign keys, indexed columns); off: whole tables."),
    FOOTPRINT_BUCKETS("cache.footprints.buckets", "16384",
            "Buckets per partition column: values sharing one only cost an extra miss. Must be the same on every node of a shared store."),
    WRITE_LEASE("cache.write-lease", "60s", "How long a write's lease blocks caching if its writer never finishes."),
    CHANGE_CAPTURE("cache.change-capture", "off",
            "off, or logical: PostgreSQL only, the driver reads the logical replication stream (pgoutput) and invalidates what other writers commit."),
    CHANGE_CAPTURE_SLOT("cache.change-capture.slot", "",
            "Replication slot of the stream; empty means jdbc_cache_<cache.name>. With the local store each JVM has a temporary slot of its own."),
    CHANGE_CAPTURE_PUBLICATION("cache.change-capture.publication", "",
            "Publication the stream reads; empty means jdbc_cache_<cache.name>. Created when missing, for cache.change-capture.tables."),
    CHANGE_CAPTURE_TABLES("cache.change-capture.tables", "",
            "Comma-separated tables of the publication the driver creates; empty means all tables (which needs a superuser)."),
    CHANGE_CAPTURE_MAX_GAP("cache.change-capture.max-gap", "30s",
            "A stream that is down or behind for longer flushes the cache (a new epoch); reads fall back to the TTL until it is healthy."),
    CHANGE_CAPTURE_KEEP_SLOT("cache.change-capture.keep-slot", "false",
            "Keep the shared store's slot when the cache closes (the next consumer resumes from it); false drops it."),
    CHANGE_CAPTURE_STATUS_INTERVAL("cache.change-capture.status-interval", "10s",
            "How often the consumer reports its position to PostgreSQL; keep it well inside wal_sender_timeout."),
    CHANGE_CAPTURE_MAX_ROW_TAGS("cache.change-capture.max-row-tags", "1000",
            "Row tags one transaction may bump per table; beyond them the whole table is invalidated (bounded memory under bulk loads)."),
    CHANGE_CAPTURE_DDL_CHECK("cache.change-capture.ddl-check", "1s",
            "How often the consumer compares a digest of the catalog (DDL is not in the stream); a change flushes the cache. 0 turns it off."),
    CHANGE_CAPTURE_LEASE("cache.change-capture.lease", "5s",
            "Shared store: how long the elected consumer's lease lasts without renewal; another node takes over after it."),
    REDIS_URL("cache.redis.url", "redis://127.0.0.1:6379",
            "Redis to use (redis:// or rediss:// for TLS, with user, password and database); credentials for cluster and sentinel too."),
    REDIS_CLUSTER("cache.redis.cluster", "", "Comma-separated host:port seed nodes of a Redis Cluster (instead of the URL's host)."),
    REDIS_SENTINEL_MASTER("cache.redis.sentinel.master", "", "Name of the master that Sentinel monitors."),
    REDIS_SENTINELS("cache.redis.sentinels", "", "Comma-separated host:port of the Sentinels."),
    REDIS_TRUSTSTORE("cache.redis.truststore", "",
            "rediss:// only: trust store file that verifies the server's certificate; empty means the JVM's default trust store."),
    REDIS_TRUSTSTORE_PASSWORD("cache.redis.truststore-password", "", "Password of cache.redis.truststore; empty for none."),
    REDIS_TRUSTSTORE_TYPE("cache.redis.truststore-type", "PKCS12", "Format of cache.redis.truststore: PKCS12 or JKS."),
    REDIS_CONNECT_TIMEOUT("cache.redis.connect-timeout", "50ms", "Timeout of connecting to Redis."),
    REDIS_SOCKET_TIMEOUT("cache.redis.socket-timeout", "50ms", "Timeout of one Redis call (also the longest wait for a pooled connection)."),
    REDIS_POOL_SIZE("cache.redis.pool-size", "8", "Connections to Redis per cache."),
    REDIS_PREFIX("cache.redis.prefix", "", "Prefix of every Redis key of this cache; empty means jc:<cache.name>:."),
    REDIS_COMPRESS_ABOVE("cache.redis.compress-above", "0",
            "Entries whose recording is larger (e.g. 16KiB) are LZ4-compressed in Redis when that saves a tenth or more; 0: never."),
    REDIS_HMAC_KEY("cache.redis.hmac-key", "", "Secret that signs entries (HMAC-SHA256); entries without a valid signature are misses."),
    REDIS_CIRCUIT_FAILURES("cache.redis.circuit.failures", "5", "Consecutive Redis failures or timeouts that open the circuit."),
    REDIS_CIRCUIT_OPEN_FOR("cache.redis.circuit.open-for", "5s", "How long an open circuit skips Redis before one call tries again."),
    TIERED_CONSISTENCY("cache.tiered.consistency", "strict",
            "strict: a local hit checks the versions in Redis (one small round trip); relaxed: it trusts the pub/sub mirror."),
    TIERED_MAX_LAG("cache.tiered.max-lag", "100ms",
            "relaxed only: the local tier is skipped when the mirror has not been confirmed in sync for this long.");

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
