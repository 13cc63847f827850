package dev.jdbccache.it.consistency;

import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.VersionSnapshot;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Base of the deliberately broken protocols the checker must catch. The snapshots they hand out
 * are built here, so {@code isCurrent} has to find the captured tables again: they are remembered
 * per snapshot (by identity, weakly: a snapshot lives as long as its read).
 */
abstract class BrokenVersions implements TableVersions {

    private final Map<VersionSnapshot, String[]> tablesBySnapshot = Collections.synchronizedMap(new WeakHashMap<>());

    /** Which way the protocol is broken, for the checker's summary line. */
    abstract String flaw();

    final VersionSnapshot snapshot(String[] tables, VersionSnapshot versions, boolean leased) {
        VersionSnapshot snapshot = VersionSnapshot.of(tables, versions.global(), versions.versions(), leased);
        tablesBySnapshot.put(snapshot, tables);
        return snapshot;
    }

    /** The tables {@code snapshot} was captured for; {@code null} for a snapshot made elsewhere. */
    final String[] tablesOf(VersionSnapshot snapshot) {
        return tablesBySnapshot.get(snapshot);
    }
}
