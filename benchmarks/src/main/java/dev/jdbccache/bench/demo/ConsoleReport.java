package dev.jdbccache.bench.demo;

import dev.jdbccache.driver.cache.BypassReason;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Prints the result table and the verdict. */
final class ConsoleReport {
    private static final String ROW = "%-7s %13s %12s %12s %10s %10s %14s %16s%n";

    private ConsoleReport() {
    }

    private static String nonZero(Map<BypassReason, Long> counts) {
        StringJoiner reasons = new StringJoiner(", ");
        counts.forEach((reason, count) -> {
            if (count > 0) {
                reasons.add(String.format(Locale.ROOT, "%s %,d", reason, count));
            }
        });
        return reasons.toString();
    }

    static void print(DemoReport report, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, ROW, "target", "throughput", "read p50", "read p99", "hit ratio", "ideal", "db executions",
                "stale reads");
        out.printf(Locale.ROOT, ROW, "", "(ops/s)", "(µs)", "(µs)", "", "", "saved (hits)", "checked/found");
        for (TargetResult target : report.targets()) {
            out.printf(Locale.ROOT, ROW, target.target(),
                    String.format(Locale.ROOT, "%,.0f", target.throughput()),
                    String.format(Locale.ROOT, "%,.1f", target.readMicros(0.50)),
                    String.format(Locale.ROOT, "%,.1f", target.readMicros(0.99)),
                    target.cache().map(c -> String.format(Locale.ROOT, "%.1f%%", c.hitRatio() * 100)).orElse("n/a"),
                    String.format(Locale.ROOT, "%.1f%%", target.idealHitRatio() * 100),
                    target.cache().map(c -> String.format(Locale.ROOT, "%,d", c.hits())).orElse("n/a"),
                    String.format(Locale.ROOT, "%,d/%,d", target.staleReadsChecked(), target.staleReadsFound()));
        }
        report.cache().cache().filter(counts -> counts.bypasses() > 0).ifPresent(counts -> out.printf(Locale.ROOT,
                "(cache: %,d reads bypassed the cache: %s)%n", counts.bypasses(), nonZero(counts.bypassesByReason())));
        out.println();
        out.println(report.verdict());
    }
}
