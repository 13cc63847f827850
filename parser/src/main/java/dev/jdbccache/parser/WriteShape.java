package dev.jdbccache.parser;

import java.util.List;
import java.util.Set;

/**
 * The rows a single-table INSERT, UPDATE or DELETE touches, as far as the text tells:
 * {@code pins} are the columns whose value is known for every row it touches (the VALUES of
 * an INSERT, the top-level equalities of the WHERE of an UPDATE or DELETE), {@code assigned}
 * the columns an UPDATE sets (their old value is not known). A write without a shape
 * (upserts, INSERT ... SELECT, joins, anything else) is table-level.
 */
public record WriteShape(TableName table, StatementKind kind, List<ColumnPin> pins, Set<String> assigned) {

    public WriteShape {
        pins = List.copyOf(pins);
        assigned = Set.copyOf(assigned);
    }
}
