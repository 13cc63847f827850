package dev.jdbccache.bench.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The jdbc-cache demo: the same read-mostly product catalogue workload, first through the plain
 * H2 URL and then through {@code jdbc:cache:}, each on its own in-memory database with the same
 * rows. Prints progress, a result table and a verdict, writes {@code report.json} and
 * {@code report.html}, and exits with status 2 if any stale read was seen (1 on other failures,
 * 64 on bad arguments).
 */
public final class Demo {
    static final double ZIPF_EXPONENT = 0.99;

    private static final long ZIPF_SHUFFLE_SEED = 42L;

    private Demo() {
    }

    public static void main(String[] args) {
        // Before any logger exists: slf4j-simple reads its level once, when the first logger is made.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(64);
            return;
        }
        int status;
        try {
            status = run(options, System.out);
        } catch (Exception e) {
            System.err.println("The demo failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    static int run(DemoOptions options, PrintStream out) throws SQLException, InterruptedException, IOException {
        out.printf(Locale.ROOT, "jdbc-cache demo: product catalogue on in-memory H2 (%,d products, %,d reviews),"
                        + " %d threads, %s%% writes (%s), Zipf s=%s; %d s warm-up + %d s per target%n",
                Catalogue.DEMO.products(), Catalogue.DEMO.reviews(), options.threads(), percent(options.writePercent()),
                options.writeMix().describe(), ZIPF_EXPONENT, options.warmUpSeconds(), options.seconds());
        ZipfSampler products = new ZipfSampler(Catalogue.DEMO.products(), ZIPF_EXPONENT, ZIPF_SHUFFLE_SEED);
        TargetRunner runner = new TargetRunner(Catalogue.DEMO, new OperationMix(options.writePercent(), options.writeMix()), products,
                options.threads(), options.warmUp(), options.measured(), out);
        String runId = Long.toString(ProcessHandle.current().pid()) + "_" + Long.toString(System.nanoTime(), 36);
        TargetResult plain = runner.run(Target.plain("catalogue_plain_" + runId));
        TargetResult cache = runner.run(Target.cache("catalogue_cache_" + runId, "demo-" + runId));

        DemoReport report = new DemoReport(options, plain, cache);
        ConsoleReport.print(report, out);
        Path json = JsonReport.write(report, options.reportDirectory());
        Path html = HtmlReport.write(report, options.reportDirectory());
        out.println("Reports: " + json.toAbsolutePath().normalize() + ", " + html.toAbsolutePath().normalize());
        if (report.staleReadsFound() > 0) {
            out.printf(Locale.ROOT, "FAILED: %,d stale reads found.%n", report.staleReadsFound());
            return 2;
        }
        return 0;
    }

    /** A percentage without a needless fraction: 5 rather than 5.0, but 0.5 as it is. */
    static String percent(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
