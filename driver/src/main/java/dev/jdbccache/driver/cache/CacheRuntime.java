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
 * One configured cache ({@code cache.name}): its analyzers, store, databases and stats, shared
 * by every connection configured with that name. A failing store never fails a query: the read
 * bypasses the cache, the failure is counted and logged once. Thread-safe. Owned by the driver
 * (or a data source) and closable, so caches stay isolated from each other.
 */
public final class CacheRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CacheRuntime.class);

    private final CacheConfig config;
    private final EntryStore store;
    private final CacheStats stats = new CacheStats();
    private final Map<SqlDialect, SqlAnalyzer> analyzers = new ConcurrentHashMap<>();
    private final Map<String, DatabaseScope> databases = new ConcurrentHashMap<>();
    private volatile boolean storeFailureLogged;

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
        this(config, new LocalEntryStore(config.localMaxBytes(), ticker, versions));
    }

    /** A runtime over a given store. */
    public CacheRuntime(CacheConfig config, EntryStore store) {
        this.config = config;
        this.store = store;
        LOG.info("[{}] cache started: store={}, ttl={}, table rules={}", config.name(), config.store(), config.ttl(),
                config.tableRules().isEmpty() ? "none" : "yes");
    }

    public CacheConfig config() {
        return config;
    }

    public CacheStats stats() {
        return stats;
    }

    /** The table versions and leases writers use. */
    public TableVersions versions() {
        return store.versions();
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

    /**
     * The key of a read. {@code session} stands for everything in the connection's state that
     * resolves names or changes values (catalog, schema, settings changed by {@code SET}).
     */
    public QueryKey key(String database, ReadPlan plan, Object[] parameters, String session, long maxRows, int resultSetType) {
        return new QueryKey(database, plan.sql(), parameters, session, maxRows, resultSetType);
    }

    /**
     * Reader steps 1 to 3, counted: a hit, a miss with the captured versions, or {@code null}
     * when the read must bypass the cache (a live lease, or a failing store).
     */
    public EntryStore.Lookup lookup(QueryKey key, ReadPlan plan) {
        EntryStore.Lookup lookup;
        try {
            lookup = store.lookup(key, plan);
        } catch (RuntimeException e) {
            storeFailed("lookup", e);
            return null;
        }
        if (lookup.leased()) {
            stats.bypass(BypassReason.LEASE_IN_FLIGHT);
            return null;
        }
        if (lookup.hit()) {
            stats.hit();
        } else {
            stats.miss();
        }
        return lookup;
    }

    /**
     * Reader step 4: stores a complete recording, only if the captured versions are still current
     * and no lease is live (a late fill is dropped, never stored under old versions).
     */
    public void fill(QueryKey key, ReadPlan plan, VersionSnapshot captured, Recording recording) {
        if (recording.rowCount() == 0 && !config.cacheEmptyResults()) {
            return;
        }
        try {
            if (store.fill(key, captured, recording, jittered(plan.ttlNanos()))) {
                stats.stored();
            } else {
                stats.fillDropped();
            }
        } catch (RuntimeException e) {
            storeFailed("fill", e);
        }
    }

    /** Counts a read that bypassed the cache. */
    public void bypassed(BypassReason reason) {
        stats.bypass(reason);
    }

    /** Counts a write executed through the driver. */
    public void wrote() {
        stats.write();
    }

    /** Invalidates tables changed outside the driver (invalidation keys: canonical table names). */
    public void invalidate(Collection<String> tables) {
        store.versions().invalidate(tables);
    }

    /** Invalidates every entry of this cache and reads the catalogs again. */
    public void invalidateAll() {
        store.versions().invalidateAll();
        store.clear();
        databases.values().forEach(DatabaseScope::catalogChanged);
    }

    /** Entries held by the store now. */
    public long localEntries() {
        return store.entryCount();
    }

    /** Estimated bytes held by the store now. */
    public long localBytes() {
        return store.weightedSize();
    }

    @Override
    public void close() {
        store.close();
    }

    private void storeFailed(String operation, RuntimeException e) {
        stats.bypass(BypassReason.STORE_FAILURE);
        if (!storeFailureLogged) {
            storeFailureLogged = true;
            LOG.warn("[{}] cache store failed during {}; reads go to the database meanwhile: {}", config.name(), operation, e.toString());
        }
    }

    private long jittered(long ttlNanos) {
        double jitter = config.ttlJitter();
        if (jitter <= 0) {
            return ttlNanos;
        }
        return ttlNanos - (long) (ttlNanos * jitter * ThreadLocalRandom.current().nextDouble());
    }
}
