package dev.jdbccache.driver.cache;

import java.util.Set;

/**
 * The invalidation keys a write changes: the tables it names plus those declared to change with
 * them ({@code cache.table.<t>.invalidates}); {@code unknownTables} when it may write anything.
 */
public record WritePlan(Set<String> tables, boolean unknownTables) {

    public static final WritePlan NONE = new WritePlan(Set.of(), false);
    /** What a statement that may write anything invalidates: every table. */
    public static final WritePlan UNKNOWN = new WritePlan(Set.of(), true);

    public boolean writes() {
        return unknownTables || !tables.isEmpty();
    }
}
