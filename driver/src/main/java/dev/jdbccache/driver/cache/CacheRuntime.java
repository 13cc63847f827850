package dev.jdbccache.driver.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.metrics.CacheMBean;
import dev.jdbccache.driver.result.Recording;
import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.VersionSnapshot;
import dev.jdbccache.parser.NotCacheableReason;
import dev.jdbccache.parser.SqlAnalyzer;
import dev.jdbccache.parser.SqlDialect;
import dev.jdbccache.parser.TableName;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMException;
import javax.management.ObjectName;
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
    private final FootprintAgreement footprints;
    private final CacheStats stats;
    /** The store's versions, counting invalidations: what writers use. */
    private final TableVersions versions;
    private final Map<SqlDialect, SqlAnalyzer> analyzers = new ConcurrentHashMap<>();
    private final Map<String, DatabaseScope> databases = new ConcurrentHashMap<>();
    /** Failure kinds (operation and exception class) already logged: each is logged once. */
    private final Set<String> failuresLogged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean warmupClaimed = new AtomicBoolean();
    private final SingleFlight flights = new SingleFlight();
    private final ObjectName mbeanName;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Background tasks that live as long as the cache (change-capture consumers), by key. */
    private final Map<String, AutoCloseable> companions = new ConcurrentHashMap<>();
    /** Connections open on this cache: it is closed only once its owners let go and this is 0. */
    private final AtomicInteger connections = new AtomicInteger();
    /** Told when the last connection closes ({@link CacheRuntimes}); nothing for a runtime of its own. */
    private volatile Runnable whenIdle = () -> { };

    public CacheRuntime(CacheConfig config) {
        this(config, Ticker.systemTicker());
    }

    /**
     * A runtime over the store {@code cache.store} names, whose local TTLs and leases follow
     * {@code ticker} (a fake one in tests; Redis leases follow Redis's clock).
     */
    public CacheRuntime(CacheConfig config, Ticker ticker) {
        this(config, EntryStores.create(config, ticker));
    }

    /**
     * A runtime whose invalidation follows {@code versions} instead of its own local table
     * versions (tests plug in deliberately broken protocols to prove a checker can fail).
     */
    public CacheRuntime(CacheConfig config, Ticker ticker, TableVersions versions) {
        this(config, new LocalEntryStore(config.localMaxBytes(), ticker, versions, config.localAdmitsAlways()));
    }

    /** A runtime over a given store. */
    public CacheRuntime(CacheConfig config, EntryStore store) {
        this.config = config;
        this.store = store;
        this.footprints = new FootprintAgreement(config, store);
        this.stats = new CacheStats(store, config.store());
        this.versions = new CountingTableVersions(store.versions(), stats);
        store.onRemoval(stats::evicted, stats::expired);
        this.mbeanName = config.jmx() ? registerMBean() : null;
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
        return versions;
    }

    /** The analyzer for a dialect, created once. */
    public SqlAnalyzer analyzer(SqlDialect dialect) {
        return analyzers.computeIfAbsent(dialect,
                d -> SqlAnalyzer.builder(d).deterministicFunctions(config.deterministicFunctions()).build());
    }

    /** The scope of one database (by its identity: URL without credentials, user, time zone). */
    public DatabaseScope database(String identity, SqlDialect dialect) {
        return databases.computeIfAbsent(identity, id -> new DatabaseScope(config, versions, dialect, analyzer(dialect), footprints));
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
    public EntryStore.Lookup lookup(QueryKey key, ReadPlan plan, String[] tags) {
        EntryStore.Lookup lookup = storeLookup(key, tags);
        if (lookup == null) {
            return null;
        }
        if (lookup.leased()) {
            stats.bypass(BypassReason.LEASE_IN_FLIGHT);
            stats.bypassServed(plan.sql());
            if (LOG.isDebugEnabled()) {
                LOG.debug("[{}] bypass ({}): {}", config.name(), BypassReason.LEASE_IN_FLIGHT, plan.sql());
            }
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
     * The flight of a miss of {@code key}, or {@code null} when single flight is off: the caller
     * leads it, or follows another thread's (see {@link SingleFlight}).
     */
    public SingleFlight.Flight flight(QueryKey key) {
        return config.singleFlight() ? flights.join(key) : null;
    }

    /**
     * A follower's second look, after its flight's leader ended: the leader's entry, or
     * {@code null} (not stored, a lease, a failing store), then the follower runs the query.
     * Counted as a shared execution, not as a second read.
     */
    public EntryStore.Lookup afterFlight(QueryKey key, String[] tags) {
        stats.flightWaited();
        EntryStore.Lookup lookup = storeLookup(key, tags);
        if (lookup == null || lookup.leased() || !lookup.hit()) {
            return null;
        }
        stats.sharedFlight();
        return lookup;
    }

    /** The store's lookup, or {@code null} when the store failed (logged once, counted). */
    private EntryStore.Lookup storeLookup(QueryKey key, String[] tags) {
        try {
            return store.lookup(key, tags);
        } catch (RuntimeException | LinkageError e) {
            storeFailed("lookup", e);
            return null;
        }
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
                LOG.debug("[{}] stored: {}", config.name(), plan.sql());
            } else {
                stats.fillDropped();
                LOG.debug("[{}] fill dropped (a write intervened): {}", config.name(), plan.sql());
            }
        } catch (RuntimeException | LinkageError e) {
            storeFailed("fill", e);
        }
    }

    /**
     * Counts a read of {@code plan} that bypassed the cache; {@code parserReason} details a
     * {@link BypassReason#NOT_CACHEABLE} bypass ({@code null}: a view that could not be resolved).
     */
    public void bypassed(ReadPlan plan, BypassReason reason, NotCacheableReason parserReason) {
        stats.bypass(reason);
        if (reason == BypassReason.NOT_CACHEABLE) {
            stats.notCacheableBypass(parserReason);
        }
        stats.bypassServed(plan.sql());
        if (LOG.isDebugEnabled()) {
            LOG.debug("[{}] bypass ({}{}): {}", config.name(), reason,
                    reason == BypassReason.NOT_CACHEABLE ? ": " + (parserReason == null ? CacheStats.UNRESOLVED_VIEW : parserReason) : "",
                    plan.sql());
        }
    }

    /**
     * Times a read that used the cache. A hit: {@code nanos} from the lookup until the cached
     * result set was ready. A miss: from the lookup until the real driver's execution returned
     * (reading the rows, and so the recording, is the application's time and is not included).
     */
    public void served(ReadPlan plan, boolean hit, long nanos) {
        if (hit) {
            stats.hitServed(plan.sql(), plan.footprintSummary(), nanos);
        } else {
            stats.missServed(plan.sql(), plan.footprintSummary(), nanos);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("[{}] {} in {} us: {}", config.name(), hit ? "hit" : "miss", nanos / 1000, plan.sql());
        }
    }

    /** Counts a miss left unrecorded because the store would not keep it (see {@link EntryStore.Lookup}). */
    public void missNotRecorded() {
        stats.notRecorded();
    }

    /** Counts a write executed through the driver. */
    public void wrote() {
        stats.write();
    }

    /**
     * Invalidates tables changed outside the driver (invalidation keys: canonical table names):
     * each table's tag and its rows tag, so reads bounded by its partition columns go too.
     */
    public void invalidate(Collection<String> tables) {
        versions.invalidate(withRowsTags(tables));
    }

    private static Set<String> withRowsTags(Collection<String> tables) {
        Set<String> tags = new LinkedHashSet<>();
        for (String table : tables) {
            tags.add(table);
            tags.add(dev.jdbccache.invalidation.Tags.rows(table));
        }
        return tags;
    }

    /**
     * Invalidates tables named as in SQL: an unquoted name in both folded cases (so it works for
     * PostgreSQL and H2 alike), a quoted one as written; a schema qualifier is ignored
     * (invalidation is by table name). Each name counts once in the stats, unquoted as written.
     */
    public void invalidateTables(Collection<String> namesAsWritten) {
        Set<String> keys = new LinkedHashSet<>();
        for (String table : namesAsWritten) {
            String last = TableName.lastPart(table.strip());
            if (last.length() >= 2 && last.startsWith("\"") && last.endsWith("\"")) {
                String unquoted = last.substring(1, last.length() - 1);
                keys.add(unquoted);
                stats.invalidated(unquoted);
            } else {
                keys.add(last.toLowerCase(Locale.ROOT));
                keys.add(last.toUpperCase(Locale.ROOT));
                stats.invalidated(last);
            }
        }
        store.versions().invalidate(withRowsTags(keys)); // counted above, once per name
    }

    /** Invalidates every entry of this cache and reads the catalogs again. */
    public void invalidateAll() {
        versions.invalidateAll();
        try {
            store.forgetFootprints(); // nodes whose settings were just made the same agree again
        } catch (RuntimeException | LinkageError e) {
            storeFailed("invalidate_all", e);
        }
        footprints.forget();
        store.versions().invalidate(List.of(DatabaseScope.CATALOG_TAG)); // other nodes read their catalogs again too
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

    /**
     * True for the first caller only: the warm-up of this cache ({@code cache.warmup.file}) is
     * started once, by the first connection.
     */
    public boolean claimWarmup() {
        return warmupClaimed.compareAndSet(false, true);
    }

    /** A connection of this cache opened: counted by {@link CacheRuntimes#openConnection}. */
    void connectionOpened() {
        connections.incrementAndGet();
    }

    /** A connection of this cache closed (once per connection that {@link CacheRuntimes#openConnection} counted). */
    public void connectionClosed() {
        if (connections.decrementAndGet() == 0) {
            whenIdle.run();
        }
    }

    /** The connections open on this cache now. */
    public int openConnections() {
        return connections.get();
    }

    void whenIdle(Runnable action) {
        this.whenIdle = action;
    }

    /**
     * Starts a background task of this cache once per {@code key} ({@code start} runs at most
     * once per key, while the cache is open); the cache closes it when it closes.
     *
     * @return the task of that key (started now or before), or {@code null} when the cache is closed
     */
    public AutoCloseable companionOnce(String key, java.util.function.Supplier<AutoCloseable> start) {
        if (closed.get()) {
            return null;
        }
        AutoCloseable companion = companions.computeIfAbsent(key, k -> start.get());
        if (closed.get()) {
            closeCompanions(); // closed meanwhile: close() may have missed it
        }
        return companion;
    }

    /** True when every invalidation so far reached the store ({@link EntryStore#holdsEveryInvalidation}). */
    public boolean storeHoldsEveryInvalidation() {
        try {
            return store.holdsEveryInvalidation();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The lease that elects the change-capture consumer of {@code slot} among the nodes of the store. */
    public ConsumerLease consumerLease(String slot, java.time.Duration ttl) {
        return store.consumerLease(slot, ttl);
    }

    private void closeCompanions() {
        for (String key : List.copyOf(companions.keySet())) {
            AutoCloseable companion = companions.remove(key);
            if (companion != null) {
                try {
                    companion.close();
                } catch (Exception e) {
                    LOG.warn("[{}] closing {} failed: {}", config.name(), key, e.toString());
                }
            }
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    /**
     * The JMX name of this cache's bean, or {@code null} when {@code cache.jmx} is off or it
     * could not be registered.
     */
    public ObjectName mbeanName() {
        return mbeanName;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("[{}] cache closed", config.name());
        closeCompanions();
        if (mbeanName != null) {
            CacheMBean.unregister(mbeanName);
        }
        store.close();
    }

    private ObjectName registerMBean() {
        try {
            return new CacheMBean(config.name(), this::jmxAttributes, table -> invalidateTables(List.of(table)),
                    this::invalidateAll, stats::reset).register(config.name());
        } catch (JMException | RuntimeException e) {
            warnOnce("jmx", "[{}] cannot register the JMX bean of this cache; stats stay available through JdbcCache: {}",
                    e.toString());
            return null;
        }
    }

    /** The stats as JMX attributes: every number, and the top tables and queries as text. */
    private Map<String, Object> jmxAttributes() {
        Map<String, Object> attributes = new LinkedHashMap<>(stats.snapshot());
        attributes.put("invalidations_by_table", stats.invalidationsByTable(20).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        attributes.put("hottest_queries", stats.hottestQueries(20).stream()
                .map(q -> q.reads() + " reads, " + q.hits() + " hits: " + q.sql()).toArray(String[]::new));
        attributes.put("most_expensive_queries", stats.mostExpensiveQueries(20).stream()
                .map(q -> q.missNanosTotal() / 1000 + " us in " + q.misses() + " misses: " + q.sql()).toArray(String[]::new));
        return attributes;
    }

    /** Logs a warning the first time a failure of this kind happens in this cache. */
    private void warnOnce(String kind, String message, Object detail) {
        if (failuresLogged.size() < 64 && failuresLogged.add(kind)) {
            LOG.warn(message, config.name(), detail);
        }
    }

    /** Any failure of the store, a library of another version ({@link LinkageError}) included: a bypass. */
    private void storeFailed(String operation, Throwable e) {
        stats.bypass(BypassReason.STORE_FAILURE);
        if (failuresLogged.size() < 64 && failuresLogged.add("store " + operation + " " + e.getClass().getName())) {
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
