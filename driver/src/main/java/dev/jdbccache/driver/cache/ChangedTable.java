package dev.jdbccache.driver.cache;

import dev.jdbccache.invalidation.PartitionColumn;
import dev.jdbccache.invalidation.Tags;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a row change of one table, committed by another writer, bumps (change capture,
 * DESIGN.md section 8): always {@link #anyChange()} (its table tag, and the tables that show its
 * rows or that a rule invalidates with it, whole); then the bucket tags of its partition columns'
 * values before and after, the wide tag of a column whose values are not known, or
 * {@link #whole()} when no partition column's values are known. Immutable.
 *
 * @param unknown true when the catalog cannot say what else the change reaches: everything goes
 */
public record ChangedTable(String table, Set<String> anyChange, Set<String> whole, List<PartitionColumn> columns,
        boolean unknown, long catalogGeneration) {

    public ChangedTable {
        anyChange = Set.copyOf(anyChange);
        whole = Set.copyOf(whole);
        columns = List.copyOf(columns);
    }

    static ChangedTable of(String table, Set<String> others, List<PartitionColumn> columns, long generation) {
        Set<String> any = new LinkedHashSet<>();
        any.add(table);
        for (String other : others) {
            any.add(other);
            any.add(Tags.rows(other));
        }
        Set<String> whole = new LinkedHashSet<>(any);
        whole.add(Tags.rows(table));
        return new ChangedTable(table, any, whole, columns, false, generation);
    }

    static ChangedTable unknown(String table, long generation) {
        return new ChangedTable(table, Set.of(table), Set.of(table, Tags.rows(table)), List.of(), true, generation);
    }
}
