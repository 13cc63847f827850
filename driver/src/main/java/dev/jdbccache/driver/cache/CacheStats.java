package dev.jdbccache.driver.cache;

import dev.jdbccache.driver.metrics.BoundedCounters;
import dev.jdbccache.driver.metrics.LatencyHistogram;
import dev.jdbccache.parser.NotCacheableReason;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counters of one cache, and the store's gauges (entries, bytes, state). Every number has a
 * stable name in {@link #snapshot()}; {@code docs/operations.md} explains each.
 *
 * <p>Thread-safe. Counting is a {@link LongAdder} increment (and, per query fingerprint, a
 * lock-free map lookup): nothing on the hit path locks. Per-table and per-fingerprint counts are
 * kept for a bounded number of keys ({@value #MAX_TABLES} tables, {@value #MAX_FINGERPRINTS}
 * fingerprints); rare keys may be forgotten. Fingerprints are normalized SQL, never bound values.
 */
public final class CacheStats {

    /** Most query fingerprints tracked for {@link #hottestQueries} and {@link #mostExpensiveQueries}. */
    public static final int MAX_FINGERPRINTS = 1000;
    /** Most tables tracked for {@link #invalidationsByTable}. */
    public static final int MAX_TABLES = 256;
    /** The invalidation key of writes whose tables are unknown and of {@code invalidateAll}. */
    public static final String ALL_TABLES = "*";
    /** The {@link #notCacheableByReason()} key of reads of a view whose definition is not known. */
    public static final String UNRESOLVED_VIEW = "unresolved_view";

    private final ChangeCaptureStats changeCapture = new ChangeCaptureStats();

    private final EntryStore store;
    private final String tier;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder stores = new LongAdder();
    private final LongAdder droppedFills = new LongAdder();
    private final LongAdder flightWaits = new LongAdder();
    private final LongAdder flightShared = new LongAdder();
    private final LongAdder notRecorded = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final EnumMap<BypassReason, LongAdder> bypasses = new EnumMap<>(BypassReason.class);
    private final EnumMap<NotCacheableReason, LongAdder> notCacheable = new EnumMap<>(NotCacheableReason.class);
    private final LongAdder unresolvedViews = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder expirations = new LongAdder();
    private final LongAdder invalidations = new LongAdder();
    /** Tags bumped by kind (row footprints): a rows tag (table-level), a wide tag, a bucket tag. */
    private final LongAdder rowsBumps = new LongAdder();
    private final LongAdder wideBumps = new LongAdder();
    private final LongAdder bucketBumps = new LongAdder();
    private final BoundedCounters<LongAdder> tableInvalidations = new BoundedCounters<>(MAX_TABLES, LongAdder::new);
    private final LatencyHistogram hitTimes = new LatencyHistogram();
    private final LatencyHistogram missTimes = new LatencyHistogram();
    private final BoundedCounters<QueryCounters> queries = new BoundedCounters<>(MAX_FINGERPRINTS, QueryCounters::new);
    private final LongAdder warmupStatements = new LongAdder();
    private final LongAdder warmupFailures = new LongAdder();
    private volatile String warmupState = "off";

    /** Stats without a store (entries, bytes and state read as 0, 0 and "ok"). */
    public CacheStats() {
        this(null, "local");
    }

    /** Stats of a cache whose entries live in {@code store}; {@code tier} names it in the stats. */
    CacheStats(EntryStore store, String tier) {
        this.store = store;
        this.tier = tier;
        for (BypassReason reason : BypassReason.values()) {
            bypasses.put(reason, new LongAdder());
        }
        for (NotCacheableReason reason : NotCacheableReason.values()) {
            notCacheable.put(reason, new LongAdder());
        }
    }

    // ---- counting (the runtime's side) ----------------------------------------------------

    void hit() {
        hits.increment();
    }

    void miss() {
        misses.increment();
    }

    void stored() {
        stores.increment();
    }

    void fillDropped() {
        droppedFills.increment();
    }

    /** A miss waited for another thread's execution of the same key (single flight). */
    void flightWaited() {
        flightWaits.increment();
    }

    /** A miss that waited was answered by the entry the other thread stored: one execution saved. */
    void sharedFlight() {
        flightShared.increment();
    }

    /** Misses that waited for another thread's execution of the same key. */
    public long flightWaits() {
        return flightWaits.sum();
    }

    /** Misses answered by the entry another thread's execution stored while they waited. */
    public long flightsShared() {
        return flightShared.sum();
    }

    void notRecorded() {
        notRecorded.increment();
    }

    void write() {
        writes.increment();
    }

    void bypass(BypassReason reason) {
        bypasses.get(reason).increment();
    }

    /** The parser's reason of a {@link BypassReason#NOT_CACHEABLE} bypass; {@code null}: an unresolved view. */
    void notCacheableBypass(NotCacheableReason reason) {
        (reason == null ? unresolvedViews : notCacheable.get(reason)).increment();
    }

    /** A read answered from the cache in {@code nanos} (lookup and the cached result set's construction). */
    void hitServed(String fingerprint, String footprint, long nanos) {
        hitTimes.record(nanos);
        QueryCounters counters = queries.counter(fingerprint);
        counters.hits.increment();
        counters.footprint = footprint;
    }

    /** A read that missed, {@code nanos} from the lookup until the real driver's execution returned. */
    void missServed(String fingerprint, String footprint, long nanos) {
        missTimes.record(nanos);
        QueryCounters counters = queries.counter(fingerprint);
        counters.footprint = footprint;
        counters.misses.increment();
        counters.missNanos.add(nanos);
    }

    void bypassServed(String fingerprint) {
        queries.counter(fingerprint).bypasses.increment();
    }

    void evicted() {
        evictions.increment();
    }

    void expired() {
        expirations.increment();
    }

    /** Writes (or an explicit invalidation) changed {@code table}; {@link #ALL_TABLES} for every table. */
    void invalidated(String table) {
        invalidations.increment();
        tableInvalidations.counter(table).increment();
    }

    /** One tag bumped by a write: a table (or the catalog) counts as a table invalidation, the others by kind. */
    void tagBumped(String tag) {
        switch (dev.jdbccache.invalidation.Tags.kindOf(tag)) {
            case TABLE, OTHER -> invalidated(tag);
            case ROWS -> rowsBumps.increment();
            case WIDE -> wideBumps.increment();
            case BUCKET -> bucketBumps.increment();
        }
    }

    /** Bumps of rows tags ({@code t#*}): writes that pinned no row of a table. */
    public long rowsBumps() {
        return rowsBumps.sum();
    }

    /** Bumps of wide tags ({@code t#c*}): writes that pinned some columns of a table but not that one. */
    public long wideBumps() {
        return wideBumps.sum();
    }

    /** Bumps of bucket tags ({@code t#c#b}): what keyed writes invalidate instead of the whole table. */
    public long bucketBumps() {
        return bucketBumps.sum();
    }

    /** The warm-up's progress: {@code running}, {@code done}, {@code timed_out}, {@code failed}. */
    public void warmupState(String state) {
        warmupState = state;
    }

    /** One warm-up statement ran (and its result was read to the end), or failed. */
    public void warmupStatement(boolean succeeded) {
        (succeeded ? warmupStatements : warmupFailures).increment();
    }

    /** Sets every counter back to zero (the gauges, entries, bytes and state, stay). */
    public void reset() {
        for (LongAdder adder : List.of(hits, misses, stores, droppedFills, flightWaits, flightShared, notRecorded, writes,
                unresolvedViews, evictions, expirations, invalidations, rowsBumps, wideBumps, bucketBumps, warmupStatements,
                warmupFailures)) {
            adder.reset();
        }
        bypasses.values().forEach(LongAdder::reset);
        notCacheable.values().forEach(LongAdder::reset);
        tableInvalidations.clear();
        queries.clear();
        hitTimes.reset();
        missTimes.reset();
    }

    // ---- reading ----------------------------------------------------------------------------

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** Misses whose result was stored. */
    public long stores() {
        return stores.sum();
    }

    /** Misses read to the end whose result was not stored because a write intervened. */
    public long droppedFills() {
        return droppedFills.sum();
    }

    /** Misses not recorded: keys seen once while the local tier was full (see {@code cache.local.admission}). */
    public long missesNotRecorded() {
        return notRecorded.sum();
    }

    /** Statements executed through the driver that wrote tables. */
    public long writes() {
        return writes.sum();
    }

    public long bypasses(BypassReason reason) {
        return bypasses.get(reason).sum();
    }

    public long bypasses() {
        return bypasses.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** A point-in-time copy of the bypass counters. */
    public Map<BypassReason, Long> bypassesByReason() {
        Map<BypassReason, Long> copy = new EnumMap<>(BypassReason.class);
        bypasses.forEach((reason, adder) -> copy.put(reason, adder.sum()));
        return copy;
    }

    /** {@link BypassReason#NOT_CACHEABLE} bypasses for one of the parser's reasons. */
    public long notCacheable(NotCacheableReason reason) {
        return notCacheable.get(reason).sum();
    }

    /**
     * The {@link BypassReason#NOT_CACHEABLE} bypasses by the parser's reason (lower-case names),
     * plus {@value #UNRESOLVED_VIEW}: reads of a view whose definition could not be resolved.
     */
    public Map<String, Long> notCacheableByReason() {
        Map<String, Long> copy = new LinkedHashMap<>();
        notCacheable.forEach((reason, adder) -> copy.put(lower(reason), adder.sum()));
        copy.put(UNRESOLVED_VIEW, unresolvedViews.sum());
        return copy;
    }

    /** Entries the store dropped to stay within its byte budget. */
    public long evictions() {
        return evictions.sum();
    }

    /** Entries the store dropped because their TTL ran out. */
    public long expirations() {
        return expirations.sum();
    }

    /**
     * Table invalidations: each table of each write that ended (autocommit statement, or the end
     * of a transaction), each table of {@code invalidate(...)}, and {@link #ALL_TABLES} for writes
     * to unknown tables and {@code invalidateAll()}.
     */
    public long invalidations() {
        return invalidations.sum();
    }

    /** Invalidations of one invalidation key (a table name as the cache keys it, or {@link #ALL_TABLES}). */
    public long invalidations(String table) {
        LongAdder adder = tableInvalidations.find(table);
        return adder == null ? 0 : adder.sum();
    }

    /** The {@code n} most invalidated tables with their counts, most first. */
    public Map<String, Long> invalidationsByTable(int n) {
        Map<String, Long> result = new LinkedHashMap<>();
        tableInvalidations.top(n, (table, adder) -> Map.entry(table, adder.sum()),
                        Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    /**
     * Calls {@code listener} with each table the first time it is invalidated (for metrics with a
     * table tag; at most {@value #MAX_TABLES} tables are tracked at once).
     */
    public void onFirstInvalidation(Consumer<String> listener) {
        tableInvalidations.onNewKey(listener);
    }

    /** The name of the tier {@link #entries()} and {@link #bytes()} describe (the store's name). */
    public String tier() {
        return tier;
    }

    /** Entries held by the store now. */
    public long entries() {
        return store == null ? 0 : store.entryCount();
    }

    /** Estimated bytes held by the store now. */
    public long bytes() {
        return store == null ? 0 : store.weightedSize();
    }

    /** The store's own health ({@code ok}, or e.g. a circuit breaker's state). */
    public String storeState() {
        return store == null ? "ok" : store.state();
    }

    /** Hits timed so far (equals {@link #hits()} unless a hit failed while being served). */
    public long hitTimeCount() {
        return hitTimes.count();
    }

    public long hitTimeTotalNanos() {
        return hitTimes.totalNanos();
    }

    public long hitTimeAverageNanos() {
        return hitTimes.averageNanos();
    }

    /** The 99th percentile of hit times, rounded up to its histogram bucket (at most 25% above). */
    public long hitTimeP99Nanos() {
        return hitTimes.percentileNanos(0.99);
    }

    /** Misses timed so far (misses whose execution returned). */
    public long missTimeCount() {
        return missTimes.count();
    }

    public long missTimeTotalNanos() {
        return missTimes.totalNanos();
    }

    public long missTimeAverageNanos() {
        return missTimes.averageNanos();
    }

    public long missTimeP99Nanos() {
        return missTimes.percentileNanos(0.99);
    }

    /** The {@code n} fingerprints read most often (hits, misses and bypasses). */
    public List<QueryStats> hottestQueries(int n) {
        return queries.top(n, (sql, c) -> c.snapshot(sql),
                Comparator.comparingLong(QueryStats::reads).reversed().thenComparing(QueryStats::sql));
    }

    /** The {@code n} fingerprints whose misses took the most time in total (what their hits save). */
    public List<QueryStats> mostExpensiveQueries(int n) {
        return queries.top(n, (sql, c) -> c.snapshot(sql),
                Comparator.comparingLong(QueryStats::missNanosTotal).reversed().thenComparing(QueryStats::sql));
    }

    /** Warm-up statements that ran. */
    public long warmupStatements() {
        return warmupStatements.sum();
    }

    /** Warm-up statements that failed. */
    public long warmupFailures() {
        return warmupFailures.sum();
    }

    /** {@code off} (no warm-up file), {@code running}, {@code done}, {@code timed_out} or {@code failed}. */
    public String warmupState() {
        return warmupState;
    }

    /** The change-capture consumer's state and counts. */
    public ChangeCaptureStats changeCapture() {
        return changeCapture;
    }

    /** hits / (hits + misses), 0 when nothing was looked up. */
    public double hitRatio() {
        long h = hits();
        long total = h + misses();
        return total == 0 ? 0 : (double) h / total;
    }

    /**
     * Every number by its stable name, in a fixed order with always the same keys: values are
     * {@code Long}, except {@code hit_ratio} (a {@code Double}) and the states (a {@code String}).
     */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hits", hits());
        m.put("misses", misses());
        m.put("hit_ratio", hitRatio());
        m.put("stores", stores());
        m.put("fills_dropped", droppedFills());
        m.put("misses_not_recorded", missesNotRecorded());
        m.put("single_flight.waits", flightWaits());
        m.put("single_flight.shared", flightsShared());
        m.put("writes", writes());
        m.put("bypasses", bypasses());
        bypasses.forEach((reason, adder) -> m.put("bypasses." + lower(reason), adder.sum()));
        notCacheableByReason().forEach((reason, count) -> m.put("not_cacheable." + reason, count));
        m.put("evictions", evictions());
        m.put("expirations", expirations());
        m.put("invalidations", invalidations());
        m.put("invalidations.rows", rowsBumps());
        m.put("invalidations.wide", wideBumps());
        m.put("invalidations.bucket", bucketBumps());
        m.put("entries." + tier, entries());
        m.put("bytes." + tier, bytes());
        m.put("store_state", storeState());
        m.put("hit_time.avg_nanos", hitTimeAverageNanos());
        m.put("hit_time.p99_nanos", hitTimeP99Nanos());
        m.put("miss_time.avg_nanos", missTimeAverageNanos());
        m.put("miss_time.p99_nanos", missTimeP99Nanos());
        m.put("warmup_state", warmupState());
        m.put("warmup_statements", warmupStatements());
        m.put("warmup_failures", warmupFailures());
        changeCapture.putInto(m);
        return m;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "CacheStats[hits=" + hits() + ", misses=" + misses() + ", stores=" + stores()
                + ", bypasses=" + bypasses() + ", writes=" + writes() + "]";
    }

    /**
     * The counts of one query fingerprint (normalized SQL, never bound values), and what its
     * entries depend on ({@code footprint}: "by key", or the whole tables, as last served; empty
     * when it never used the cache). Immutable.
     */
    public record QueryStats(String sql, long hits, long misses, long bypasses, long missNanosTotal, String footprint) {
        /** Every read of the fingerprint: hits, misses and bypasses. */
        public long reads() {
            return hits + misses + bypasses;
        }

        /** Mean time of a miss, 0 without misses. */
        public long missNanosAverage() {
            return misses == 0 ? 0 : missNanosTotal / misses;
        }
    }

    private static final class QueryCounters {
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder bypasses = new LongAdder();
        final LongAdder missNanos = new LongAdder();
        volatile String footprint = "";

        QueryStats snapshot(String sql) {
            return new QueryStats(sql, hits.sum(), misses.sum(), bypasses.sum(), missNanos.sum(), footprint);
        }
    }
}
