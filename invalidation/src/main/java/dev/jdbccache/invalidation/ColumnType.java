package dev.jdbccache.invalidation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The column types whose equality the driver decides exactly, and the canonical text of a value
 * of each: {@code setString("5")}, {@code setLong(5)} and {@code setInt(5)} name one integer,
 * every spelling of a UUID names one UUID. A value that cannot be canonicalised returns
 * {@code null}, and the caller treats the column as unpinned. Stateless.
 */
public enum ColumnType {
    /** Any integer type (smallint to bigint, and numeric with scale 0). */
    INTEGER {
        @Override
        public String canonical(Object value) {
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return Long.toString(((Number) value).longValue());
            }
            if (value instanceof BigInteger big) {
                return big.toString();
            }
            if (value instanceof BigDecimal decimal) {
                try {
                    return decimal.toBigIntegerExact().toString();
                } catch (ArithmeticException fractional) {
                    return null; // 5.5 equals no integer: the database answers no row, we stay unpinned
                }
            }
            if (value instanceof String text && INTEGER_TEXT.matcher(text).matches()) {
                return new BigInteger(text.startsWith("+") ? text.substring(1) : text).toString();
            }
            return null;
        }
    },
    UUID_TYPE {
        @Override
        public String canonical(Object value) {
            if (value instanceof UUID uuid) {
                return uuid.toString();
            }
            if (value instanceof String text && UUID_TEXT.matcher(text).matches()) {
                return UUID.fromString(text.toLowerCase(Locale.ROOT)).toString();
            }
            return null;
        }
    },
    /** Text compared byte for byte (a deterministic collation, no padding). */
    TEXT {
        @Override
        public String canonical(Object value) {
            return value instanceof String text && wellFormed(text) ? text : null;
        }
    };

    /** False for a string with an unpaired surrogate: a driver sends another character ('?') for it. */
    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?[0-9]{1,30}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The canonical text of {@code value} as a value of this type, or {@code null}. */
    public abstract String canonical(Object value);
}
