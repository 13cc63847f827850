package dev.jdbccache.it.consistency;

import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.VersionSnapshot;
import dev.jdbccache.invalidation.WriteLease;
import java.util.Collection;

/**
 * Broken protocol (b): a writer takes its leases and increments its tables' versions before it
 * writes, but ending the write only releases the leases: no increment after the commit.
 *
 * <p>Built from two real {@link TableVersions}: one holds the versions (moved only by
 * {@code invalidate}, i.e. the pre-increment), the other the leases (its own versions are never
 * read). The orders of the real protocol are kept: lease before increment, versions before leases.
 *
 * <p>Why the checker must catch it: while leases are live, the pre-increment and the lease check
 * alone keep readers from storing old rows. The post-commit increment is what protects a
 * transaction that outlives its lease ({@code cache.write-lease}): once the lease has expired,
 * readers store the old row under the current version; the commit renews the lease, but without
 * the second increment the old entry still matches after the commit and is served as a hit. The
 * workload's slow writer keeps a transaction open longer than the lease to make this happen.
 */
final class PreCommitOnlyVersions extends BrokenVersions {
    private final TableVersions versions;
    private final TableVersions leases;

    PreCommitOnlyVersions(TableVersions versions, TableVersions leases) {
        this.versions = versions;
        this.leases = leases;
    }

    @Override
    String flaw() {
        return "no version increment after the commit";
    }

    @Override
    public VersionSnapshot capture(String[] tables) {
        VersionSnapshot captured = versions.capture(tables);
        return snapshot(tables, captured, leases.capture(tables).leased());
    }

    @Override
    public boolean isCurrent(VersionSnapshot snapshot) {
        String[] tables = tablesOf(snapshot);
        return tables != null && versions.capture(tables).sameVersions(snapshot) && !leases.capture(tables).leased();
    }

    @Override
    public WriteLease beginWrite(Collection<String> tables, boolean unknownTables) {
        WriteLease lease = leases.beginWrite(tables, unknownTables);
        if (unknownTables) {
            versions.invalidateAll();
        } else {
            versions.invalidate(tables);
        }
        return lease;
    }

    @Override
    public void renew(WriteLease lease) {
        leases.renew(lease);
    }

    @Override
    public void endWrite(WriteLease lease) {
        leases.endWrite(lease); // releases; the increment it makes lands in the lease store, never read
    }

    @Override
    public void invalidate(Collection<String> tables) {
        versions.invalidate(tables);
    }

    @Override
    public void invalidateAll() {
        versions.invalidateAll();
    }
}
