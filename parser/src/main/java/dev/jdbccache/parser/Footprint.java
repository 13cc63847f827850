package dev.jdbccache.parser;

import java.util.List;
import java.util.Map;

/**
 * The template of what a statement's result depends on and what it changes, finer than its
 * tables (DESIGN.md section 8): computed once per SQL text, filled with the bound values by the
 * driver for each execution.
 *
 * <p>{@code occurrences} are the tables read whose every occurrence in the query is pinned by
 * at least one column; a table read that is not among them (or that is named in
 * {@code unbounded} with the reason) depends on the whole table. {@code write} is the shape of a
 * keyed write, or {@code null}.
 */
public record Footprint(List<TablePins> occurrences, Map<TableName, String> unbounded, WriteShape write) {

    /** No footprint: every table read is unbounded, every write table-level. */
    public static final Footprint NONE = new Footprint(List.of(), Map.of(), null);

    public Footprint {
        occurrences = List.copyOf(occurrences);
        unbounded = Map.copyOf(unbounded);
    }

    /** The occurrences of {@code table}; empty when it is unbounded or not read. */
    public List<TablePins> occurrencesOf(TableName table) {
        if (unbounded.containsKey(table)) {
            return List.of();
        }
        return occurrences.stream().filter(o -> o.table().equals(table)).toList();
    }

    /** Why {@code table} is read unbounded, for explain: {@code null} when every occurrence is pinned. */
    public String whyUnbounded(TableName table) {
        String why = unbounded.get(table);
        if (why != null) {
            return why;
        }
        return occurrencesOf(table).isEmpty() ? "no equality on a column in the top-level AND" : null;
    }

    /** True when {@code column} of the shape's table is assigned (compared ignoring case: quoting is never trusted here). */
    public static boolean assigns(WriteShape shape, String column) {
        for (String assigned : shape.assigned()) {
            if (assigned.equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }
}
