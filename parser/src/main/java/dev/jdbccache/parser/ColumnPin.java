package dev.jdbccache.parser;

import java.util.List;

/**
 * A column that every row it constrains has equal to one of {@code values}: {@code c = ?},
 * {@code c IN (1, 2)}, {@code c = ANY(?)}, directly or through equalities between columns.
 * {@code column} is folded as the dialect folds identifiers.
 */
public record ColumnPin(String column, List<PinValue> values) {

    public ColumnPin {
        values = List.copyOf(values);
    }
}
