package dev.jdbccache.driver.redis;

import dev.jdbccache.invalidation.VersionSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The tables of the snapshots this store captured, so a later fill or check can name their keys
 * ({@link VersionSnapshot} keeps its tables to itself). Weak and by identity: a snapshot that is
 * no longer referenced is forgotten. Also renders versions as the text the scripts compare.
 * Thread-safe.
 */
final class Captures {

    private final Map<VersionSnapshot, String[]> tables = Collections.synchronizedMap(new WeakHashMap<>());

    VersionSnapshot remember(String[] names, VersionSnapshot snapshot) {
        tables.put(snapshot, names);
        return snapshot;
    }

    /** The tables of a snapshot this store captured; {@code null} for any other. */
    String[] tablesOf(VersionSnapshot snapshot) {
        return tables.get(snapshot);
    }

    /** {@code global,v1,v2,...}: the form in which scripts compare versions. */
    static String text(VersionSnapshot snapshot) {
        return DirectReads.text(snapshot.global(), snapshot.versions());
    }

    /**
     * The (version, leases, lease marker) key triples of the global version (when {@code global})
     * and of each table, in the order the scripts read them.
     */
    static List<byte[]> triples(RedisKeys keys, String epoch, String[] tables, boolean global) {
        List<byte[]> result = new ArrayList<>(3 * tables.length + 3);
        if (global) {
            addTriple(result, keys, epoch, null);
        }
        for (String table : tables) {
            addTriple(result, keys, epoch, table);
        }
        return result;
    }

    private static void addTriple(List<byte[]> result, RedisKeys keys, String epoch, String table) {
        result.add(keys.version(epoch, table));
        result.add(keys.leases(epoch, table));
        result.add(keys.leaseMarker(epoch, table));
    }
}
