package dev.jdbccache.bench.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The workload benchmark: the catalogue workload through the plain driver and through each store,
 * in one invocation, on PostgreSQL (default) or H2. Prints throughput, read latency percentiles
 * and the hit ratio per store, latency per query type, and every figure as a ratio against the
 * plain driver measured in the same run. Exits 2 if a stale read was found.
 */
public final class WorkloadBenchmark {

    private WorkloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        WorkloadOptions options;
        try {
            options = WorkloadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(WorkloadOptions.USAGE);
            System.exit(64);
            return;
        }
        System.exit(run(options, System.out));
    }

    static int run(WorkloadOptions options, PrintStream out) throws Exception {
        Catalogue catalogue = new Catalogue(options.keys(), options.keys() * 5);
        OperationMix mix = new OperationMix(100 - options.readRatio(), options.writeMix());
        out.printf(Locale.ROOT, "workload: %s, %,d products, %,d reviews, %d threads, %s%% reads, writes %s, Zipf s=%s;"
                        + " %d s warm-up + %d s per target%n", options.db(), catalogue.products(), catalogue.reviews(),
                options.threads(), Demo.percent(options.readRatio()), options.writeMix().describe(), options.zipf(),
                options.warmUpSeconds(), options.durationSeconds());
        ZipfSampler products = new ZipfSampler(catalogue.products(), options.zipf(), 42L);
        TargetRunner runner = new TargetRunner(catalogue, mix, products, options.threads(), options.warmUp(),
                options.measured(), out);
        String runId = Long.toString(ProcessHandle.current().pid()) + "_" + Long.toString(System.nanoTime(), 36);
        List<TargetResult> results = new ArrayList<>();
        for (String store : options.stores()) {
            Properties settings = store.equals("plain") ? null : Stores.settings(store, "workload-" + store + "-" + runId);
            String name = "workload_" + store + "_" + runId;
            Target target = options.db().equals("h2") ? Target.h2(store, name, settings)
                    : Target.postgres(store, options.postgresUrl(), name, settings);
            results.add(runner.run(target));
        }
        print(results, out);
        long stale = results.stream().mapToLong(TargetResult::staleReadsFound).sum();
        return stale > 0 ? 2 : 0;
    }

    private static void print(List<TargetResult> results, PrintStream out) {
        TargetResult plain = results.get(0);
        out.println();
        out.printf(Locale.ROOT, "%-8s %12s %8s %10s %10s %10s %8s %8s %8s %8s %10s%n", "target", "ops/s", "x plain",
                "read p50", "read p99", "p99 x", "hit", "served", "ideal", "/ideal", "stale");
        for (TargetResult r : results) {
            out.printf(Locale.ROOT, "%-8s %,12.0f %8.2f %8.1fus %8.1fus %10.2f %8s %8s %7.1f%% %8s %,6d/%,d%n", r.target(),
                    r.throughput(), r.throughput() / plain.throughput(), r.readMicros(0.5), r.readMicros(0.99),
                    plain.readMicros(0.99) / r.readMicros(0.99),
                    r.cache().map(c -> String.format(Locale.ROOT, "%.1f%%", 100 * c.hitRatio())).orElse("n/a"),
                    r.cache().map(c -> String.format(Locale.ROOT, "%.1f%%", 100 * c.servedFromMemory())).orElse("n/a"),
                    100 * plain.idealHitRatio(),
                    r.cache().map(c -> String.format(Locale.ROOT, "%.0f%%", 100 * c.servedFromMemory() / plain.idealHitRatio()))
                            .orElse("n/a"),
                    r.staleReadsFound(), r.staleReadsChecked());
        }
        out.println("(served: hits / all reads; ideal: the share of the plain run's reads whose key was read before with "
                + "the same result, the ceiling of any cache; /ideal: served as a share of it)");
        out.println();
        out.println("latency per query type, p50 / p99 in microseconds (count):");
        for (OperationMix.Operation operation : OperationMix.Operation.values()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-22s", operation.label()));
            boolean any = false;
            for (TargetResult r : results) {
                LatencyRecorder recorder = r.measured().byOperation().get(operation);
                if (recorder == null || recorder.count() == 0) {
                    line.append(String.format(Locale.ROOT, " %-8s %22s", r.target(), "-"));
                    continue;
                }
                any = true;
                line.append(String.format(Locale.ROOT, " %-8s %8.1f / %8.1f (%,d)", r.target(), recorder.valueAt(0.5) / 1e3,
                        recorder.valueAt(0.99) / 1e3, recorder.count()));
            }
            if (any) {
                out.println(line);
            }
        }
        for (TargetResult r : results) {
            r.cache().ifPresent(c -> {
                out.printf(Locale.ROOT, "(%s: %,d misses, %,d stores, %,d evictions, %,d misses not recorded while the local tier was full)%n",
                        r.target(), c.misses(), c.stores(), c.evictions(), c.missesNotRecorded());
                if (c.bypasses() > 0) {
                    out.printf(Locale.ROOT, "(%s: %,d reads bypassed the cache: %s)%n", r.target(), c.bypasses(), c.bypassesByReason());
                }
            });
        }
    }
}
