package dev.jdbccache.parser;

import java.util.List;

/**
 * One occurrence of a table in a query's FROM, with the pins that every row of it which can
 * affect the result satisfies (each pin alone is a sound bound; the driver picks one whose
 * column it can partition on).
 */
public record TablePins(TableName table, List<ColumnPin> pins) {

    public TablePins {
        pins = List.copyOf(pins);
    }
}
