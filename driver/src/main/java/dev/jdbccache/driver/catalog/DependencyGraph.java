package dev.jdbccache.driver.catalog;

import dev.jdbccache.parser.NotCacheableReason;
import dev.jdbccache.parser.SqlAnalysis;
import dev.jdbccache.parser.TableName;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import dev.jdbccache.invalidation.ColumnType;
import java.util.Map;
import java.util.Set;

/**
 * Dependencies between tables that SQL text does not show, read from the database catalog:
 * a view reads its base tables, and may never be cached (its definition calls a volatile or
 * time function) or may even write (it calls a volatile user function); a write to a parent
 * table writes the children whose foreign keys cascade (or set null / default); a write to a
 * table with triggers or rules writes their targets, or unknown tables when they cannot be
 * named; a write to a partition or an inheriting table writes what its ancestors show, and a
 * write to a parent may land in any of its descendants. The volatility of the database's
 * functions decides the reads that call them. Names are invalidation keys (canonical,
 * unqualified). Immutable and thread-safe.
 */
public final class DependencyGraph {

    /** A graph without dependencies: what the SQL says is all there is. */
    public static final DependencyGraph EMPTY = new Builder().build();

    private final Map<String, Set<String>> viewBases;
    private final Map<String, Set<String>> cascades;
    private final Map<String, Set<String>> alsoWritten;
    private final Map<String, Set<String>> parents;
    private final Map<String, Set<String>> children;
    private final Set<String> unknownWriteTables;
    private final Set<String> uncacheableViews;
    private final Set<String> writingViews;
    private final Map<String, Volatility> functions;
    /** Per table, its columns of a type whose equality is exact, and which of them are keys or indexed. */
    private final Map<String, Map<String, ColumnType>> exactColumns;
    private final Map<String, Set<String>> keyedColumns;
    /** Tables whose rows a trigger or rule of their own may change or redirect. */
    private final Set<String> rowsRewritten;

    private DependencyGraph(Builder b, Set<String> uncacheableViews, Set<String> writingViews) {
        this.viewBases = copy(b.viewBases);
        this.cascades = copy(b.cascades);
        this.alsoWritten = copy(b.alsoWritten);
        this.parents = copy(b.parents);
        this.children = copy(b.children);
        this.unknownWriteTables = Set.copyOf(b.unknownWriteTables);
        this.uncacheableViews = Set.copyOf(uncacheableViews);
        this.writingViews = Set.copyOf(writingViews);
        this.functions = Map.copyOf(b.functions);
        Map<String, Map<String, ColumnType>> columns = new HashMap<>();
        b.exactColumns.forEach((table, byName) -> {
            Map<String, ColumnType> kept = new HashMap<>(byName);
            kept.keySet().removeIf(column -> b.conflicting.contains(table + "\u0000" + column));
            columns.put(table, Map.copyOf(kept));
        });
        this.exactColumns = Map.copyOf(columns);
        this.keyedColumns = copy(b.keyedColumns);
        this.rowsRewritten = Set.copyOf(b.rowsRewritten);
    }

    /** True when {@code name} is a view. */
    public boolean isView(String name) {
        return viewBases.containsKey(name) || uncacheableViews.contains(name);
    }

    /** The type of {@code table}'s {@code column} when its equality is exact, else {@code null}. */
    public ColumnType exactType(String table, String column) {
        return exactColumns.getOrDefault(table, Map.of()).get(column);
    }

    /** The columns of {@code table} that are single-column keys, foreign keys or indexes, and of an exact type. */
    public Set<String> keyedColumns(String table) {
        Set<String> keyed = keyedColumns.getOrDefault(table, Set.of());
        Map<String, ColumnType> exact = exactColumns.getOrDefault(table, Map.of());
        Set<String> result = new java.util.TreeSet<>();
        keyed.forEach(c -> {
            if (exact.containsKey(c)) {
                result.add(c);
            }
        });
        return result;
    }

    /**
     * True when a write to {@code table} changes exactly the rows its text names: no trigger or
     * rule of its own may change or redirect them, and no partition or inheritance relation
     * carries them to another table. Otherwise its writes are table-level.
     */
    public boolean rowsAsWritten(String table) {
        return !rowsRewritten.contains(table) && !unknownWriteTables.contains(table) && !alsoWritten.containsKey(table)
                && !parents.containsKey(table) && !children.containsKey(table);
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> map) {
        Map<String, Set<String>> result = new HashMap<>();
        map.forEach((k, v) -> result.put(k, Set.copyOf(v)));
        return Map.copyOf(result);
    }

    /** The tables a read of {@code tables} depends on: themselves and, for views, their base tables (recursively). */
    public Set<String> readDependencies(Set<String> tables) {
        Set<String> result = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(tables);
        while (!pending.isEmpty()) {
            String table = pending.pop();
            if (result.add(table)) {
                pending.addAll(viewBases.getOrDefault(table, Set.of()));
            }
        }
        return result;
    }

    /**
     * True when a read of one of {@code tables} goes through a view that may not be cached: its
     * base tables could not be named, or its definition (or a view it reads) is not cacheable.
     */
    public boolean readsUncacheableView(Set<String> tables) {
        return readsAny(tables, uncacheableViews);
    }

    /** True when a read of one of {@code tables} goes through a view that calls a function which may write. */
    public boolean readsWritingView(Set<String> tables) {
        return readsAny(tables, writingViews);
    }

    private boolean readsAny(Set<String> tables, Set<String> views) {
        if (views.isEmpty()) {
            return false;
        }
        for (String table : readDependencies(tables)) {
            if (views.contains(table)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The worst volatility among {@code names} (functions as the catalog names them): a name the
     * catalog does not have is volatile, as is any of an overloaded name's variants.
     */
    public Volatility volatility(Set<String> names) {
        Volatility worst = Volatility.IMMUTABLE;
        for (String name : names) {
            worst = worst.worst(functions.getOrDefault(name, Volatility.VOLATILE));
        }
        return worst;
    }

    /**
     * What a write to {@code tables} changes: themselves, the base tables of views written
     * through, cascading children, trigger and rule targets and the descendants a write to a
     * parent may land in, to a fixpoint, and the ancestors whose reads show the rows of any of
     * those. {@link Writes#unknown()} when a trigger's targets cannot be named.
     */
    public Writes writeDependencies(Set<String> tables) {
        Set<String> result = new LinkedHashSet<>();
        Set<String> expanded = new HashSet<>();
        boolean unknown = false;
        Deque<String> pending = new ArrayDeque<>(tables);
        while (!pending.isEmpty()) {
            String table = pending.pop();
            if (!expanded.add(table)) {
                continue;
            }
            result.add(table);
            pending.addAll(viewBases.getOrDefault(table, Set.of()));
            pending.addAll(cascades.getOrDefault(table, Set.of()));
            pending.addAll(alsoWritten.getOrDefault(table, Set.of()));
            pending.addAll(children.getOrDefault(table, Set.of()));
            unknown |= unknownWriteTables.contains(table);
            // an ancestor shows the rows, but its triggers, rules and other children are not involved
            result.addAll(ancestors(table));
        }
        return new Writes(Set.copyOf(result), unknown);
    }

    /** The partitions and inheritance children below {@code table}, to every depth. */
    public Set<String> descendants(String table) {
        Set<String> result = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(children.getOrDefault(table, Set.of()));
        while (!pending.isEmpty()) {
            String child = pending.pop();
            if (result.add(child)) {
                pending.addAll(children.getOrDefault(child, Set.of()));
            }
        }
        return result;
    }

    /** The tables whose reads show the rows of {@code table}: the partitioned tables above it. */
    public Set<String> ancestors(String table) {
        if (parents.isEmpty()) {
            return Set.of();
        }
        Set<String> result = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(parents.getOrDefault(table, Set.of()));
        while (!pending.isEmpty()) {
            String parent = pending.pop();
            if (result.add(parent)) {
                pending.addAll(parents.getOrDefault(parent, Set.of()));
            }
        }
        return result;
    }

    /** The tables a write changes, and whether it may change others that cannot be named. */
    public record Writes(Set<String> tables, boolean unknown) {
    }

    /** Collects a graph while reading a catalog. Not thread-safe. */
    static final class Builder {
        private final Map<String, Set<String>> viewBases = new HashMap<>();
        private final Map<String, Set<String>> cascades = new HashMap<>();
        private final Map<String, Set<String>> alsoWritten = new HashMap<>();
        private final Map<String, Set<String>> parents = new HashMap<>();
        private final Map<String, Set<String>> children = new HashMap<>();
        private final Set<String> unknownWriteTables = new HashSet<>();
        private final Set<String> uncacheableViews = new HashSet<>();
        /** Views whose definition is cacheable but for these functions, decided once all functions are read. */
        private final Map<String, Set<String>> viewFunctions = new HashMap<>();
        private final Map<String, Volatility> functions = new HashMap<>();
        private final Map<String, Map<String, ColumnType>> exactColumns = new HashMap<>();
        private final Set<String> conflicting = new HashSet<>();
        private final Map<String, Set<String>> keyedColumns = new HashMap<>();
        private final Set<String> rowsRewritten = new HashSet<>();

        /**
         * A column of an exact type ({@code keyed}: a single-column key, foreign key or index).
         * Tables are known by name alone, so two schemas' tables of one name share columns; a
         * column they type differently is dropped.
         */
        Builder exactColumn(String table, String column, ColumnType type, boolean keyed) {
            ColumnType before = exactColumns.computeIfAbsent(table, k -> new HashMap<>()).putIfAbsent(column, type);
            if (before != null && before != type) {
                conflicting.add(table + "\u0000" + column);
            }
            if (keyed) {
                keyedColumns.computeIfAbsent(table, k -> new HashSet<>()).add(column);
            }
            return this;
        }

        /** A column whose equality is not exact: a same-named table's column of that name cannot be a partition. */
        Builder inexactColumn(String table, String column) {
            conflicting.add(table + "\u0000" + column);
            return this;
        }

        /** {@code table} has a trigger or a rule of its own: its rows may not be the ones a write names. */
        Builder rowsRewritten(String table) {
            rowsRewritten.add(table);
            return this;
        }

        Builder viewReads(String view, String base) {
            link(viewBases, view, base);
            return this;
        }

        Builder unresolvedView(String view) {
            uncacheableViews.add(view);
            return this;
        }

        /**
         * A view's definition, analysed as a query: whether a read through it may be cached, or
         * calls functions the catalog decides; with {@code basesFromDefinition}, also the tables it
         * reads (where the catalog has no exact dependencies).
         */
        Builder viewDefined(String view, SqlAnalysis definition, boolean basesFromDefinition) {
            if (basesFromDefinition) {
                if (definition.tablesRead().isEmpty() && definition.reason() == NotCacheableReason.UNPARSEABLE) {
                    return unresolvedView(view);
                }
                for (TableName base : definition.tablesRead()) {
                    viewReads(view, base.name());
                }
            }
            if (!definition.catalogFunctions().isEmpty()) {
                viewFunctions.put(view, definition.catalogFunctions());
            }
            boolean functionsDecide = definition.reason() == NotCacheableReason.UNKNOWN_FUNCTION
                    && !definition.catalogFunctions().isEmpty();
            if (!definition.cacheable() && !functionsDecide) {
                uncacheableViews.add(view);
            }
            return this;
        }

        Builder cascadesTo(String parent, String child) {
            if (parent.equals(child)) {
                rowsRewritten.add(parent); // a self-referencing cascade deletes or changes rows the write does not name
            }
            link(cascades, parent, child);
            return this;
        }

        Builder triggerWrites(String table, String target) {
            link(alsoWritten, table, target);
            return this;
        }

        /** A rule on {@code table} ({@code CREATE RULE ... DO ALSO/INSTEAD}) refers to {@code target}. */
        Builder ruleRefers(String table, String target) {
            link(alsoWritten, table, target);
            return this;
        }

        Builder triggerWritesUnknown(String table) {
            unknownWriteTables.add(table);
            return this;
        }

        /** {@code child} is a partition of {@code parent}, or inherits from it. */
        Builder inherits(String child, String parent) {
            link(parents, child, parent);
            link(children, parent, child);
            return this;
        }

        /** One variant of a function; overloads keep the worst volatility. */
        Builder function(String name, Volatility volatility) {
            functions.merge(name, volatility, Volatility::worst);
            return this;
        }

        private static void link(Map<String, Set<String>> edges, String from, String to) {
            if (!from.equals(to)) {
                edges.computeIfAbsent(from, k -> new HashSet<>()).add(to);
            }
        }

        DependencyGraph build() {
            Set<String> uncacheable = new HashSet<>(uncacheableViews);
            Set<String> writing = new HashSet<>();
            DependencyGraph functionsOnly = new DependencyGraph(this, Set.of(), Set.of());
            viewFunctions.forEach((view, names) -> {
                switch (functionsOnly.volatility(names)) {
                    case VOLATILE -> {
                        uncacheable.add(view);
                        writing.add(view);
                    }
                    case STABLE -> uncacheable.add(view);
                    case IMMUTABLE -> { }
                }
            });
            return new DependencyGraph(this, uncacheable, writing);
        }
    }
}
