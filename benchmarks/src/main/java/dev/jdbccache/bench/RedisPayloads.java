package dev.jdbccache.bench;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The Redis-tier baseline of {@link CacheHitBenchmark}: the entry payloads the driver stored for
 * the benchmark's keys, fetched with a plain {@code GET} on one dedicated Jedis connection, so a
 * driver hit can be compared with the cheapest possible fetch of the same bytes.
 */
final class RedisPayloads implements AutoCloseable {

    /** A step of warming through the driver. */
    interface Warming {
        void run() throws SQLException;
    }

    private final Jedis jedis;
    private final List<byte[]> primaryKeys;
    private final List<byte[]> ranges;

    private RedisPayloads(Jedis jedis, List<byte[]> primaryKeys, List<byte[]> ranges) {
        this.jedis = jedis;
        this.primaryKeys = primaryKeys;
        this.ranges = ranges;
    }

    /** Warms the primary-key entries, collects their keys, then the range entries, and collects those. */
    static RedisPayloads warmed(String host, int port, String prefix, Warming primaryKeys, Warming ranges) throws SQLException {
        Jedis jedis = new Jedis(host, port);
        primaryKeys.run();
        List<byte[]> primaryKeyEntries = entryKeys(jedis, prefix, List.of());
        ranges.run();
        List<byte[]> rangeEntries = entryKeys(jedis, prefix, primaryKeyEntries);
        if (primaryKeyEntries.size() != CacheHitBenchmark.KEYS || rangeEntries.size() != CacheHitBenchmark.KEYS) {
            throw new IllegalStateException("expected " + CacheHitBenchmark.KEYS + " entries of each kind, found "
                    + primaryKeyEntries.size() + " and " + rangeEntries.size());
        }
        return new RedisPayloads(jedis, primaryKeyEntries, rangeEntries);
    }

    private static List<byte[]> entryKeys(Jedis jedis, String prefix, List<byte[]> except) {
        List<String> known = except.stream().map(k -> new String(k, StandardCharsets.UTF_8)).toList();
        List<byte[]> keys = new ArrayList<>();
        ScanParams params = new ScanParams().match("{" + prefix + "}*:e:*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            for (String key : page.getResult()) {
                if (!known.contains(key)) {
                    keys.add(key.getBytes(StandardCharsets.UTF_8));
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    byte[] primaryKey(int index) {
        return jedis.get(primaryKeys.get(index));
    }

    byte[] range(int index) {
        return jedis.get(ranges.get(index));
    }

    @Override
    public void close() {
        jedis.close();
    }
}
