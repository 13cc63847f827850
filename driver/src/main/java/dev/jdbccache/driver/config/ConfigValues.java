package dev.jdbccache.driver.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parses the textual forms of durations, sizes, booleans and fractions, naming what is wrong. */
final class ConfigValues {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb|kib|mib|gib)?", Pattern.CASE_INSENSITIVE);

    private ConfigValues() {
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, or {@code 0}. */
    static Duration duration(ConfigEntry entry) throws ConfigException {
        String text = entry.value().trim();
        if (text.startsWith("-")) {
            throw new ConfigException(entry, "must not be negative");
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new ConfigException(entry, "is not a duration; write e.g. 500ms, 30s, 5m, 2h or 1d");
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new ConfigException(entry, "is too large");
        }
        String unit = m.group(2);
        if (unit == null) {
            if (amount == 0) {
                return Duration.ZERO;
            }
            throw new ConfigException(entry, "has no unit; write e.g. " + amount + "s (units: ms, s, m, h, d)");
        }
        try {
            return switch (unit.toLowerCase(Locale.ROOT)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } catch (ArithmeticException e) {
            throw new ConfigException(entry, "is too large");
        }
    }

    /** Bytes: {@code 1048576}, {@code 512KB}, {@code 64MB}, {@code 1GiB}; KB = KiB = 1024 bytes. */
    static long size(ConfigEntry entry) throws ConfigException {
        String text = entry.value().trim();
        if (text.startsWith("-")) {
            throw new ConfigException(entry, "must not be negative");
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new ConfigException(entry, "is not a size; write e.g. 1048576, 512KB, 64MB or 1GB");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit) {
            case "kb", "kib" -> 10;
            case "mb", "mib" -> 20;
            case "gb", "gib" -> 30;
            default -> 0;
        };
        try {
            long amount = Long.parseLong(m.group(1));
            if (amount > (Long.MAX_VALUE >> shift)) {
                throw new ConfigException(entry, "is too large");
            }
            return amount << shift;
        } catch (NumberFormatException e) {
            throw new ConfigException(entry, "is too large");
        }
    }

    static boolean bool(ConfigEntry entry) throws ConfigException {
        String text = entry.value().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(entry, "must be true or false");
        };
    }

    static int positiveInt(ConfigEntry entry) throws ConfigException {
        try {
            int value = Integer.parseInt(entry.value().trim());
            if (value <= 0) {
                throw new ConfigException(entry, "must be a positive whole number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(entry, "must be a positive whole number");
        }
    }

    static double fraction(ConfigEntry entry) throws ConfigException {
        try {
            double value = Double.parseDouble(entry.value().trim());
            if (!(value >= 0 && value < 1)) {
                throw new ConfigException(entry, "must be a fraction from 0 (inclusive) to 1 (exclusive)");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(entry, "must be a fraction from 0 (inclusive) to 1 (exclusive), e.g. 0.1");
        }
    }

    /** {@code null} for an empty value (no pattern). */
    static Pattern regex(ConfigEntry entry) throws ConfigException {
        String text = entry.value().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(entry, "is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
    }

    static String oneOf(ConfigEntry entry, String... allowed) throws ConfigException {
        String text = entry.value().trim().toLowerCase(Locale.ROOT);
        for (String candidate : allowed) {
            if (candidate.equals(text)) {
                return candidate;
            }
        }
        throw new ConfigException(entry, "must be one of " + String.join(", ", allowed));
    }
}
