package dev.jdbccache.driver.result;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The column metadata last recorded for one statement text, so that a miss does not read some
 * twenty metadata properties per column again (on H2 that was most of a miss's cost). Before it
 * is reused, a cheap fingerprint of the real metadata (count, labels, types, type names,
 * precision, scale, and the catalog, schema and table the column comes from: the same text
 * resolves to another table after a schema switch) must match; anything else that could change it (DDL) goes through the driver,
 * which drops the memo with the statement's plan.
 *
 * <p>Thread-safe: the memo is replaced whole.
 */
public final class ColumnsMemo {

    private volatile Memo memo;

    // catalogs, schemas and tables: where each column comes from (cheap on H2; empty strings on pgjdbc)
    private record Memo(String[] labels, int[] types, String[] typeNames, int[] precisions, int[] scales,
            String[] catalogs, String[] schemas, String[] tables, ColumnInfo[] columns) {
    }

    /** The columns of {@code md}: the memo's when the fingerprint matches, else read and remembered. */
    ColumnInfo[] columnsOf(ResultSetMetaData md) throws SQLException {
        Memo current = memo;
        int n = md.getColumnCount();
        if (current != null && current.columns.length == n && matches(current, md)) {
            return current.columns;
        }
        ColumnInfo[] columns = read(md);
        memo = fingerprint(md, columns);
        return columns;
    }

    static ColumnInfo[] read(ResultSetMetaData md) throws SQLException {
        int n = md.getColumnCount();
        ColumnInfo[] columns = new ColumnInfo[n];
        for (int i = 0; i < n; i++) {
            columns[i] = ColumnInfo.read(md, i + 1);
        }
        return columns;
    }

    private static boolean matches(Memo memo, ResultSetMetaData md) throws SQLException {
        for (int i = 0; i < memo.columns.length; i++) {
            int column = i + 1;
            if (md.getColumnType(column) != memo.types[i]
                    || md.getPrecision(column) != memo.precisions[i]
                    || md.getScale(column) != memo.scales[i]
                    || !Objects.equals(md.getColumnLabel(column), memo.labels[i])
                    || !Objects.equals(md.getColumnTypeName(column), memo.typeNames[i])
                    || !Objects.equals(md.getTableName(column), memo.tables[i])
                    || !Objects.equals(md.getSchemaName(column), memo.schemas[i])
                    || !Objects.equals(md.getCatalogName(column), memo.catalogs[i])) {
                return false;
            }
        }
        return true;
    }

    private static Memo fingerprint(ResultSetMetaData md, ColumnInfo[] columns) {
        int n = columns.length;
        String[] labels = new String[n];
        int[] types = new int[n];
        String[] typeNames = new String[n];
        int[] precisions = new int[n];
        int[] scales = new int[n];
        String[] catalogs = new String[n];
        String[] schemas = new String[n];
        String[] tables = new String[n];
        try {
            for (int i = 0; i < n; i++) {
                int column = i + 1;
                labels[i] = md.getColumnLabel(column);
                types[i] = md.getColumnType(column);
                typeNames[i] = md.getColumnTypeName(column);
                precisions[i] = md.getPrecision(column);
                scales[i] = md.getScale(column);
                catalogs[i] = md.getCatalogName(column);
                schemas[i] = md.getSchemaName(column);
                tables[i] = md.getTableName(column);
            }
        } catch (SQLException | RuntimeException e) {
            return null; // a metadata method that throws: never reuse, read every time
        }
        return new Memo(labels, types, typeNames, precisions, scales, catalogs, schemas, tables, columns);
    }
}
