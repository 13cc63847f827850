package dev.jdbccache.driver.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reader's steps without a script: one {@code MGET} of the epoch, the publish sequence, the
 * entry (for a lookup), and the version and lease marker of the global counter and of each table.
 * A single command is atomic in Redis, so this reads the same consistent state as the LOOKUP and
 * CHECK scripts do; it costs about a {@code GET}, where calling a script costs a multiple of that.
 *
 * <p>When only a script can decide, the methods return {@code null} and the caller runs it: this
 * node does not know the epoch yet or must advance it, Redis has another epoch, a counter is
 * missing or not a number (the script creates or repairs it), or a lease marker is present (the
 * script reads the leases themselves, and deletes a marker that outlived its lease). Reads
 * concurrent with a write therefore cost a script; they go to the database anyway. Stateless.
 */
final class DirectReads {

    /** The state one read saw, with no lease marker present: the versions and the raw entry. */
    record Seen(String epoch, long seq, long global, long[] versions, byte[] entry) {
    }

    private DirectReads() {
    }

    /**
     * Reads the counters of {@code tables} and, when {@code digest} is not null, the entry it names.
     *
     * @return what Redis holds, or {@code null} when a script must decide
     * @throws RedisUnavailableException when Redis fails or the circuit is open
     */
    static Seen read(RedisGateway gateway, String digest, String[] tables) {
        RedisKeys keys = gateway.keys();
        int entrySlots = digest == null ? 0 : 1;
        RedisGateway.Values read = gateway.mget(epoch -> names(keys, epoch, digest, tables));
        if (read == null) {
            return null;
        }
        List<byte[]> values = read.values();
        if (!sameEpoch(values.get(0), read.epoch())) {
            return null; // LOOKUP adopts the new epoch (or creates one)
        }
        int counters = tables.length + 1;
        int firstVersion = 2 + entrySlots;
        long[] versions = new long[counters];
        for (int i = 0; i < counters; i++) {
            long version = number(values.get(firstVersion + i));
            if (version < 0) {
                return null;
            }
            versions[i] = version;
        }
        for (int i = 0; i < counters; i++) {
            if (values.get(firstVersion + counters + i) != null) {
                return null; // a lease is live, or was left by a writer that died: the script tells
            }
        }
        long seq = Math.max(0, number(values.get(1)));
        byte[] entry = entrySlots == 1 ? values.get(2) : null;
        return new Seen(read.epoch(), seq, versions[0], Arrays.copyOfRange(versions, 1, counters), entry);
    }

    /**
     * Are {@code versionsText} (global first) still the versions of {@code tables}, with no lease
     * live? {@code null} when a script must decide.
     */
    static Boolean current(RedisGateway gateway, String[] tables, String versionsText) {
        Seen seen = read(gateway, null, tables);
        if (seen == null) {
            return null;
        }
        return versionsText.equals(text(seen.global(), seen.versions()));
    }

    /** The versions as the scripts compare them: {@code global,v1,v2,...}. */
    static String text(long global, long[] versions) {
        StringBuilder text = new StringBuilder(20 * (versions.length + 1)).append(global);
        for (long version : versions) {
            text.append(',').append(version);
        }
        return text.toString();
    }

    private static List<byte[]> names(RedisKeys keys, String epoch, String digest, String[] tables) {
        List<byte[]> names = new ArrayList<>(3 + 2 * (tables.length + 1));
        names.add(keys.epoch());
        names.add(keys.seq());
        if (digest != null) {
            names.add(keys.entry(epoch, digest));
        }
        names.add(keys.version(epoch, null));
        for (String table : tables) {
            names.add(keys.version(epoch, table));
        }
        names.add(keys.leaseMarker(epoch, null));
        for (String table : tables) {
            names.add(keys.leaseMarker(epoch, table));
        }
        return names;
    }

    private static boolean sameEpoch(byte[] stored, String epoch) {
        return stored != null && Arrays.equals(stored, RedisGateway.bytes(epoch));
    }

    /** A counter's decimal value, or -1 when it is missing or not a plain decimal. */
    private static long number(byte[] value) {
        if (value == null || value.length == 0 || value.length > 18) {
            return -1;
        }
        long n = 0;
        for (byte b : value) {
            if (b < '0' || b > '9') {
                return -1;
            }
            n = n * 10 + (b - '0');
        }
        return n;
    }
}
