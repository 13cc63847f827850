package dev.jdbccache.driver.jdbc;

import dev.jdbccache.driver.cache.WritePlan;
import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.WriteLease;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The write set of a connection's open transaction and the leases that guard it. Tables join on
 * the first write that names them (a lease is taken before that write runs); at the transaction's
 * end every lease is renewed (before a commit) and ended. Not thread-safe: one per connection.
 */
final class TransactionWrites {
    private final TableVersions versions;
    private final List<WriteLease> leases = new ArrayList<>();
    private final Set<String> tables = new HashSet<>();
    private boolean unknownTables;

    TransactionWrites(TableVersions versions) {
        this.versions = versions;
    }

    /** Takes leases on the tables of {@code plan} not yet in the write set, before the write runs. */
    synchronized void add(WritePlan plan) {
        if (plan.unknownTables() && !unknownTables) {
            leases.add(versions.beginWrite(Set.of(), true));
            unknownTables = true;
        }
        List<String> fresh = null;
        for (String table : plan.tables()) {
            if (!tables.contains(table)) {
                if (fresh == null) {
                    fresh = new ArrayList<>();
                }
                fresh.add(table);
            }
        }
        if (fresh != null) {
            leases.add(versions.beginWrite(fresh, false));
            tables.addAll(fresh);
        }
    }

    /** True when the transaction wrote one of {@code readTables} (or tables it cannot name). */
    synchronized boolean touches(String[] readTables) {
        if (unknownTables) {
            return true;
        }
        if (tables.isEmpty()) {
            return false;
        }
        for (String table : readTables) {
            if (tables.contains(table)) {
                return true;
            }
        }
        return false;
    }

    /** Re-arms every lease just before COMMIT, so none expires while the commit is in flight. */
    synchronized void renew() {
        for (WriteLease lease : leases) {
            versions.renew(lease);
        }
    }

    /** The transaction ended (committed, rolled back, or unknown): increment and release. */
    synchronized void end() {
        for (WriteLease lease : leases) {
            versions.endWrite(lease);
        }
        forget();
    }

    /**
     * The connection was aborted, possibly while its own thread commits: increment now, and let
     * the leases run out rather than release them (the database may still be committing).
     */
    synchronized void abandon() {
        for (WriteLease lease : leases) {
            versions.abandon(lease);
        }
        forget();
    }

    private void forget() {
        leases.clear();
        tables.clear();
        unknownTables = false;
    }
}
