package dev.jdbccache.it.consistency;

import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.VersionSnapshot;
import dev.jdbccache.invalidation.WriteLease;
import java.util.Collection;

/**
 * Broken protocol (a): writers still take leases and increment before and after, but readers never
 * see a lease, neither when they capture nor when they fill.
 *
 * <p>Why the checker must catch it: a reader that captures after a writer's first increment, while
 * the writer's transaction is still open, reads the old row and stores it under the current
 * version. The writer's second increment comes only after its {@code COMMIT} has returned, so
 * between the moment the database made the write visible and that increment, lookups still match
 * the old entry. The witness (a plain connection) sees the new row in that window and makes it
 * known; a cached read that then returns the old row is stale. The window is short (the return of
 * the commit to the writer's thread), so the workload keeps readers on the hot row.
 */
final class LeaseBlindVersions extends BrokenVersions {
    private final TableVersions real;

    LeaseBlindVersions(TableVersions real) {
        this.real = real;
    }

    @Override
    String flaw() {
        return "readers ignore write leases";
    }

    @Override
    public VersionSnapshot capture(String[] tables) {
        return snapshot(tables, real.capture(tables), false);
    }

    @Override
    public boolean isCurrent(VersionSnapshot snapshot) {
        String[] tables = tablesOf(snapshot);
        return tables != null && real.capture(tables).sameVersions(snapshot);
    }

    @Override
    public WriteLease beginWrite(Collection<String> tables, boolean unknownTables) {
        return real.beginWrite(tables, unknownTables);
    }

    @Override
    public void renew(WriteLease lease) {
        real.renew(lease);
    }

    @Override
    public void endWrite(WriteLease lease) {
        real.endWrite(lease);
    }

    @Override
    public void invalidate(Collection<String> tables) {
        real.invalidate(tables);
    }

    @Override
    public void invalidateAll() {
        real.invalidateAll();
    }
}
