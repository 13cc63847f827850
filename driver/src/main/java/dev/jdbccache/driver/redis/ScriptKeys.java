package dev.jdbccache.driver.redis;

import dev.jdbccache.invalidation.VersionSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scripts are given for a snapshot's tags: its versions as the text they compare, and
 * the (version, leases, lease marker) key triples they read. Stateless.
 */
final class ScriptKeys {

    private ScriptKeys() {
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
