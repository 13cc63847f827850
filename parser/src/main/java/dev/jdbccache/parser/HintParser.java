package dev.jdbccache.parser;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cache hints from comment bodies: {@code cache:off} and {@code cache:ttl=30s} (units
 * {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}; case-insensitive; spaces allowed around
 * {@code :} and {@code =}). A malformed or non-positive TTL is ignored. Stateless and thread-safe.
 */
final class HintParser {

    private static final Pattern HINT = Pattern.compile(
            "(?i)(?<![a-z0-9_])cache\\s*:\\s*(?:(off)(?![a-z0-9_])|ttl\\s*=\\s*([0-9a-z.]*))");
    private static final Pattern TTL = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private HintParser() {
    }

    /** True when the comment body holds a hint, even a malformed one (it is kept when normalizing). */
    static boolean containsHint(String commentBody) {
        return HINT.matcher(commentBody).find();
    }

    /** Merges the hints of {@code commentBody} into {@code hint}: {@code off} wins, the first valid TTL wins. */
    static CacheHint merge(CacheHint hint, String commentBody) {
        boolean off = hint.off();
        Duration ttl = hint.ttl();
        Matcher m = HINT.matcher(commentBody);
        while (m.find()) {
            if (m.group(1) != null) {
                off = true;
            } else if (ttl == null) {
                ttl = parseTtl(m.group(2));
            }
        }
        return off == hint.off() && ttl == hint.ttl() ? hint : new CacheHint(off, ttl);
    }

    /** {@code 30s} to a duration; {@code null} when malformed or not positive. */
    static Duration parseTtl(String value) {
        Matcher m = TTL.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long amount = Long.parseLong(m.group(1));
        if (amount <= 0) {
            return null;
        }
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
