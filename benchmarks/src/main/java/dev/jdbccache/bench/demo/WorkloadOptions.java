package dev.jdbccache.bench.demo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The workload benchmark's command line:
 * {@code --db postgresql|h2 --stores plain,local,redis,tiered --threads N --duration S --warmup S
 * --read-ratio P --keys N --zipf S --write-mix realistic|product}.
 */
record WorkloadOptions(String db, List<String> stores, int threads, int durationSeconds, int warmUpSeconds,
        double readRatio, int keys, double zipf, OperationMix.WriteMix writeMix, String postgresUrl) {

    static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar dev.jdbccache.bench.demo.WorkloadBenchmark [options]
              --db postgresql|h2          database (default postgresql, at -Djdbccache.bench.pg.url or 127.0.0.1:5432/test)
              --stores LIST               targets, comma-separated, from plain,local,redis,tiered (default all four)
              --threads N                 concurrent clients (default 2)
              --duration S                measured seconds per target (default 20)
              --warmup S                  warm-up seconds per target (default 10)
              --read-ratio P              percentage of reads (default 95)
              --keys N                    products (default 100000; reviews are 5 per product)
              --zipf S                    Zipf exponent of product popularity (default 0.99)
              --write-mix realistic|product  how writes split (default realistic)""";

    static WorkloadOptions parse(String[] args) {
        String db = "postgresql";
        List<String> stores = List.of("plain", "local", "redis", "tiered");
        int threads = 2;
        int duration = 20;
        int warmUp = 10;
        double readRatio = 95;
        int keys = 100_000;
        double zipf = 0.99;
        OperationMix.WriteMix writeMix = OperationMix.WriteMix.REALISTIC;
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[i + 1];
            switch (name) {
                case "--db" -> db = oneOf(name, value, List.of("postgresql", "h2"));
                case "--stores" -> stores = stores(name, value);
                case "--threads" -> threads = whole(name, value, 1);
                case "--duration" -> duration = whole(name, value, 1);
                case "--warmup" -> warmUp = whole(name, value, 0);
                case "--read-ratio" -> readRatio = fraction(name, value, 0, 100);
                case "--keys" -> keys = whole(name, value, 100);
                case "--zipf" -> zipf = fraction(name, value, 0, 10);
                case "--write-mix" -> writeMix = OperationMix.WriteMix.valueOf(oneOf(name, value, List.of("realistic", "product"))
                        .toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (!stores.contains("plain")) {
            throw new IllegalArgumentException("--stores must include plain: every figure is a ratio against it");
        }
        String pg = System.getProperty("jdbccache.bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        return new WorkloadOptions(db, stores, threads, duration, warmUp, readRatio, keys, zipf, writeMix, pg);
    }

    Duration measured() {
        return Duration.ofSeconds(durationSeconds);
    }

    Duration warmUp() {
        return Duration.ofSeconds(warmUpSeconds);
    }

    private static List<String> stores(String name, String value) {
        List<String> stores = List.of(value.split(","));
        for (String store : stores) {
            oneOf(name, store, List.of("plain", "local", "redis", "tiered"));
        }
        return stores;
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + allowed + ": " + value);
        }
        return value;
    }

    private static int whole(String name, String value, int minimum) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < minimum) {
                throw new IllegalArgumentException(name + " must be at least " + minimum + ": " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number: " + value, e);
        }
    }

    private static double fraction(String name, String value, double low, double high) {
        try {
            double parsed = Double.parseDouble(value);
            if (!(parsed >= low && parsed <= high)) {
                throw new IllegalArgumentException(name + " must be between " + low + " and " + high + ": " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number: " + value, e);
        }
    }
}
