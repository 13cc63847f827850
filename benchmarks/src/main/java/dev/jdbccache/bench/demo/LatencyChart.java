package dev.jdbccache.bench.demo;

import java.util.List;
import java.util.Locale;

/**
 * Renders read latency percentiles of the plain and the cached run as an inline SVG bar chart:
 * one group per percentile, a logarithmic axis in microseconds.
 */
final class LatencyChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 340;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String PLAIN_COLOUR = "#9aa5b1";
    private static final String CACHE_COLOUR = "#2f7ed8";

    private LatencyChart() {
    }

    static String svg(TargetResult plain, TargetResult cache) {
        List<Double> quantiles = TargetResult.QUANTILES;
        double[] plainValues = values(plain);
        double[] cacheValues = values(cache);
        int lowExponent = (int) Math.floor(Math.log10(Math.min(min(plainValues), min(cacheValues))));
        int highExponent = (int) Math.ceil(Math.log10(Math.max(max(plainValues), max(cacheValues))));
        if (highExponent == lowExponent) {
            highExponent++;
        }
        Scale scale = new Scale(lowExponent, highExponent);

        StringBuilder svg = new StringBuilder(4_096);
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\" role=\"img\""
                        + " aria-label=\"Read latency percentiles, plain versus cache\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">"
                + "Read latency (µs, log scale)</text>%n", LEFT));
        appendGrid(svg, scale);
        double groupWidth = (double) (WIDTH - LEFT - RIGHT) / quantiles.size();
        double barWidth = groupWidth / 3;
        for (int q = 0; q < quantiles.size(); q++) {
            double groupLeft = LEFT + q * groupWidth + barWidth / 2;
            appendBar(svg, scale, groupLeft, barWidth, plainValues[q], PLAIN_COLOUR);
            appendBar(svg, scale, groupLeft + barWidth, barWidth, cacheValues[q], CACHE_COLOUR);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    groupLeft + barWidth, HEIGHT - BOTTOM + 18, TargetResult.QUANTILE_LABELS.get(q)));
        }
        appendLegend(svg);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void appendGrid(StringBuilder svg, Scale scale) {
        for (int exponent = scale.low; exponent <= scale.high; exponent++) {
            double value = Math.pow(10, exponent);
            double y = scale.y(value);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>%n", LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y + 4, axisLabel(value)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>%n",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
    }

    private static void appendBar(StringBuilder svg, Scale scale, double x, double width, double value, String colour) {
        double y = scale.y(value);
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s µs</title></rect>%n",
                x, y, width - 2, HEIGHT - BOTTOM - y, colour, valueLabel(value)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">%s</text>%n",
                x + width / 2 - 1, y - 4, valueLabel(value)));
    }

    private static void appendLegend(StringBuilder svg) {
        int y = HEIGHT - 14;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">plain (jdbc:h2:)</text>%n", LEFT, y - 10, PLAIN_COLOUR, LEFT + 18, y));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">cache (jdbc:cache:h2:)</text>%n", LEFT + 160, y - 10, CACHE_COLOUR, LEFT + 178, y));
    }

    private static double[] values(TargetResult target) {
        return TargetResult.QUANTILES.stream()
                .mapToDouble(q -> Math.max(Scale.FLOOR, target.readMicros(q)))
                .toArray();
    }

    private static double min(double[] values) {
        double min = Double.MAX_VALUE;
        for (double value : values) {
            min = Math.min(min, value);
        }
        return min;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static String axisLabel(double value) {
        return value >= 1 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%s", value);
    }

    private static String valueLabel(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Maps microseconds onto the plot's vertical axis, logarithmically between two powers of ten. */
    private record Scale(int low, int high) {
        static final double FLOOR = 0.01;

        double y(double value) {
            double fraction = (Math.log10(value) - low) / (high - low);
            return HEIGHT - BOTTOM - fraction * (HEIGHT - BOTTOM - TOP);
        }
    }
}
