package dev.jdbccache.invalidation;

import java.util.Collection;

/**
 * The table-version protocol of {@code docs/consistency.md}: every table has a version and a set
 * of in-flight write leases; a global version stands for writes whose tables are unknown.
 *
 * <p>Readers {@link #capture} before they read the database and store a result only while
 * {@link #isCurrent} holds; writers {@link #beginWrite} before executing and {@link #endWrite}
 * after the commit (or rollback). Implementations are thread-safe.
 *
 * <p>Table names are invalidation keys: canonical, unqualified table names (see
 * {@code TableName#name()} in the parser module).
 */
public interface TableVersions {

    /**
     * Reader step: captures the versions of {@code tables} and of the global version, and whether
     * any of them has a live write lease. The order of {@code tables} is the order of
     * {@link VersionSnapshot#versions()}.
     */
    VersionSnapshot capture(String[] tables);

    /**
     * True when the versions captured in {@code snapshot} are still the current ones and no lease
     * is live on its tables: a result read after the capture may be stored (check-and-set fill).
     */
    boolean isCurrent(VersionSnapshot snapshot);

    /**
     * Writer step 1: takes a lease on each table (or on the global version when
     * {@code unknownTables}) and increments its version, before the write executes.
     */
    WriteLease beginWrite(Collection<String> tables, boolean unknownTables);

    /** Re-arms the lease's expiry (just before a commit, so a long transaction keeps its lease). */
    void renew(WriteLease lease);

    /**
     * Writer step 3 (and 4): increments the versions again and releases the lease. Called after a
     * commit, a rollback, or an unknown outcome alike: an extra increment is harmless.
     * Idempotent.
     */
    void endWrite(WriteLease lease);

    /**
     * The writer lost control of its transaction's outcome (its connection was aborted, perhaps
     * while another thread commits): increments the versions now and keeps the lease until it
     * expires, so nothing read before a late commit on the database can be stored meanwhile.
     */
    default void abandon(WriteLease lease) {
        if (lease.ended()) {
            return;
        }
        if (lease.unknownTables()) {
            invalidateAll();
        } else {
            invalidate(lease.tables());
        }
        renew(lease);
    }

    /** Invalidates tables changed outside the driver. */
    void invalidate(Collection<String> tables);

    /** Invalidates every entry of the store (increments the global version). */
    void invalidateAll();
}
