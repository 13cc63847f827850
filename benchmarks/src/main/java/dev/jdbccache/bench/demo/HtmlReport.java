package dev.jdbccache.bench.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes the figures of a run as a self-contained {@code report.html}: a table and an inline SVG chart. */
final class HtmlReport {

    private HtmlReport() {
    }

    static Path write(DemoReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("report.html");
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
        return file;
    }

    static String render(DemoReport report) {
        DemoOptions options = report.options();
        StringBuilder html = new StringBuilder(8_192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>jdbc-cache demo report</title>\n<style>\n")
                .append("body { font-family: sans-serif; margin: 2em; color: #222; }\n")
                .append("table { border-collapse: collapse; margin: 1em 0; }\n")
                .append("th, td { border: 1px solid #ccc; padding: 0.3em 0.7em; }\n")
                .append("td { text-align: right; } td:first-child { text-align: left; }\n")
                .append(".verdict { font-size: 1.1em; font-weight: bold; }\n")
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>jdbc-cache demo</h1>\n");
        html.append(String.format(Locale.ROOT, "<p>Product catalogue on in-memory H2 (%,d products, %,d reviews, %d categories);"
                        + " %d threads, %d s warm-up and %d s measured per target; %s%% writes (%s); product popularity Zipf s = %s.</p>%n",
                Catalogue.DEMO.products(), Catalogue.DEMO.reviews(), Catalogue.CATEGORIES, options.threads(), options.warmUpSeconds(),
                options.seconds(), Demo.percent(options.writePercent()), escape(options.writeMix().describe()), Demo.ZIPF_EXPONENT));
        html.append("<p class=\"verdict\">").append(escape(report.verdict())).append("</p>\n");
        appendTable(html, report);
        html.append(LatencyChart.svg(report.plain(), report.cache()));
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void appendTable(StringBuilder html, DemoReport report) {
        html.append("<table>\n<tr><th>target</th><th>URL</th><th>throughput (ops/s)</th>");
        for (String label : TargetResult.QUANTILE_LABELS) {
            html.append("<th>read ").append(label).append(" (µs)</th>");
        }
        html.append("<th>hit ratio</th><th>database executions saved</th><th>stale reads checked</th>"
                + "<th>stale reads found</th></tr>\n");
        for (TargetResult target : report.targets()) {
            html.append("<tr><td>").append(escape(target.target())).append("</td><td>")
                    .append(escape(target.url())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,.0f", target.throughput())).append("</td>");
            for (double quantile : TargetResult.QUANTILES) {
                html.append("<td>").append(String.format(Locale.ROOT, "%,.1f", target.readMicros(quantile))).append("</td>");
            }
            html.append("<td>").append(target.cache().map(c -> String.format(Locale.ROOT, "%.1f%%", c.hitRatio() * 100))
                            .orElse("n/a")).append("</td><td>")
                    .append(target.cache().map(c -> String.format(Locale.ROOT, "%,d", c.hits())).orElse("n/a"))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%,d", target.staleReadsChecked()))
                    .append("</td><td>").append(target.staleReadsFound()).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
