package dev.jdbccache.bench;

import dev.jdbccache.driver.cache.CacheStats;
import dev.jdbccache.driver.jdbc.CachingConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import redis.clients.jedis.Jedis;

/**
 * What {@code cache.redis.compress-above} costs and saves on large entries of the Redis store
 * (PostgreSQL's {@code bench_item}, ranges of {@code rows} rows): a hit (fetch, check, decompress,
 * decode) and a fill (a miss of a new key: the query, then recording, compressing and storing),
 * with compression off ({@code 0}, the default) and at {@code 16KiB}. The bytes each entry takes
 * in Redis are printed at set-up. Entries live 20 s, so the fills' entries do not pile up in Redis
 * (a trial lasts 15 s). Run alone on the machine:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CompressionBenchmark -rf json -rff compression.json
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@State(Scope.Thread)
public class CompressionBenchmark {

    private static final int KEYS = 8;

    @Param({"0", "16KiB"})
    public String compressAbove;

    @Param({"1000", "4000"})
    public int rows;

    private Connection connection;
    private PreparedStatement range;
    private PreparedStatement fresh;
    private CacheStats stats;
    private String prefix;
    private long counter;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        BenchDatabase.ensureTable();
        String name = "bench-compress-" + UUID.randomUUID();
        prefix = "jcbench:" + name + ":";
        connection = BenchDatabase.connectCached("cache.name", name, "cache.ttl", "20s", "cache.store", "redis",
                "cache.redis.prefix", prefix, "cache.redis.compress-above", compressAbove,
                "cache.redis.socket-timeout", "2s");
        String sql = "select id, name, price from bench_item where id between ? and ? + " + (rows - 1);
        range = connection.prepareStatement(sql);
        fresh = connection.prepareStatement(sql + " and ? >= 0");
        stats = connection.unwrap(CachingConnection.class).runtime().stats();
        for (int k = 0; k < KEYS; k++) {
            BenchDatabase.drain(read(range, k, -1));
        }
        if (stats.stores() != KEYS) {
            throw new IllegalStateException("expected " + KEYS + " entries stored, found " + stats.stores()
                    + " (bypasses " + stats.bypassesByReason() + ")");
        }
        try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
            String key = jedis.keys("{" + prefix + "}*:e:*").iterator().next();
            System.out.printf("%n[compress-above=%s, %d rows] one entry takes %d bytes in Redis%n", compressAbove, rows,
                    jedis.strlen(key));
        }
    }

    private ResultSet read(PreparedStatement statement, int key, long unique) throws SQLException {
        int start = 1 + key * (BenchDatabase.ROWS - rows) / KEYS;
        statement.setInt(1, start);
        statement.setInt(2, start);
        if (unique >= 0) {
            statement.setLong(3, unique);
        }
        return statement.executeQuery();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
        try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
            jedis.keys("{" + prefix + "}*").forEach(jedis::del);
        }
    }

    /** A hit of a stored range. */
    @Benchmark
    public void hit(Blackhole blackhole) throws SQLException {
        BenchDatabase.consume(read(range, ThreadLocalRandom.current().nextInt(KEYS), -1), blackhole);
    }

    /** A miss of a key never seen, read to the end: recorded, compressed (or not) and stored. */
    @Benchmark
    public void fill(Blackhole blackhole) throws SQLException {
        BenchDatabase.consume(read(fresh, ThreadLocalRandom.current().nextInt(KEYS), counter++), blackhole);
    }
}
