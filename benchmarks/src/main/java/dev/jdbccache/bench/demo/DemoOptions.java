package dev.jdbccache.bench.demo;

import java.nio.file.Path;
import java.time.Duration;

/** The demo's command line: {@code --seconds N --threads N --warmup N --write-percent P --write-mix M --out DIR}. */
record DemoOptions(int seconds, int threads, int warmUpSeconds, double writePercent, OperationMix.WriteMix writeMix,
        Path reportDirectory) {

    static final String USAGE = """
            usage: java -jar benchmarks/target/demo.jar [--seconds N] [--threads N] [--warmup N] [--write-percent P]
                                                         [--write-mix realistic|product] [--out DIR]
              --seconds N        measured seconds per target (default 10)
              --threads N        concurrent clients, one connection each (default 2)
              --warmup N         warm-up seconds per target (default 5)
              --write-percent P  share of operations that write, 0 to 100 (default 5)
              --write-mix M      realistic: 80% orders, 10% reviews, 10% product price changes (default);
                                 product: every write changes a product (worst case for table invalidation)
              --out DIR          where report.json and report.html are written (default demo-report)""";

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for bad ones. */
    static DemoOptions parse(String[] args) {
        int seconds = 10;
        int threads = 2;
        int warmUp = 5;
        double writePercent = 5;
        OperationMix.WriteMix writeMix = OperationMix.WriteMix.REALISTIC;
        Path reportDirectory = Path.of("demo-report");
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[i + 1];
            switch (name) {
                case "--seconds" -> seconds = wholeNumber(name, value, 1);
                case "--threads" -> threads = wholeNumber(name, value, 1);
                case "--warmup" -> warmUp = wholeNumber(name, value, 0);
                case "--write-percent" -> writePercent = percentage(name, value);
                case "--write-mix" -> writeMix = writeMix(name, value);
                case "--out" -> reportDirectory = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new DemoOptions(seconds, threads, warmUp, writePercent, writeMix, reportDirectory);
    }

    Duration measured() {
        return Duration.ofSeconds(seconds);
    }

    Duration warmUp() {
        return Duration.ofSeconds(warmUpSeconds);
    }

    private static int wholeNumber(String name, String value, int minimum) {
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number: " + value, e);
        }
        if (parsed < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ": " + value);
        }
        return parsed;
    }

    private static OperationMix.WriteMix writeMix(String name, String value) {
        try {
            return OperationMix.WriteMix.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be realistic or product: " + value, e);
        }
    }

    private static double percentage(String name, String value) {
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number: " + value, e);
        }
        if (!(parsed >= 0 && parsed <= 100)) {
            throw new IllegalArgumentException(name + " must be between 0 and 100: " + value);
        }
        return parsed;
    }
}
