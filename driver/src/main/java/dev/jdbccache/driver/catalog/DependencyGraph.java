package dev.jdbccache.driver.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Dependencies between tables that SQL text does not show, read from the database catalog:
 * a view reads its base tables; a write to a parent table writes the children whose foreign keys
 * cascade (or set null / default); a write to a table with triggers writes the triggers' targets,
 * or unknown tables when they cannot be named. Names are invalidation keys (canonical,
 * unqualified). Immutable and thread-safe.
 */
public final class DependencyGraph {

    /** A graph without dependencies: what the SQL says is all there is. */
    public static final DependencyGraph EMPTY = new DependencyGraph(Map.of(), Map.of(), Map.of(), Set.of(), Set.of());

    private final Map<String, Set<String>> viewBases;
    private final Map<String, Set<String>> cascades;
    private final Map<String, Set<String>> triggerTargets;
    private final Set<String> unknownTriggerTables;
    private final Set<String> unresolvedViews;

    DependencyGraph(Map<String, Set<String>> viewBases, Map<String, Set<String>> cascades,
            Map<String, Set<String>> triggerTargets, Set<String> unknownTriggerTables, Set<String> unresolvedViews) {
        this.viewBases = copy(viewBases);
        this.cascades = copy(cascades);
        this.triggerTargets = copy(triggerTargets);
        this.unknownTriggerTables = Set.copyOf(unknownTriggerTables);
        this.unresolvedViews = Set.copyOf(unresolvedViews);
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

    /** True when a read of one of {@code tables} depends on a view whose base tables could not be named. */
    public boolean readsUnresolvedView(Set<String> tables) {
        if (unresolvedViews.isEmpty()) {
            return false;
        }
        for (String table : readDependencies(tables)) {
            if (unresolvedViews.contains(table)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a write to {@code tables} changes: themselves, the base tables of views written
     * through, cascading children and trigger targets, to a fixpoint. {@link Writes#unknown()}
     * when a trigger's targets cannot be named.
     */
    public Writes writeDependencies(Set<String> tables) {
        Set<String> result = new LinkedHashSet<>();
        boolean unknown = false;
        Deque<String> pending = new ArrayDeque<>(tables);
        while (!pending.isEmpty()) {
            String table = pending.pop();
            if (result.add(table)) {
                pending.addAll(viewBases.getOrDefault(table, Set.of()));
                pending.addAll(cascades.getOrDefault(table, Set.of()));
                pending.addAll(triggerTargets.getOrDefault(table, Set.of()));
                unknown |= unknownTriggerTables.contains(table);
            }
        }
        return new Writes(Set.copyOf(result), unknown);
    }

    /** The tables a write changes, and whether it may change others that cannot be named. */
    public record Writes(Set<String> tables, boolean unknown) {
    }

    /** Collects a graph while reading a catalog. Not thread-safe. */
    static final class Builder {
        private final Map<String, Set<String>> viewBases = new HashMap<>();
        private final Map<String, Set<String>> cascades = new HashMap<>();
        private final Map<String, Set<String>> triggerTargets = new HashMap<>();
        private final Set<String> unknownTriggerTables = new HashSet<>();
        private final Set<String> unresolvedViews = new HashSet<>();

        Builder viewReads(String view, String base) {
            if (!view.equals(base)) {
                viewBases.computeIfAbsent(view, v -> new HashSet<>()).add(base);
            }
            return this;
        }

        Builder unresolvedView(String view) {
            unresolvedViews.add(view);
            return this;
        }

        Builder cascadesTo(String parent, String child) {
            if (!parent.equals(child)) {
                cascades.computeIfAbsent(parent, p -> new HashSet<>()).add(child);
            }
            return this;
        }

        Builder triggerWrites(String table, String target) {
            if (!table.equals(target)) {
                triggerTargets.computeIfAbsent(table, t -> new HashSet<>()).add(target);
            }
            return this;
        }

        Builder triggerWritesUnknown(String table) {
            unknownTriggerTables.add(table);
            return this;
        }

        DependencyGraph build() {
            return new DependencyGraph(viewBases, cascades, triggerTargets, unknownTriggerTables, unresolvedViews);
        }
    }
}
