package dev.jdbccache.parser;

/**
 * Where a value that pins a column comes from: a bound parameter, an array parameter of
 * {@code = ANY(?)}, or a literal of the statement's text. The driver turns it into a canonical
 * value of the column's type for each execution.
 */
public sealed interface PinValue {

    /** The JDBC parameter at {@code index} (1-based, in the order of the {@code ?} markers). */
    record Parameter(int index) implements PinValue {
    }

    /** Each element of the array bound at {@code index}, as in {@code c = ANY(?)}. */
    record ArrayParameter(int index) implements PinValue {
    }

    /**
     * A literal as written, without its quotes: a number ({@code 5}, {@code -5}) or a string
     * ({@code quoted}); {@code text} is {@code null} for {@code NULL}.
     */
    record Literal(String text, boolean quoted) implements PinValue {
    }
}
