package dev.jdbccache.it.differential;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.StringJoiner;

/**
 * Writes a result set into a transcript: its properties, every {@link ResultSetMetaData} field of
 * every column, and for every cell {@code getObject} (with class), {@code getString} and
 * {@code wasNull} after each.
 */
final class ResultSetRecorder {

    private static final int MAX_ROWS = 10_000;

    private ResultSetRecorder() {
    }

    static void record(Transcript t, String label, ResultSet rs) throws SQLException {
        metadata(t, label, rs.getMetaData());
        t.eval(label + ".isBeforeFirst()", rs::isBeforeFirst);
        int columns = rs.getMetaData().getColumnCount();
        int rows = 0;
        while (rows < MAX_ROWS && rs.next()) {
            rows++;
            t.add(label + " row " + rows + " (getRow=" + safe(rs::getRow) + "): " + row(rs, columns));
        }
        t.add(label + " rows = " + rows);
        // After the rows: a getter that throws (PostgreSQL's getHoldability) while the result is
        // being read makes the cache drop its recording, and the repeat would not be a hit.
        t.add(label + " " + properties(rs));
        t.eval(label + ".isAfterLast()", rs::isAfterLast);
        t.eval(label + ".next() at end", rs::next);
        t.warnings(label, rs.getWarnings());
    }

    static String properties(ResultSet rs) {
        return "type=" + safe(rs::getType) + " concurrency=" + safe(rs::getConcurrency)
                + " holdability=" + safe(rs::getHoldability)
                + " fetchDirection=" + safe(rs::getFetchDirection)
                + " fetchSize=" + safe(rs::getFetchSize);
    }

    static void metadata(Transcript t, String label, ResultSetMetaData md) throws SQLException {
        int columns = md.getColumnCount();
        t.add(label + " columns = " + columns);
        for (int i = 1; i <= columns; i++) {
            int c = i;
            t.add(label + " column " + c
                    + ": label=" + safe(() -> md.getColumnLabel(c))
                    + " name=" + safe(() -> md.getColumnName(c))
                    + " type=" + safe(() -> md.getColumnType(c))
                    + " typeName=" + safe(() -> md.getColumnTypeName(c))
                    + " class=" + safe(() -> md.getColumnClassName(c))
                    + " precision=" + safe(() -> md.getPrecision(c))
                    + " scale=" + safe(() -> md.getScale(c))
                    + " nullable=" + safe(() -> md.isNullable(c))
                    + " signed=" + safe(() -> md.isSigned(c))
                    + " autoIncrement=" + safe(() -> md.isAutoIncrement(c))
                    + " displaySize=" + safe(() -> md.getColumnDisplaySize(c))
                    + " schema=" + safe(() -> md.getSchemaName(c))
                    + " table=" + safe(() -> md.getTableName(c))
                    + " catalog=" + safe(() -> md.getCatalogName(c))
                    + " caseSensitive=" + safe(() -> md.isCaseSensitive(c))
                    + " searchable=" + safe(() -> md.isSearchable(c))
                    + " currency=" + safe(() -> md.isCurrency(c))
                    + " readOnly=" + safe(() -> md.isReadOnly(c))
                    + " writable=" + safe(() -> md.isWritable(c))
                    + " definitelyWritable=" + safe(() -> md.isDefinitelyWritable(c)));
        }
    }

    /** One row: per column the object with its class, wasNull, the string and wasNull again. */
    static String row(ResultSet rs, int columns) {
        StringJoiner cells = new StringJoiner(" | ");
        for (int i = 1; i <= columns; i++) {
            int c = i;
            cells.add("[" + c + "] object=" + safeValue(() -> rs.getObject(c))
                    + " wasNull=" + safe(rs::wasNull)
                    + " string=" + safe(() -> Render.text(rs.getString(c)))
                    + " wasNull=" + safe(rs::wasNull));
        }
        return cells.toString();
    }

    /** The value as text, or the exception the call threw. */
    static String safe(SqlSupplier<?> call) {
        try {
            Object v = call.get();
            return String.valueOf(v);
        } catch (Exception e) {
            return Render.throwable(e);
        }
    }

    static String safeValue(SqlSupplier<?> call) {
        try {
            return Render.value(call.get());
        } catch (Exception e) {
            return Render.throwable(e);
        }
    }
}
