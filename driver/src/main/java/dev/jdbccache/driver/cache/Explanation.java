package dev.jdbccache.driver.cache;

import dev.jdbccache.invalidation.ReadTags;
import dev.jdbccache.invalidation.WriteTags;
import dev.jdbccache.invalidation.Tags;
import dev.jdbccache.parser.PinValue;
import dev.jdbccache.parser.SqlAnalysis;
import dev.jdbccache.parser.StatementKind;
import dev.jdbccache.parser.TableName;
import dev.jdbccache.parser.TablePins;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * What the cache does with one statement, in words, for {@code jdbc_cache.explain('<sql>')}:
 * whether a read is cached and why not, and for each table the footprint of its reads and writes
 * (bounded on which column and by which values, or whole and why). Rows of two columns,
 * {@code WHAT} and {@code DETAIL}. Stateless.
 */
final class Explanation {

    private Explanation() {
    }

    static List<String[]> of(SqlAnalysis analysis, ReadPlan read, WritePlan write) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("statement", analysis.kind() + (analysis.several() ? " (" + analysis.statements().size() + " statements)" : "")));
        if (read != null) {
            if (read.bypass() != null) {
                String parser = analysis.reason() == null ? "" : " (" + analysis.reason()
                        + (analysis.reasonDetail() == null ? "" : ": " + analysis.reasonDetail()) + ")";
                rows.add(row("cacheable", "no: " + read.bypass() + parser + (read.writesUnknown() ? "; runs as a write of every table" : "")));
            } else {
                rows.add(row("cacheable", "yes, ttl " + Duration.ofNanos(read.ttlNanos())));
                reads(analysis, read, rows);
            }
        }
        if (write != null && write.writes()) {
            writes(write, rows);
        }
        return rows;
    }

    private static void reads(SqlAnalysis analysis, ReadPlan plan, List<String[]> rows) {
        for (String tag : plan.tables()) {
            if (Tags.kindOf(tag) == Tags.Kind.TABLE) {
                rows.add(row("read " + tag, "whole table: " + whyWhole(analysis, tag)));
            }
        }
        for (ReadTags.Bound b : plan.readTags().bound()) {
            rows.add(row("read " + b.column().table(), "rows whose " + b.column().column() + " is " + values(b.values())));
        }
    }

    private static String whyWhole(SqlAnalysis analysis, String table) {
        for (TableName named : analysis.tablesRead()) {
            if (named.name().equals(table)) {
                String why = analysis.footprint().whyUnbounded(named);
                if (why != null) {
                    return why;
                }
                TreeSet<String> columns = new TreeSet<>();
                for (TablePins occurrence : analysis.footprint().occurrencesOf(named)) {
                    occurrence.pins().forEach(p -> columns.add(p.column()));
                }
                return "pinned only on columns that are not partition columns " + columns
                        + " (keys, foreign keys and indexed columns of an exact type, or cache.table.<t>.partition-columns)";
            }
        }
        return "read through a view, or a table its rules or triggers name";
    }

    private static void writes(WritePlan plan, List<String[]> rows) {
        if (plan.unknownTables()) {
            rows.add(row("write", "every table: what it writes is not known"));
        }
        TreeSet<String> tags = new TreeSet<>(plan.tables());
        for (String tag : tags) {
            String table = Tags.tableOf(tag);
            switch (Tags.kindOf(tag)) {
                case ROWS -> rows.add(row("write " + table, "table-level: every cached read of the table"));
                case WIDE -> rows.add(row("write " + table, "every read bounded on "
                        + tag.substring(table.length() + 1, tag.length() - 1) + ": its values before and after are not known"));
                case BUCKET -> rows.add(row("write " + table, "bucket " + tag.substring(table.length() + 1)));
                case OTHER -> rows.add(row("write", tag.equals(DatabaseScope.CATALOG_TAG)
                        ? "the catalog: every cached read, on every node" : tag));
                case TABLE -> { }
            }
        }
        if (plan.keyed() != null) {
            for (WriteTags.Keyed k : plan.keyed().keyed()) {
                rows.add(row("write " + k.column().table(), "reads bounded on " + k.column().column() + " for "
                        + values(k.values())));
            }
        }
    }

    static String values(List<PinValue> values) {
        StringJoiner joined = new StringJoiner(", ", values.size() == 1 ? "" : "one of (", values.size() == 1 ? "" : ")");
        for (PinValue v : values) {
            if (v instanceof PinValue.Parameter p) {
                joined.add("parameter " + p.index());
            } else if (v instanceof PinValue.ArrayParameter a) {
                joined.add("an element of the array parameter " + a.index());
            } else {
                PinValue.Literal l = (PinValue.Literal) v;
                joined.add(l.text() == null ? "NULL" : l.quoted() ? "'" + l.text() + "'" : l.text());
            }
        }
        return joined.toString();
    }

    /** A statement that is only a read has no write plan worth showing. */
    static boolean showsWrite(SqlAnalysis analysis) {
        return analysis.kind() != StatementKind.QUERY || analysis.writesUnknown();
    }

    private static String[] row(String what, String detail) {
        return new String[] {what, detail};
    }
}
