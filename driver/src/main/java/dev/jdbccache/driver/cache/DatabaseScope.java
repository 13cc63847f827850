package dev.jdbccache.driver.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jdbccache.driver.catalog.CatalogReader;
import dev.jdbccache.driver.catalog.DependencyGraph;
import dev.jdbccache.driver.catalog.Volatility;
import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.invalidation.ReadTags;
import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.VersionSnapshot;
import dev.jdbccache.parser.NotCacheableReason;
import dev.jdbccache.parser.SqlAnalysis;
import dev.jdbccache.parser.SqlAnalyzer;
import dev.jdbccache.parser.SqlDialect;
import dev.jdbccache.parser.StatementKind;
import dev.jdbccache.parser.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database as a cache sees it: its catalog's {@link DependencyGraph} (read once, read again
 * after DDL through the driver) and the read and write plans computed from it, once per
 * statement text. Thread-safe.
 */
public final class DatabaseScope {

    /** The generation of a plan that must not be reused (derived without a catalog). */
    private static final long NOT_REUSABLE = -1;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseScope.class);
    /** After a failed catalog read, how long before trying again (meanwhile nothing is cached). */
    private static final long RETRY_NANOS = Duration.ofSeconds(30).toNanos();

    /**
     * The invalidation key of the catalog itself: every DDL through any node writes it, every
     * cacheable read depends on it. A node that finds it moved (another node ran DDL) reads its
     * catalog again before it stores or writes with plans derived from the old one.
     */
    public static final String CATALOG_TAG = "jdbc-cache:catalog";
    private static final String[] CATALOG_ONLY = {CATALOG_TAG};

    private final CacheConfig config;
    private final TableVersions versions;
    private final SqlDialect dialect;
    private final SqlAnalyzer analyzer;
    private final CatalogReader catalogReader;
    private final FootprintPlanner footprints;
    private final FootprintAgreement agreement;
    /**
     * The catalog as last read, with its generation (the count of catalog changes): replaced in
     * one step, so that a graph read while DDL ran can never be published as the new one.
     */
    private final AtomicReference<Catalog> catalog = new AtomicReference<>(new Catalog(0, null, NO_VERSION));
    private volatile long failedAtNanos;
    private volatile boolean failureLogged;
    /** When the change-capture consumer last failed to read the catalog (0: never). */
    private volatile long consumerFailedAtNanos;
    // weak keys compare by identity: an analysis instance is per text and per dialect
    private final Cache<SqlAnalysis, ReadPlan> readPlans = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();
    private final Map<String, ChangedTable> changedTables = new ConcurrentHashMap<>();
    private final Cache<SqlAnalysis, WritePlan> writePlans = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    /** The catalog tag's version when it could not be read (the store failed). */
    private static final long NO_VERSION = Long.MIN_VALUE;

    /**
     * A catalog generation and its dependency graph ({@code null}: not read yet, or unreadable),
     * with the version of {@link #CATALOG_TAG} captured before it was read.
     */
    private record Catalog(long generation, DependencyGraph graph, long sharedVersion) {
    }

    DatabaseScope(CacheConfig config, TableVersions versions, SqlDialect dialect, SqlAnalyzer analyzer,
            FootprintAgreement agreement) {
        this.config = config;
        this.versions = versions;
        this.dialect = dialect;
        this.analyzer = analyzer;
        this.catalogReader = CatalogReader.forDialect(dialect);
        this.footprints = new FootprintPlanner(config, dialect, agreement);
        this.agreement = agreement;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public SqlAnalyzer analyzer() {
        return analyzer;
    }

    /**
     * How the cache treats a read. {@code connection} is the real driver's connection, used to
     * read the catalog the first time.
     */
    public ReadPlan readPlan(SqlAnalysis analysis, Connection connection) {
        ReadPlan plan = readPlans.getIfPresent(analysis);
        if (plan != null && plan.catalogGeneration() == catalog.get().generation()) {
            return plan;
        }
        Catalog current = catalog(connection);
        boolean keep = current.graph() != null && agreement.settled();
        plan = computeReadPlan(analysis, current.graph(), keep ? current.generation() : NOT_REUSABLE, current.sharedVersion());
        if (keep) {
            readPlans.put(analysis, plan); // one put after a change is harmless: its generation is checked above
        }
        return plan;
    }

    /**
     * As {@link #readPlan(SqlAnalysis, Connection)}, reusing {@code remembered} (this scope's plan
     * of the same analysis, kept by a prepared statement) while the catalog has not changed since
     * it was derived: a statement executed again skips the plan lookup.
     */
    public ReadPlan readPlan(SqlAnalysis analysis, Connection connection, ReadPlan remembered) {
        if (remembered != null && remembered.catalogGeneration() == catalog.get().generation()) {
            return remembered;
        }
        return readPlan(analysis, connection);
    }

    /** The invalidation keys a write changes; {@link WritePlan#unknownTables()} when the catalog cannot be read. */
    public WritePlan writePlan(SqlAnalysis analysis, Connection connection) {
        if (!analysis.writes() && analysis.kind() != StatementKind.QUERY && !changesCatalog(analysis)) {
            return WritePlan.NONE; // a query may still read a view that calls a writing function
        }
        WritePlan plan = writePlans.getIfPresent(analysis);
        if (plan != null) {
            return plan;
        }
        Catalog current = catalog(connection);
        plan = computeWritePlan(analysis, current.graph());
        if (current.graph() != null && agreement.settled()) {
            writePlans.put(analysis, plan);
            if (catalog.get().generation() != current.generation()) {
                // DDL ran since the graph was read, and its invalidateAll may have come before this put
                writePlans.asMap().remove(analysis, plan);
            }
        }
        return plan;
    }

    /**
     * What the cache does with {@code analysis}, in rows of {@code WHAT} and {@code DETAIL}
     * ({@code jdbc_cache.explain}): reads with their footprints, writes with what they bump.
     */
    public java.util.List<String[]> explain(SqlAnalysis analysis, Connection connection) {
        ReadPlan read = analysis.kind() == StatementKind.QUERY ? readPlan(analysis, connection) : null;
        WritePlan write = Explanation.showsWrite(analysis) ? writePlan(analysis, connection) : null;
        return Explanation.of(analysis, read, write);
    }

    /**
     * What a change to a row of {@code table} committed by another writer bumps (change capture:
     * the change is the row as stored, after triggers; cascades and trigger writes arrive as
     * changes of their own). {@code connection} reads the catalog when it is not known. Cached
     * until the catalog changes.
     */
    public ChangedTable changedTable(String table, Connection connection) {
        long generation = catalog.get().generation();
        ChangedTable known = changedTables.get(table);
        if (known != null && known.catalogGeneration() == generation) {
            return known;
        }
        Catalog current = catalog(connection, false);
        DependencyGraph graph = current.graph();
        if (graph == null || agreement.writesMustBeGlobal()) {
            return ChangedTable.unknown(table, current.generation()); // not kept: the catalog is read again next time
        }
        // the partitioned tables above it and the partitions below it (a change may arrive under a root
        // with publish_via_partition_root; a sibling partition shows none of its rows), and what the
        // rules invalidate with each of those, as a write through the driver would
        Set<String> others = new LinkedHashSet<>(List.of(table));
        others.addAll(graph.ancestors(table));
        others.addAll(graph.descendants(table));
        boolean unknown = false;
        for (String t : List.copyOf(others)) {
            for (String also : config.tableRules().alsoInvalidated(TableName.of(t), dialect)) {
                DependencyGraph.Writes writes = graph.writeDependencies(Set.of(also));
                unknown |= writes.unknown();
                others.addAll(writes.tables());
            }
        }
        others.remove(table);
        ChangedTable changed = unknown ? ChangedTable.unknown(table, current.generation())
                : ChangedTable.of(table, others, footprints.partitionColumns(graph, table), current.generation());
        if (agreement.settled()) {
            changedTables.put(table, changed);
        }
        return changed;
    }

    /** DDL ran through the driver: views, keys and triggers may have changed. */
    public void catalogChanged() {
        catalog.updateAndGet(c -> new Catalog(c.generation() + 1, null, NO_VERSION)); // before the plans go: see writePlan
        readPlans.invalidateAll();
        writePlans.invalidateAll();
        changedTables.clear();
    }

    /**
     * Called with what a read's lookup captured, before its result is stored: false (and the
     * catalog is read again) when another node's DDL moved the catalog since {@code plan}'s
     * catalog was read, so that nothing derived from the old one is stored.
     */
    public boolean catalogCurrent(ReadPlan plan, VersionSnapshot captured) {
        int index = plan.catalogIndex();
        if (index < 0 || captured == null || plan.catalogVersion() == NO_VERSION) {
            return true;
        }
        long seen = captured.versions()[index];
        if (seen == plan.catalogVersion()) {
            return true;
        }
        movedTo(seen);
        return false;
    }

    /**
     * Before a write: reads the catalog again when another node's DDL moved it, so the write's
     * plan knows that node's new cascades and triggers. True when a DDL is in flight right now:
     * the write must then be treated as writing every table.
     */
    public boolean catalogInFlux() {
        VersionSnapshot now;
        try {
            now = versions.capture(CATALOG_ONLY);
        } catch (RuntimeException | LinkageError e) {
            return false; // the store is failing: the write marks it dirty, and the epoch moves on
        }
        if (now.leased()) {
            return true;
        }
        movedTo(now.versions()[0]);
        return false;
    }

    private void movedTo(long shared) {
        Catalog current = catalog.get();
        if (current.graph() != null && current.sharedVersion() != NO_VERSION && current.sharedVersion() != shared) {
            LOG.debug("[{}] the catalog changed elsewhere ({} -> {}); reading it again", config.name(),
                    current.sharedVersion(), shared);
            catalogChanged();
        }
    }

    private long sharedCatalogVersion() {
        try {
            return versions.capture(CATALOG_ONLY).versions()[0];
        } catch (RuntimeException | LinkageError e) {
            return NO_VERSION;
        }
    }

    /**
     * The catalog, read when missing; its graph is {@code null} when the catalog cannot be read.
     * A graph read while DDL ran is returned to this caller with its (old) generation but not
     * kept: plans derived from it are used once and never reused.
     */
    private Catalog catalog(Connection connection) {
        return catalog(connection, true);
    }

    /**
     * @param ours false for a connection of the driver's own (change capture): its failure is
     *             not the application's, so it neither holds the application's reads off the
     *             catalog for a while nor is logged as theirs
     */
    private Catalog catalog(Connection connection, boolean ours) {
        Catalog current = catalog.get();
        if (current.graph() != null) {
            return current;
        }
        if (failedAtNanos != 0 && System.nanoTime() - failedAtNanos < RETRY_NANOS) {
            return current;
        }
        if (!ours && consumerFailedAtNanos != 0 && System.nanoTime() - consumerFailedAtNanos < RETRY_NANOS) {
            return current;
        }
        synchronized (this) {
            Catalog seen = catalog.get();
            if (seen.graph() != null) {
                return seen;
            }
            try {
                long shared = sharedCatalogVersion(); // before the read: a DDL in between makes it older, not newer
                Catalog read = new Catalog(seen.generation(), readCatalog(connection), shared);
                failedAtNanos = 0;
                catalog.compareAndSet(seen, read); // fails when DDL ran meanwhile: the next caller reads again
                return read;
            } catch (SQLException | RuntimeException | LinkageError e) {
                if (!ours) {
                    // its own back-off: every change of a large transaction must not read the catalog again
                    consumerFailedAtNanos = System.nanoTime();
                    LOG.debug("[{}] change capture cannot read the catalog: {}", config.name(), e.toString());
                    return seen;
                }
                failedAtNanos = System.nanoTime();
                if (!failureLogged) {
                    failureLogged = true;
                    LOG.warn("[{}] cannot read the {} catalog (views, foreign keys, triggers); reads bypass the cache "
                            + "and writes invalidate everything until it can be read: {}", config.name(), dialect, e.toString());
                }
                return seen;
            }
        }
    }

    /** Reads the catalog; inside the application's transaction, under a savepoint so a failure cannot abort it. */
    private DependencyGraph readCatalog(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            return catalogReader.read(connection, analyzer);
        }
        Savepoint savepoint = connection.setSavepoint();
        try {
            DependencyGraph result = catalogReader.read(connection, analyzer);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException | RuntimeException | LinkageError e) {
            connection.rollback(savepoint);
            throw e;
        }
    }

    private ReadPlan computeReadPlan(SqlAnalysis analysis, DependencyGraph graph, long generation, long sharedVersion) {
        String sql = analysis.normalizedSql();
        boolean functionsAllowCaching = false;
        if (!analysis.catalogFunctions().isEmpty()) {
            Volatility volatility = graph == null ? Volatility.VOLATILE : graph.volatility(analysis.catalogFunctions());
            if (volatility == Volatility.VOLATILE) {
                return ReadPlan.writing(sql, generation);
            }
            functionsAllowCaching = volatility == Volatility.IMMUTABLE
                    && analysis.reason() == NotCacheableReason.UNKNOWN_FUNCTION;
        }
        if (!analysis.cacheable() && !functionsAllowCaching) {
            BypassReason reason = analysis.reason() == NotCacheableReason.HINT_OFF ? BypassReason.HINT_OFF : BypassReason.NOT_CACHEABLE;
            return ReadPlan.bypass(reason, sql, generation);
        }
        if ((config.include() != null && !config.include().matcher(sql).find())
                || (config.exclude() != null && config.exclude().matcher(sql).find())) {
            return ReadPlan.bypass(BypassReason.EXCLUDED, sql, generation);
        }
        if (graph == null) {
            return ReadPlan.bypass(BypassReason.CATALOG_UNAVAILABLE, sql, generation);
        }
        Set<String> named = new LinkedHashSet<>();
        analysis.tablesRead().forEach(t -> named.add(t.name()));
        if (graph.readsWritingView(named)) {
            return ReadPlan.writing(sql, generation);
        }
        if (graph.readsUncacheableView(named)) {
            return ReadPlan.bypass(BypassReason.NOT_CACHEABLE, sql, generation);
        }
        Set<String> tables = new TreeSet<>(graph.readDependencies(named));
        Set<TableName> candidates = ttlCandidates(analysis, tables);
        // a hint overrides the TTLs (cache.ttl=0 included), but never a table's ttl=0, which means never
        Duration ttl = analysis.hint().ttl() != null && !aTableIsNeverCached(candidates) ? analysis.hint().ttl()
                : smallestTtl(candidates);
        if (ttl.isZero() || ttl.isNegative()) {
            return ReadPlan.bypass(BypassReason.TTL_ZERO, sql, generation);
        }
        ReadTags tags = footprints.readTags(analysis, graph, tables, CATALOG_TAG);
        int catalogIndex = Arrays.asList(tags.fixed()).indexOf(CATALOG_TAG);
        return new ReadPlan(tags, ttl.toNanos(), sql, generation, catalogIndex, sharedVersion);
    }

    /**
     * The smallest TTL among the tables read (views expanded to their base tables): each table's
     * rule where one names it, else {@code cache.ttl}.
     */
    private Duration smallestTtl(Set<TableName> candidates) {
        Duration smallest = config.ttl();
        for (TableName table : candidates) {
            Duration rule = config.tableRules().ttlFor(table, dialect);
            Duration ttl = rule != null ? rule : config.ttl();
            if (ttl.compareTo(smallest) < 0) {
                smallest = ttl;
            }
        }
        return smallest;
    }

    /** The tables whose TTL rules apply to a read: those it names, and the base tables of its views. */
    private static Set<TableName> ttlCandidates(SqlAnalysis analysis, Set<String> expanded) {
        Set<TableName> candidates = new LinkedHashSet<>(analysis.tablesRead());
        expanded.forEach(name -> candidates.add(TableName.of(name)));
        return candidates;
    }

    private boolean aTableIsNeverCached(Set<TableName> candidates) {
        for (TableName table : candidates) {
            Duration rule = config.tableRules().ttlFor(table, dialect);
            if (rule != null && (rule.isZero() || rule.isNegative())) {
                return true;
            }
        }
        return false;
    }

    private WritePlan computeWritePlan(SqlAnalysis analysis, DependencyGraph graph) {
        if (graph == null) {
            if (changesCatalog(analysis)) {
                return new WritePlan(Set.of(CATALOG_TAG), true);
            }
            return analysis.writes() ? WritePlan.UNKNOWN : WritePlan.NONE;
        }
        Set<String> named = new LinkedHashSet<>();
        analysis.tablesWritten().forEach(t -> named.add(t.name()));
        Set<String> tables = new LinkedHashSet<>();
        boolean unknown = analysis.catalogFunctions().isEmpty() ? analysis.writesUnknown()
                : graph.volatility(analysis.catalogFunctions()) == Volatility.VOLATILE;
        if (analysis.kind() == StatementKind.QUERY) {
            Set<String> read = new LinkedHashSet<>();
            analysis.tablesRead().forEach(t -> read.add(t.name()));
            unknown |= graph.readsWritingView(read);
        }
        Deque<String> pending = new ArrayDeque<>(named);
        while (!pending.isEmpty()) {
            String table = pending.pop();
            if (tables.contains(table)) {
                continue;
            }
            DependencyGraph.Writes writes = graph.writeDependencies(Set.of(table));
            unknown |= writes.unknown();
            for (String written : writes.tables()) {
                if (tables.add(written)) {
                    for (String also : config.tableRules().alsoInvalidated(TableName.of(written), dialect)) {
                        pending.push(also);
                    }
                }
            }
        }
        WritePlan plan = footprints.writePlan(analysis, graph, tables, unknown);
        if (changesCatalog(analysis)) {
            Set<String> withCatalog = new LinkedHashSet<>(plan.tables());
            withCatalog.add(CATALOG_TAG);
            return new WritePlan(Set.copyOf(withCatalog), plan.unknownTables(), plan.keyed());
        }
        return plan;
    }

    /** DDL, alone or in a string of statements; a temporary object is this session's alone. */
    private static boolean changesCatalog(SqlAnalysis analysis) {
        if (analysis.several()) {
            for (SqlAnalysis part : analysis.statements()) {
                if (changesCatalog(part)) {
                    return true;
                }
            }
            return false;
        }
        return analysis.kind() == StatementKind.DDL && !analysis.createsTemporary();
    }
}
