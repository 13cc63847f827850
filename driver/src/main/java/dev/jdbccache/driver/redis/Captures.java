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
        StringBuilder text = new StringBuilder(20 * 4).append(snapshot.global());
        for (long version : snapshot.versions()) {
            text.append(',').append(version);
        }
        return text.toString();
    }

    /** The (version, leases) key pairs of the global version (when {@code global}) and of each table. */
    static List<byte[]> pairs(RedisKeys keys, String epoch, String[] tables, boolean global) {
        List<byte[]> result = new ArrayList<>(2 * tables.length + 2);
        if (global) {
            result.add(keys.version(epoch, null));
            result.add(keys.leases(epoch, null));
        }
        for (String table : tables) {
            result.add(keys.version(epoch, table));
            result.add(keys.leases(epoch, table));
        }
        return result;
    }
}
