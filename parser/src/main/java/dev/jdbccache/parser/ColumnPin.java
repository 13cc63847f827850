package dev.jdbccache.parser;

import java.util.List;

/**
 * A column that every row it constrains has equal to one of {@code values}: {@code c = ?},
 * {@code c IN (1, 2)}, {@code c = ANY(?)}, directly or through equalities between columns.
 * {@code column} is folded as the dialect folds identifiers. {@code through} are the other
 * columns of the equalities that carry the pin (a {@code null} element: a column of something
 * that is not a table): the pin is exact only when they all compare as the pinned column does.
 */
public record ColumnPin(String column, List<PinValue> values, List<Through> through) {

    /** A column of a table in a chain of equalities. */
    public record Through(TableName table, String column) {
    }

    public ColumnPin {
        values = List.copyOf(values);
        through = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(through));
    }

    /** A pin written directly on its column. */
    public ColumnPin(String column, List<PinValue> values) {
        this(column, values, List.of());
    }
}
