package dev.jdbccache.driver.cache;

import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.VersionSnapshot;
import dev.jdbccache.invalidation.WriteLease;
import java.util.Collection;

/**
 * The store's table versions as writers see them, counting in the stats each table whose
 * lease ends (the write's second increment, when its results become invalid for good) and each
 * table invalidated explicitly. Readers use the store's versions directly: nothing is added to a
 * lookup. Every method forwards to the wrapped versions (also those with a default in the
 * interface: a store may implement them its own way). Thread-safe as the versions it wraps.
 */
final class CountingTableVersions implements TableVersions {

    private final TableVersions versions;
    private final CacheStats stats;

    CountingTableVersions(TableVersions versions, CacheStats stats) {
        this.versions = versions;
        this.stats = stats;
    }

    @Override
    public VersionSnapshot capture(String[] tables) {
        return versions.capture(tables);
    }

    @Override
    public boolean isCurrent(VersionSnapshot snapshot) {
        return versions.isCurrent(snapshot);
    }

    @Override
    public WriteLease beginWrite(Collection<String> tables, boolean unknownTables) {
        return versions.beginWrite(tables, unknownTables);
    }

    @Override
    public void renew(WriteLease lease) {
        versions.renew(lease);
    }

    @Override
    public void endWrite(WriteLease lease) {
        boolean counted = !lease.ended(); // endWrite is idempotent: count the first end only
        versions.endWrite(lease);
        if (counted) {
            if (lease.unknownTables()) {
                stats.invalidated(CacheStats.ALL_TABLES);
            }
            lease.tables().forEach(stats::tagBumped);
        }
    }

    @Override
    public void abandon(WriteLease lease) {
        boolean counted = !lease.ended();
        versions.abandon(lease); // forwarded: the store's own way of abandoning, not the interface's default
        if (counted) {
            if (lease.unknownTables()) {
                stats.invalidated(CacheStats.ALL_TABLES);
            }
            lease.tables().forEach(stats::tagBumped);
        }
    }

    @Override
    public void invalidate(Collection<String> tables) {
        versions.invalidate(tables);
        tables.forEach(stats::tagBumped);
    }

    @Override
    public void invalidateAll() {
        versions.invalidateAll();
        stats.invalidated(CacheStats.ALL_TABLES);
    }
}
