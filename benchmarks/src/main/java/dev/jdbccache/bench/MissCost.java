package dev.jdbccache.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * What a cache miss costs, measured so that loopback drift cannot decide the answer: the plain
 * driver and {@code jdbc:cache:} run the same statements (the {@code cache-miss} statements of
 * {@link CacheHitBenchmark}: an extra {@code and ? >= 0} bound to a growing counter, so every
 * call misses) in alternating blocks within one JVM, and each block's wall time, thread CPU time
 * and allocation per call are recorded. The first quarter of the rounds warms up; the medians of
 * the rest are printed, with the miss as a multiple of the plain driver, and the same comparison
 * made round by round (each miss block against the plain block beside it; which one runs first
 * alternates) with its median and quartiles, the spread that noise left.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.jdbccache.bench.MissCost [rows 1|100] [rounds] [calls per block]
 * </pre>
 *
 * <p>With {@code -Dmisscost.db=h2} both targets read the same table in in-memory H2: no network,
 * so the driver's own work per call shows with little noise (in microseconds it is much the same
 * work as against PostgreSQL, where it is a far smaller fraction of the call).
 *
 * <p>With {@code -Dmisscost.cache.enabled=false} the second target is the pass-through driver
 * (cache disabled): what the wrapping alone costs on the same statements.
 *
 * <p>The local tier's default budget (64 MiB) holds every 1-row result of a default run (40,000
 * of them), so each such miss is recorded and stored; 100-row results (about 19 KB each) fill it
 * after some 3,400 calls. {@code -Dmisscost.local.max-bytes=1GiB} keeps room for a whole 100-row
 * run. With {@code -Dmisscost.local.max-bytes=2MiB} the tier is full after the first few thousand
 * calls and stays full: the steady state of a stream of one-off queries, where {@code
 * cache.local.admission} leaves unseen keys unrecorded ({@code -Dmisscost.local.admission=always}
 * records them anyway).
 */
public final class MissCost {

    private static final String PRIMARY_KEY = "select id, name, price from bench_item where id = ? and ? >= 0";
    private static final String RANGE_100 = "select id, name, price from bench_item where id between ? and ? + 99 and ? >= 0";

    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final boolean range;
    private long counter;
    private long sink;

    private MissCost(boolean range) {
        this.range = range;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        if (rows != 1 && rows != 100) {
            throw new IllegalArgumentException("rows: 1 or 100");
        }
        boolean h2 = "h2".equals(System.getProperty("misscost.db", "postgresql"));
        if (h2) {
            BenchDatabase.ensureH2Table();
        } else {
            BenchDatabase.ensureTable();
        }
        MissCost probe = new MissCost(rows == 100);
        String sql = rows == 100 ? RANGE_100 : PRIMARY_KEY;
        Properties settings = new Properties();
        settings.setProperty("cache.name", "miss-cost-" + UUID.randomUUID());
        settings.setProperty("cache.ttl", "1h");
        settings.setProperty("cache.enabled", System.getProperty("misscost.cache.enabled", "true"));
        settings.setProperty("cache.local.max-bytes", System.getProperty("misscost.local.max-bytes", "64MiB"));
        settings.setProperty("cache.local.admission", System.getProperty("misscost.local.admission", "seen-twice-when-full"));
        try (Connection plain = h2 ? DriverManager.getConnection("jdbc:" + BenchDatabase.H2_DATABASE) : BenchDatabase.connectPlain();
                Connection cached = DriverManager.getConnection(
                        h2 ? "jdbc:cache:" + BenchDatabase.H2_DATABASE : BenchDatabase.cacheUrl(), settings);
                PreparedStatement plainStatement = plain.prepareStatement(sql);
                PreparedStatement cachedStatement = cached.prepareStatement(sql)) {
            List<double[]> plainBlocks = new ArrayList<>();
            List<double[]> missBlocks = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                // each target goes first every other round: neither always runs on a warmer machine
                boolean plainFirst = round % 2 == 0;
                double[] p = plainFirst ? probe.block(plainStatement, calls) : null;
                double[] m = probe.block(cachedStatement, calls);
                if (!plainFirst) {
                    p = probe.block(plainStatement, calls);
                }
                if (round >= rounds / 4) {
                    plainBlocks.add(p);
                    missBlocks.add(m);
                }
            }
            System.out.printf("%d-row miss, medians of %d blocks of %d calls (after %d warm-up rounds)%n", rows,
                    plainBlocks.size(), calls, rounds / 4);
            System.out.printf("%-12s %10s %10s %12s%n", "target", "wall µs", "cpu µs", "alloc B");
            print("plain-miss", plainBlocks);
            print("cache-miss", missBlocks);
            System.out.printf("%-12s %9.2fx %9.2fx %11.2fx%n", "ratio", median(missBlocks, WALL) / median(plainBlocks, WALL),
                    median(missBlocks, CPU) / median(plainBlocks, CPU), median(missBlocks, ALLOC) / median(plainBlocks, ALLOC));
            // paired: each round's miss block against the plain block beside it, which drift touches alike
            double[] wallRatios = new double[plainBlocks.size()];
            double[] extraCpu = new double[plainBlocks.size()];
            for (int i = 0; i < wallRatios.length; i++) {
                wallRatios[i] = missBlocks.get(i)[WALL] / plainBlocks.get(i)[WALL];
                extraCpu[i] = missBlocks.get(i)[CPU] - plainBlocks.get(i)[CPU];
            }
            System.out.printf("paired by round, median [quartiles]: wall ratio %s; extra cpu µs per call %s%n",
                    format(quartiles(wallRatios), "%.3fx"), format(quartiles(extraCpu), "%.1f"));
            double mean = java.util.Arrays.stream(extraCpu).average().orElse(0);
            double variance = java.util.Arrays.stream(extraCpu).map(d -> (d - mean) * (d - mean)).sum() / (extraCpu.length - 1);
            double standardError = Math.sqrt(variance / extraCpu.length);
            System.out.printf("extra cpu per call, mean of the pairs: %.1f ± %.1f µs (standard error), %.1f%% of the plain wall time%n",
                    mean, standardError, 100 * mean / median(plainBlocks, WALL));
            if (cached.isWrapperFor(dev.jdbccache.driver.jdbc.CachingConnection.class)) {
                System.out.println("cache stats: " + dev.jdbccache.driver.JdbcCache.of(cached).statsSnapshot().entrySet().stream()
                        .filter(e -> List.of("misses", "stores", "misses_not_recorded", "evictions").contains(e.getKey()))
                        .map(String::valueOf).toList());
            }
            System.err.println(probe.sink == 42 ? "" : " "); // keeps the reads from being optimized away
        }
    }

    private static final int WALL = 0;
    private static final int CPU = 1;
    private static final int ALLOC = 2;

    /** Wall µs, thread CPU µs and bytes allocated per call, over {@code calls} calls. */
    private double[] block(PreparedStatement statement, int calls) throws SQLException {
        long thread = Thread.currentThread().getId();
        long alloc0 = threads.getThreadAllocatedBytes(thread);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            int start = 1 + (int) (counter * 37 % CacheHitBenchmark.KEYS) * (BenchDatabase.ROWS / CacheHitBenchmark.KEYS);
            int index = 1;
            statement.setInt(index++, start);
            if (range) {
                statement.setInt(index++, start);
            }
            statement.setLong(index, counter++);
            read(statement.executeQuery());
        }
        double wall = (System.nanoTime() - wall0) / 1000.0 / calls;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / calls;
        double alloc = (threads.getThreadAllocatedBytes(thread) - alloc0) / (double) calls;
        return new double[] {wall, cpu, alloc};
    }

    /** Reads every row the way an application would: each column with its natural getter. */
    private void read(ResultSet rs) throws SQLException {
        try (rs) {
            while (rs.next()) {
                sink += rs.getInt(1) + rs.getString(2).length() + rs.getBigDecimal(3).scale();
            }
        }
    }

    private static void print(String name, List<double[]> blocks) {
        System.out.printf("%-12s %10.1f %10.1f %12.0f%n", name, median(blocks, WALL), median(blocks, CPU),
                median(blocks, ALLOC));
    }

    /** First quartile, median and third quartile. */
    private static double[] quartiles(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return new double[] {sorted[n / 4], sorted[n / 2], sorted[(3 * n) / 4]};
    }

    private static String format(double[] quartiles, String format) {
        return String.format(format + " [" + format + " .. " + format + "]", quartiles[1], quartiles[0], quartiles[2]);
    }

    private static double median(List<double[]> blocks, int column) {
        double[] values = blocks.stream().mapToDouble(b -> b[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
