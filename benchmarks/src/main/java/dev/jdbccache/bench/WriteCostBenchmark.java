package dev.jdbccache.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
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

/**
 * What a write costs through the driver: an autocommit update of one row by primary key on
 * PostgreSQL ({@code update bench_item set price = ? where id = ?}), through the plain driver,
 * the local store with row footprints (a table tag and a bucket tag leased and bumped) and
 * without them (the table tag and its rows tag), and the Redis store with footprints (the
 * version check of the catalog, then one script to begin and one to end the write).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar WriteCostBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class WriteCostBenchmark {

    @Param({"plain", "local", "local-table-level", "redis"})
    public String target;

    private Connection connection;
    private PreparedStatement update;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        BenchDatabase.ensureTable();
        String name = "write-" + target + "-" + UUID.randomUUID();
        connection = switch (target) {
            case "plain" -> BenchDatabase.connectPlain();
            case "local" -> BenchDatabase.connectCached("cache.name", name);
            case "local-table-level" -> BenchDatabase.connectCached("cache.name", name, "cache.footprints", "off");
            case "redis" -> BenchDatabase.connectCached("cache.name", name, "cache.store", "redis",
                    "cache.redis.prefix", "jcbench:" + name + ":");
            default -> throw new IllegalArgumentException("unknown target " + target);
        };
        update = connection.prepareStatement("update bench_item set price = ? where id = ?");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
    }

    @Benchmark
    public int updateByKey() throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        update.setBigDecimal(1, java.math.BigDecimal.valueOf(random.nextInt(100_000), 2));
        update.setInt(2, 1 + random.nextInt(BenchDatabase.ROWS));
        return update.executeUpdate();
    }
}
