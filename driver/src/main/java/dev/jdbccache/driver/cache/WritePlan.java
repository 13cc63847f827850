package dev.jdbccache.driver.cache;

import dev.jdbccache.invalidation.WriteTags;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tags a write bumps: {@code tables} (table tags, rows tags, wide tags: whatever does not
 * depend on the bound values) and, for a keyed write, the bucket tags its values name in each
 * execution ({@link #bound}); {@code unknownTables} when it may write anything. Declared triggers
 * ({@code cache.table.<t>.invalidates}) are included. Immutable.
 */
public record WritePlan(Set<String> tables, boolean unknownTables, WriteTags keyed) {

    public static final WritePlan NONE = new WritePlan(Set.of(), false);
    /** What a statement that may write anything invalidates: every table. */
    public static final WritePlan UNKNOWN = new WritePlan(Set.of(), true);

    public WritePlan(Set<String> tables, boolean unknownTables) {
        this(tables, unknownTables, null);
    }

    public boolean writes() {
        return unknownTables || !tables.isEmpty();
    }

    /** The same write with every tag known: this execution's buckets added ({@code parameters} may be null). */
    public WritePlan bound(Object[] parameters) {
        return bound(java.util.Collections.singletonList(parameters));
    }

    /** As {@link #bound(Object[])} for a batch: the union over its executions. */
    public WritePlan bound(List<Object[]> executions) {
        if (keyed == null) {
            return this;
        }
        Set<String> all = new HashSet<>(tables);
        for (Object[] parameters : executions) {
            keyed.addTo(all, BoundParameters.view(parameters));
        }
        return new WritePlan(Set.copyOf(all), unknownTables);
    }

    /** The same write when it may write anything (a DDL in flight elsewhere, SQL text in a batch). */
    public WritePlan anyTable() {
        return new WritePlan(bound((Object[]) null).tables(), true);
    }
}
