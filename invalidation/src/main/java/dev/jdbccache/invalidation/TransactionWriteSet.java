package dev.jdbccache.invalidation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The write set of a connection's open transaction, as tags, and the leases that guard it. A tag
 * joins on the first write that bumps it (a lease is taken before that write runs); at the
 * transaction's end every lease is renewed (before a commit) and ended. Reads inside the
 * transaction bypass the cache only when they depend on a tag it wrote. One per connection;
 * thread-safe, since a thread aborting the connection may abandon it while its own thread runs.
 */
public final class TransactionWriteSet {
    private final TableVersions versions;
    private final List<WriteLease> leases = new ArrayList<>();
    private final Set<String> tables = new HashSet<>();
    private boolean unknownTables;

    public TransactionWriteSet(TableVersions versions) {
        this.versions = versions;
    }

    /**
     * Takes leases on the {@code tags} not yet in the write set (on every tag when
     * {@code unknownTables}), before the write runs.
     */
    public synchronized void add(Collection<String> tags, boolean anyTable) {
        if (anyTable && !unknownTables) {
            leases.add(versions.beginWrite(Set.of(), true));
            unknownTables = true;
        }
        List<String> fresh = null;
        for (String table : tags) {
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

    /** True when the transaction wrote one of {@code readTags} (or tags it cannot name). */
    public synchronized boolean touches(String[] readTables) {
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
    public synchronized void renew() {
        for (WriteLease lease : leases) {
            versions.renew(lease);
        }
    }

    /** The transaction ended (committed, rolled back, or unknown): increment and release. */
    public synchronized void end() {
        for (WriteLease lease : leases) {
            versions.endWrite(lease);
        }
        forget();
    }

    /**
     * The connection was aborted, possibly while its own thread commits: increment now, and let
     * the leases run out rather than release them (the database may still be committing).
     */
    public synchronized void abandon() {
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
