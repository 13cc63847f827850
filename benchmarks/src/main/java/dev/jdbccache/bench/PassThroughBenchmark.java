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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The overhead of the driver when it does not cache: a primary-key lookup through the plain URL
 * ({@code plain}) and through {@code jdbc:cache:} with {@code cache.enabled=false}
 * ({@code cache-off}). The difference is what wrapping costs. On PostgreSQL ({@code db=postgresql})
 * loopback noise is larger than that difference; on in-memory H2 ({@code db=h2}, no network, a
 * lookup of a few microseconds) the wrapper's cost stands out as clearly as it ever can.
 *
 * <p>Each invocation looks up a random key of 1..10,000 with a statement prepared once per
 * thread, and reads every column of the row. The database URL comes from the system property
 * {@code jdbccache.bench.pg.url} (passed to forks with {@code -jvmArgs}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// The driver logs each cache start at INFO; that line would interleave with JMH's output.
@Fork(value = 3, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@State(Scope.Benchmark)
public class PassThroughBenchmark {

    @Param({"plain", "cache-off"})
    public String target;

    @Param({"postgresql", "h2"})
    public String db;

    @Setup(Level.Trial)
    public void createTable() throws SQLException {
        if (db.equals("postgresql")) {
            BenchDatabase.ensureTable();
        } else {
            BenchDatabase.ensureH2Table();
        }
    }

    /** One connection and prepared statement per benchmark thread. */
    @State(Scope.Thread)
    public static class Session {
        private Connection connection;
        private PreparedStatement lookup;

        @Setup(Level.Trial)
        public void open(PassThroughBenchmark benchmark) throws SQLException {
            boolean h2 = benchmark.db.equals("h2");
            connection = switch (benchmark.target) {
                case "plain" -> h2 ? BenchDatabase.connectH2(false) : BenchDatabase.connectPlain();
                case "cache-off" -> h2 ? BenchDatabase.connectH2(true) : BenchDatabase.connectCached(
                        "cache.name", "bench-off-" + UUID.randomUUID(), "cache.enabled", "false");
                default -> throw new IllegalArgumentException("unknown target " + benchmark.target);
            };
            lookup = connection.prepareStatement("select id, name, price from bench_item where id = ?");
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    @Benchmark
    public void primaryKeyLookup(Session session, Blackhole blackhole) throws SQLException {
        session.lookup.setInt(1, ThreadLocalRandom.current().nextInt(1, BenchDatabase.ROWS + 1));
        BenchDatabase.consume(session.lookup.executeQuery(), blackhole);
    }
}
