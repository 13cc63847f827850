package dev.jdbccache.driver.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.result.Recording;
import dev.jdbccache.invalidation.LocalTableVersions;
import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.VersionSnapshot;
import dev.jdbccache.parser.SqlAnalyzer;
import dev.jdbccache.parser.SqlDialect;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured cache ({@code cache.name}): its analyzers, table versions, store and stats,
 * shared by every connection configured with that name. Thread-safe. Owned by the driver (or a
 * data source) and closable, so caches stay isolated from each other.
 */
public final class CacheRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CacheRuntime.class);

    private final CacheConfig config;
    private final TableVersions versions;
    private final LocalStore store;
    private final CacheStats stats = new CacheStats();
    private final Map<SqlDialect, SqlAnalyzer> analyzers = new ConcurrentHashMap<>();
    private final Map<String, DatabaseScope> databases = new ConcurrentHashMap<>();

    public CacheRuntime(CacheConfig config) {
        this(config, Ticker.systemTicker());
    }

    /** A runtime whose TTLs and leases follow {@code ticker} (a fake one in tests). */
    public CacheRuntime(CacheConfig config, Ticker ticker) {
        this(config, ticker, new LocalTableVersions(config.writeLease(), ticker::read));
    }

    /**
     * A runtime whose invalidation follows {@code versions} instead of its own local table
     * versions (tests plug in deliberately broken protocols to prove a checker can fail).
     */
    public CacheRuntime(CacheConfig config, Ticker ticker, TableVersions versions) {
        this.config = config;
        this.versions = versions;
        this.store = new LocalStore(config.localMaxBytes(), ticker);
        LOG.info("[{}] cache started: store={}, ttl={}, table rules={}", config.name(), config.store(), config.ttl(),
                config.tableRules().isEmpty() ? "none" : "yes");
    }

    public CacheConfig config() {
        return config;
    }

    public CacheStats stats() {
        return stats;
    }

    public TableVersions versions() {
        return versions;
    }

    /** The analyzer for a dialect, created once. */
    public SqlAnalyzer analyzer(SqlDialect dialect) {
        return analyzers.computeIfAbsent(dialect,
                d -> SqlAnalyzer.builder(d).deterministicFunctions(config.deterministicFunctions()).build());
    }

    /** The scope of one database (by its identity: URL without credentials, user, time zone). */
    public DatabaseScope database(String identity, SqlDialect dialect) {
        return databases.computeIfAbsent(identity, id -> new DatabaseScope(config, dialect, analyzer(dialect)));
    }

    /** Reader step 1: captures the versions guarding {@code plan}. */
    public VersionSnapshot capture(ReadPlan plan) {
        return versions.capture(plan.tables());
    }

    /**
     * The key of a read. {@code session} stands for everything in the connection's state that
     * resolves names or changes values (catalog, schema, settings changed by {@code SET}).
     */
    public QueryKey key(String database, ReadPlan plan, Object[] parameters, String session, long maxRows, int resultSetType) {
        return new QueryKey(database, plan.sql(), parameters, session, maxRows, resultSetType);
    }

    /** Reader step 3: the recording stored under {@code key} with exactly the captured versions, or {@code null}. */
    public Recording lookup(QueryKey key, VersionSnapshot captured) {
        CacheEntry entry = store.get(key);
        if (entry != null) {
            if (entry.versions().sameVersions(captured)) {
                stats.hit();
                return entry.recording();
            }
            store.remove(key, entry); // invalidated: free its bytes now rather than at expiry
        }
        stats.miss();
        return null;
    }

    /**
     * Reader step 4: stores a complete recording, only if the captured versions are still current
     * and no lease is live (a late fill is dropped, never stored under old versions).
     */
    public void fill(QueryKey key, ReadPlan plan, VersionSnapshot captured, Recording recording) {
        if (recording.rowCount() == 0 && !config.cacheEmptyResults()) {
            return;
        }
        if (!versions.isCurrent(captured)) {
            stats.fillDropped();
            return;
        }
        long weight = recording.estimatedBytes() + key.estimatedBytes();
        store.put(key, new CacheEntry(recording, captured, jittered(plan.ttlNanos()), (int) Math.min(weight, Integer.MAX_VALUE)));
        stats.stored();
    }

    /** Counts a read that bypassed the cache. */
    public void bypassed(BypassReason reason) {
        stats.bypass(reason);
    }

    /** Counts a write executed through the driver. */
    public void wrote() {
        stats.write();
    }

    /** Invalidates tables changed outside the driver (names as written in SQL, folded per dialect). */
    public void invalidate(Collection<String> tables) {
        versions.invalidate(tables);
    }

    /** Invalidates every entry of this cache. */
    public void invalidateAll() {
        versions.invalidateAll();
        store.clear();
        databases.values().forEach(DatabaseScope::catalogChanged);
    }

    /** Entries held by the local tier now. */
    public long localEntries() {
        return store.entryCount();
    }

    /** Estimated bytes held by the local tier now. */
    public long localBytes() {
        return store.weightedSize();
    }

    @Override
    public void close() {
        store.clear();
    }

    private long jittered(long ttlNanos) {
        double jitter = config.ttlJitter();
        if (jitter <= 0) {
            return ttlNanos;
        }
        return ttlNanos - (long) (ttlNanos * jitter * ThreadLocalRandom.current().nextDouble());
    }
}
