package dev.jdbccache.bench.demo;

import dev.jdbccache.driver.jdbc.CachingConnection;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The review-site workload ({@link ReviewSite}) on PostgreSQL, once through the plain driver and
 * once per store, in one run: throughput as a ratio against the plain driver, and each store's
 * hit ratio beside the ideal hit ratio measured on the plain run.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.jdbccache.bench.demo.ReviewSiteBenchmark
 * [--stores plain,local,redis] [--threads 2] [--duration 20] [--warmup 10] [--read-ratio 95]
 * [--zipf 0.99]}; PostgreSQL at {@code -Djdbccache.bench.pg.url}.
 */
public final class ReviewSiteBenchmark {

    private ReviewSiteBenchmark() {
    }

    private record Result(String store, double opsPerSecond, Optional<CacheCounts> cache, double ideal) {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        List<String> stores = List.of("plain", "local", "redis");
        int threads = 2;
        int duration = 20;
        int warmUp = 10;
        double readRatio = 95;
        double zipf = 0.99;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--stores" -> stores = List.of(args[i + 1].split(","));
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--duration" -> duration = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmUp = Integer.parseInt(args[i + 1]);
                case "--read-ratio" -> readRatio = Double.parseDouble(args[i + 1]);
                case "--zipf" -> zipf = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!stores.get(0).equals("plain")) {
            throw new IllegalArgumentException("--stores must start with plain: every figure is a ratio against it");
        }
        String pg = System.getProperty("jdbccache.bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "review site: %,d users, %,d items, %,d reviews per item, %d threads, %.0f%% reads "
                        + "(keyed updates of each table for the rest), Zipf s=%s; %d s warm-up + %d s per target%n",
                ReviewSite.USERS, ReviewSite.ITEMS, ReviewSite.REVIEWS_PER_ITEM, threads, readRatio, zipf, warmUp, duration);
        String runId = ProcessHandle.current().pid() + "_" + Long.toString(System.nanoTime(), 36);
        List<Result> results = new ArrayList<>();
        for (String store : stores) {
            Properties settings = store.equals("plain") ? null : Stores.settings(store, "reviews-" + store + "-" + runId);
            Target target = Target.postgres(store, pg, "reviews_" + store + "_" + runId, settings);
            results.add(run(target, threads, warmUp, duration, (100 - readRatio) / 100, zipf, out));
        }
        print(results, out);
        System.exit(0);
    }

    private static Result run(Target target, int threads, int warmUp, int duration, double writeShare, double zipf,
            PrintStream out) throws Exception {
        try (Connection admin = DriverManager.getConnection(target.adminUrl())) {
            try (Statement s = admin.createStatement()) {
                s.execute("create schema " + target.schema());
                s.execute("set search_path to " + target.schema());
            }
            ReviewSite.loadOnPostgres(admin);
            ReviewSite.Pairs pairs = ReviewSite.Pairs.read(admin);
            try {
                return measure(target, threads, warmUp, duration, writeShare, zipf, pairs, out);
            } finally {
                try (Statement s = admin.createStatement()) {
                    s.execute("drop schema " + target.schema() + " cascade");
                }
            }
        }
    }

    private static Result measure(Target target, int threads, int warmUp, int duration, double writeShare, double zipf,
            ReviewSite.Pairs pairs, PrintStream out) throws Exception {
        ZipfSampler items = new ZipfSampler(ReviewSite.ITEMS, zipf, 7L);
        ZipfSampler users = new ZipfSampler(ReviewSite.USERS, zipf, 11L);
        IdealHits ideal = new IdealHits();
        List<ReviewSite> clients = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                clients.add(new ReviewSite(DriverManager.getConnection(target.url(), target.properties()), items, users,
                        writeShare, ideal, pairs, 17L * i + 3));
            }
            Optional<CachingConnection> cached = clients.get(0).connection().isWrapperFor(CachingConnection.class)
                    ? Optional.of(clients.get(0).connection().unwrap(CachingConnection.class)) : Optional.empty();
            phase(clients, warmUp);
            Optional<CacheCounts> before = cached.map(c -> CacheCounts.of(c.runtime().stats()));
            ideal.startCounting();
            long began = System.nanoTime();
            long operations = phase(clients, duration);
            double seconds = (System.nanoTime() - began) / 1e9;
            Optional<CacheCounts> during = cached.map(c -> CacheCounts.of(c.runtime().stats()).minus(before.orElseThrow()));
            out.printf(Locale.ROOT, "%s: %,.0f ops/s%n", target.label(), operations / seconds);
            return new Result(target.label(), operations / seconds, during, ideal.ratio());
        } finally {
            for (ReviewSite client : clients) {
                client.close();
            }
        }
    }

    /** Runs every client on its own thread for {@code seconds}; returns the operations done. */
    private static long phase(List<ReviewSite> clients, int seconds) throws Exception {
        LongAdder operations = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (ReviewSite client : clients) {
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline && failure.get() == null) {
                        client.step();
                        operations.increment();
                    }
                } catch (SQLException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a review-site client failed", failure.get());
        }
        return operations.sum();
    }

    private static void print(List<Result> results, PrintStream out) {
        Result plain = results.get(0);
        out.println();
        out.printf(Locale.ROOT, "%-8s %12s %8s %8s %8s %8s %8s%n", "target", "ops/s", "x plain", "hit", "served", "ideal", "/ideal");
        for (Result r : results) {
            out.printf(Locale.ROOT, "%-8s %,12.0f %8.2f %8s %8s %7.1f%% %8s%n", r.store(), r.opsPerSecond(),
                    r.opsPerSecond() / plain.opsPerSecond(),
                    r.cache().map(c -> String.format(Locale.ROOT, "%.1f%%", 100 * c.hitRatio())).orElse("n/a"),
                    r.cache().map(c -> String.format(Locale.ROOT, "%.1f%%", 100 * c.servedFromMemory())).orElse("n/a"),
                    100 * plain.ideal(),
                    r.cache().map(c -> String.format(Locale.ROOT, "%.0f%%", 100 * c.servedFromMemory() / plain.ideal()))
                            .orElse("n/a"));
        }
        out.println("(served: hits / all reads; ideal: the share of the plain run's reads whose key was read before "
                + "with the same result; /ideal: served as a share of it)");
        for (Result r : results) {
            r.cache().filter(c -> c.bypasses() > 0).ifPresent(c -> out.printf(Locale.ROOT, "(%s: %,d reads bypassed: %s)%n",
                    r.store(), c.bypasses(), c.bypassesByReason()));
        }
    }
}
