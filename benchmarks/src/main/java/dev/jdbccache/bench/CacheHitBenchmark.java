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

/**
 * What a cache hit and a cache miss cost against PostgreSQL, next to the plain driver: a 1-row
 * primary-key lookup ({@link #primaryKey}) and a 100-row range ({@link #range100}).
 *
 * <p>Every target draws its keys from the same {@value #KEYS} keys (range starts
 * {@code 1, 101, 201, ...}), so the database does the same work for each:
 * <ul>
 *   <li>{@code plain}: the plain PostgreSQL URL.</li>
 *   <li>{@code cache-hit}: {@code jdbc:cache:}, with every key read once at setup, so that every
 *       measured call is answered from the cache.</li>
 *   <li>{@code cache-miss}: {@code jdbc:cache:}, and every call misses. A miss has to return the
 *       same real rows, so the key cannot simply be made absent, and SQL comments are stripped
 *       from cache keys. Instead the statements carry one more, always true predicate,
 *       {@code and ? >= 0}, bound to a counter that grows with each call: the cache key differs
 *       every time while the result does not. The local tier gets a 4 MiB budget, which the
 *       first second of warm-up fills: what is measured is the steady state of a stream of
 *       unique keys, a full tier whose admission serves keys seen once without recording them.
 *       The extra predicate and parameter are not free (a 100-row range measured about 10%
 *       slower on the plain driver), so the miss is compared with {@code plain-miss}, not with
 *       {@code plain}.</li>
 *   <li>{@code cache-miss-stored}: as {@code cache-miss} with {@code cache.local.admission=always}:
 *       every miss is recorded, stored, and evicts an older entry. The worst case.</li>
 *   <li>{@code plain-miss}: the plain URL running exactly the {@code cache-miss} statements, the
 *       extra predicate and the growing counter included: the baseline a miss is compared with.</li>
 *   <li>{@code redis-hit}: {@code cache.store=redis} on the local Redis, warmed: every call is
 *       one script round trip answered from Redis.</li>
 *   <li>{@code tiered-hit}: {@code cache.store=tiered} (strict: a local hit plus a small version
 *       check in Redis).</li>
 *   <li>{@code redis-get}: the baseline for the Redis tier: no JDBC at all, a plain Jedis
 *       {@code GET} of the very payloads the driver stored for these keys (found by SCAN after
 *       warming), on one dedicated connection.</li>
 * </ul>
 * The trial tear-down checks the cache's counters (every measured call hit, or none did) and fails
 * the run if the target did not measure what it is named for. Results are always read to the end
 * and every column goes into the {@link Blackhole}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// The driver logs each cache start at INFO; that line would interleave with JMH's output.
@Fork(value = 3, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@State(Scope.Benchmark)
public class CacheHitBenchmark {
    static final int KEYS = 100;

    private static final String PRIMARY_KEY = "select id, name, price from bench_item where id = ?";
    private static final String RANGE_100 = "select id, name, price from bench_item where id between ? and ? + 99";
    private static final String MISS_SUFFIX = " and ? >= 0";

    @Param({"plain", "plain-miss", "cache-hit", "cache-miss", "cache-miss-stored", "redis-hit", "tiered-hit", "redis-get"})
    public String target;

    private static final String REDIS_HOST = "127.0.0.1";
    private static final int REDIS_PORT = 6379;

    @Setup(Level.Trial)
    public void createTable() throws SQLException {
        BenchDatabase.ensureTable();
    }

    /** One connection and its two prepared statements per benchmark thread. */
    @State(Scope.Thread)
    public static class Session {
        private Connection connection;
        private PreparedStatement primaryKey;
        private PreparedStatement range;
        private boolean missing;
        private long counter;
        private CacheStats stats;
        private long hitsAfterWarming;
        private long missesAfterWarming;
        private RedisPayloads payloads;
        private String target;

        @Setup(Level.Trial)
        public void open(CacheHitBenchmark benchmark) throws SQLException {
            target = benchmark.target;
            missing = benchmark.target.contains("-miss");
            // A cache per session, so that the counters checked at tear-down are this session's.
            String name = "bench-" + benchmark.target + "-" + UUID.randomUUID();
            connection = switch (benchmark.target) {
                case "plain", "plain-miss" -> BenchDatabase.connectPlain();
                case "cache-hit" -> BenchDatabase.connectCached("cache.name", name, "cache.ttl", "1h");
                case "cache-miss" -> BenchDatabase.connectCached("cache.name", name, "cache.ttl", "1h",
                        "cache.local.max-bytes", "4MiB");
                case "cache-miss-stored" -> BenchDatabase.connectCached("cache.name", name, "cache.ttl", "1h",
                        "cache.local.max-bytes", "4MiB", "cache.local.admission", "always");
                case "redis-hit", "redis-get" -> BenchDatabase.connectCached("cache.name", name, "cache.ttl", "1h",
                        "cache.store", "redis", "cache.redis.prefix", "jcbench:" + name + ":");
                case "tiered-hit" -> BenchDatabase.connectCached("cache.name", name, "cache.ttl", "1h",
                        "cache.store", "tiered", "cache.redis.prefix", "jcbench:" + name + ":");
                default -> throw new IllegalArgumentException("unknown target " + benchmark.target);
            };
            String suffix = missing ? MISS_SUFFIX : "";
            primaryKey = connection.prepareStatement(PRIMARY_KEY + suffix);
            range = connection.prepareStatement(RANGE_100 + suffix);
            if (benchmark.target.equals("redis-get")) {
                payloads = RedisPayloads.warmed(REDIS_HOST, REDIS_PORT, "jcbench:" + name + ":", this::warmPrimaryKeys, this::warmRanges);
                return;
            }
            if (connection.isWrapperFor(CachingConnection.class)) {
                stats = connection.unwrap(CachingConnection.class).runtime().stats();
                if (!missing) {
                    warm();
                }
                hitsAfterWarming = stats.hits();
                missesAfterWarming = stats.misses();
            }
        }

        private void warm() throws SQLException {
            warmPrimaryKeys();
            warmRanges();
        }

        private void warmPrimaryKeys() throws SQLException {
            for (int k = 0; k < KEYS; k++) {
                BenchDatabase.drain(lookUp(start(k)));
            }
        }

        private void warmRanges() throws SQLException {
            for (int k = 0; k < KEYS; k++) {
                BenchDatabase.drain(readRange(start(k)));
            }
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            try {
                if (stats != null && payloads == null) {
                    checkCounters();
                }
            } finally {
                if (payloads != null) {
                    payloads.close();
                }
                connection.close();
            }
        }

        private void checkCounters() {
            long hits = stats.hits() - hitsAfterWarming;
            long misses = stats.misses() - missesAfterWarming;
            if (missing ? hits != 0 : misses != 0) {
                throw new IllegalStateException((missing ? "cache-miss" : "cache-hit") + " measured " + hits
                        + " hits and " + misses + " misses; bypasses " + stats.bypassesByReason());
            }
            long unrecorded = stats.missesNotRecorded();
            if (target.equals("cache-miss") ? unrecorded < misses / 2 : target.equals("cache-miss-stored") && unrecorded != 0) {
                throw new IllegalStateException(target + " measured " + misses + " misses of which " + unrecorded
                        + " were not recorded: not the regime it is named for");
            }
        }

        ResultSet lookUp(int key) throws SQLException {
            primaryKey.setInt(1, key);
            if (missing) {
                primaryKey.setLong(2, counter++);
            }
            return primaryKey.executeQuery();
        }

        ResultSet readRange(int start) throws SQLException {
            range.setInt(1, start);
            range.setInt(2, start);
            if (missing) {
                range.setLong(3, counter++);
            }
            return range.executeQuery();
        }
    }

    /** Key number {@code k} of {@value #KEYS}, also the start of a 100-row range within the table. */
    static int start(int k) {
        return 1 + k * (BenchDatabase.ROWS / KEYS);
    }

    private static int randomKey() {
        return start(ThreadLocalRandom.current().nextInt(KEYS));
    }

    @Benchmark
    public void primaryKey(Session session, Blackhole blackhole) throws SQLException {
        if (session.payloads != null) {
            blackhole.consume(session.payloads.primaryKey(ThreadLocalRandom.current().nextInt(KEYS)));
            return;
        }
        BenchDatabase.consume(session.lookUp(randomKey()), blackhole);
    }

    @Benchmark
    public void range100(Session session, Blackhole blackhole) throws SQLException {
        if (session.payloads != null) {
            blackhole.consume(session.payloads.range(ThreadLocalRandom.current().nextInt(KEYS)));
            return;
        }
        BenchDatabase.consume(session.readRange(randomKey()), blackhole);
    }
}
