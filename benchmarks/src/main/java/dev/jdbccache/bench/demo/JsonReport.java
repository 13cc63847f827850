package dev.jdbccache.bench.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Writes the figures of a run as {@code report.json}. */
final class JsonReport {

    private JsonReport() {
    }

    static Path write(DemoReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("report.json");
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
        return file;
    }

    static String render(DemoReport report) {
        DemoOptions options = report.options();
        StringBuilder json = new StringBuilder(2_048);
        json.append("{\n");
        json.append("  \"workload\": {\n");
        json.append("    \"database\": \"H2 in memory\",\n");
        json.append("    \"products\": ").append(Catalogue.DEMO.products()).append(",\n");
        json.append("    \"reviews\": ").append(Catalogue.DEMO.reviews()).append(",\n");
        json.append("    \"categories\": ").append(Catalogue.CATEGORIES).append(",\n");
        json.append("    \"zipfExponent\": ").append(Demo.ZIPF_EXPONENT).append(",\n");
        json.append("    \"writePercent\": ").append(Demo.percent(options.writePercent())).append(",\n");
        json.append("    \"writeMix\": \"").append(options.writeMix().name().toLowerCase(Locale.ROOT)).append("\",\n");
        json.append("    \"threads\": ").append(options.threads()).append(",\n");
        json.append("    \"warmUpSeconds\": ").append(options.warmUpSeconds()).append(",\n");
        json.append("    \"measuredSeconds\": ").append(options.seconds()).append("\n");
        json.append("  },\n");
        json.append("  \"targets\": [\n");
        for (int i = 0; i < report.targets().size(); i++) {
            appendTarget(json, report.targets().get(i));
            json.append(i + 1 < report.targets().size() ? ",\n" : "\n");
        }
        json.append("  ],\n");
        json.append("  \"staleReadsFound\": ").append(report.staleReadsFound()).append(",\n");
        json.append("  \"verdict\": ").append(string(report.verdict())).append("\n");
        json.append("}\n");
        return json.toString();
    }

    private static void appendTarget(StringBuilder json, TargetResult target) {
        LoadPhase.Result measured = target.measured();
        Optional<CacheCounts> cache = target.cache();
        json.append("    {\n");
        json.append("      \"target\": ").append(string(target.target())).append(",\n");
        json.append("      \"url\": ").append(string(target.url())).append(",\n");
        json.append("      \"seconds\": ").append(number(measured.seconds())).append(",\n");
        json.append("      \"operations\": ").append(measured.operations()).append(",\n");
        json.append("      \"reads\": ").append(measured.reads()).append(",\n");
        json.append("      \"writes\": ").append(measured.writes()).append(",\n");
        json.append("      \"throughputOpsPerSecond\": ").append(number(target.throughput())).append(",\n");
        json.append("      \"readLatencyMicros\": {");
        for (int q = 0; q < TargetResult.QUANTILES.size(); q++) {
            json.append(q == 0 ? " " : ", ").append(string(TargetResult.QUANTILE_LABELS.get(q))).append(": ")
                    .append(number(target.readMicros(TargetResult.QUANTILES.get(q))));
        }
        json.append(" },\n");
        json.append("      \"hitRatio\": ").append(cache.map(c -> number(c.hitRatio())).orElse("null")).append(",\n");
        json.append("      \"idealHitRatio\": ").append(number(target.idealHitRatio())).append(",\n");
        json.append("      \"databaseExecutionsSaved\": ").append(cache.map(c -> Long.toString(c.hits())).orElse("null")).append(",\n");
        json.append("      \"cacheMisses\": ").append(cache.map(c -> Long.toString(c.misses())).orElse("null")).append(",\n");
        json.append("      \"cacheStores\": ").append(cache.map(c -> Long.toString(c.stores())).orElse("null")).append(",\n");
        json.append("      \"cacheBypasses\": ").append(cache.map(JsonReport::bypasses).orElse("null")).append(",\n");
        json.append("      \"staleReadsChecked\": ").append(target.staleReadsChecked()).append(",\n");
        json.append("      \"staleReadsFound\": ").append(target.staleReadsFound()).append("\n");
        json.append("    }");
    }

    private static String bypasses(CacheCounts counts) {
        StringBuilder json = new StringBuilder("{ \"total\": ").append(counts.bypasses());
        counts.bypassesByReason().forEach((reason, count) -> {
            if (count > 0) {
                json.append(", ").append(string(reason.name())).append(": ").append(count);
            }
        });
        return json.append(" }").toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String string(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
