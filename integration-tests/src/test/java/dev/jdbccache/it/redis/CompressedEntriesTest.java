package dev.jdbccache.it.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Entries above {@code cache.redis.compress-above} are stored LZ4-compressed in a real Redis: the
 * stored value is smaller, a hit reads back exactly what the database returned, and a node with
 * compression off still reads the entry another node compressed.
 */
class CompressedEntriesTest {

    private static final String REDIS = System.getProperty("jdbccache.test.redis.url", "redis://127.0.0.1:6379");
    private static final String PG = System.getProperty("jdbccache.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final String QUERY = "select g as id, 'product ' || g as name, (g % 1000) + 0.99 as price,"
            + " timestamp '2026-01-01' + g * interval '1 minute' as created from generate_series(1, 2000) g";

    private final String prefix = Nodes.prefix();
    private final List<String> prefixes = new ArrayList<>(List.of(prefix));

    @AfterEach
    void deleteKeys() {
        prefixes.forEach(p -> Nodes.deleteKeys(REDIS, p));
    }

    @Test
    void aLargeResult_isStoredCompressed_andReadBackExactly() throws Exception {
        String truth;
        try (Connection plainConnection = DriverManager.getConnection(PG)) {
            truth = rows(plainConnection);
        }
        long compressed = storedBytes(prefix, "16KiB");
        String other = Nodes.prefix();
        prefixes.add(other);
        long plain = storedBytes(other, "0");
        assertTrue(compressed * 2 < plain, "compressed " + compressed + " bytes, uncompressed " + plain);
        System.out.printf("2000-row entry in Redis: %d bytes uncompressed, %d compressed (%.0f%%)%n", plain, compressed,
                100.0 * compressed / plain);

        try (Connection c = cached(prefix, "16KiB")) {
            assertEquals(truth, rows(c));
            long hits = Nodes.runtime(c).stats().hits();
            assertEquals(truth, rows(c), "a hit reads back what the database returned");
            assertEquals(hits + 1, Nodes.runtime(c).stats().hits());
        }
        try (Connection offNode = cached(prefix, "0")) {
            assertEquals(truth, rows(offNode));
            assertEquals(1, Nodes.runtime(offNode).stats().hits(), "a node with compression off reads it");
        }
    }

    /** Fills the entry through a node of {@code prefix} and returns its size in Redis. */
    private long storedBytes(String keyPrefix, String compressAbove) throws SQLException {
        try (Connection c = cached(keyPrefix, compressAbove)) {
            rows(c);
        }
        try (redis.clients.jedis.RedisClient jedis = redis.clients.jedis.RedisClient.create(REDIS)) {
            Set<String> entries = jedis.keys("{" + keyPrefix + "}*:e:*");
            assertEquals(1, entries.size(), "entries: " + entries);
            return jedis.strlen(entries.iterator().next());
        }
    }

    private static Connection cached(String keyPrefix, String compressAbove) throws SQLException {
        Properties node = Nodes.node("redis", REDIS, keyPrefix, "cache.redis.compress-above", compressAbove,
                "cache.ttl", "10m");
        return DriverManager.getConnection("jdbc:cache:" + PG.substring("jdbc:".length()), node);
    }

    /** Every row, every column as its getObject's class and text, one line per row. */
    private static String rows(Connection c) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    out.append(value == null ? "null" : value.getClass().getSimpleName() + ":" + value).append('|');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
