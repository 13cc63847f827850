package dev.jdbccache.driver.admin;

import dev.jdbccache.driver.result.CachedResultSet;
import dev.jdbccache.driver.result.Recording;
import dev.jdbccache.driver.result.ResultRecorder;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/**
 * A small table (VARCHAR and BIGINT columns) answered as an ordinary read-only result set: the
 * same {@link CachedResultSet} that serves cache hits, over a {@link Recording} of the rows. The
 * rows are staged in the JDK's {@link CachedRowSet} and recorded from it, the only public way to
 * build a recording. Not thread-safe; one per answer.
 */
final class AdminResult {

    private final List<String> names = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    /** Adds a column: {@link Types#VARCHAR} (String values) or {@link Types#BIGINT} (Long values). */
    AdminResult column(String name, int type) {
        names.add(name);
        types.add(type);
        return this;
    }

    AdminResult row(Object... values) {
        rows.add(values);
        return this;
    }

    /** A result set before the first row; {@code getStatement()} answers {@code owner}. */
    ResultSet toResultSet(Statement owner) throws SQLException {
        try (CachedRowSet staged = stage()) {
            ResultRecorder recorder = ResultRecorder.start(staged, Integer.MAX_VALUE, Long.MAX_VALUE);
            while (staged.next()) {
                if (!recorder.recordCurrentRow()) {
                    throw new SQLException("jdbc-cache admin: the answer could not be built", "XX000");
                }
            }
            int type = owner != null && owner.getResultSetType() == ResultSet.TYPE_SCROLL_INSENSITIVE
                    ? ResultSet.TYPE_SCROLL_INSENSITIVE : ResultSet.TYPE_FORWARD_ONLY;
            return new CachedResultSet(recorder.finish(), owner, type);
        }
    }

    private CachedRowSet stage() throws SQLException {
        RowSetMetaDataImpl metaData = new RowSetMetaDataImpl();
        metaData.setColumnCount(names.size());
        for (int i = 1; i <= names.size(); i++) {
            boolean text = types.get(i - 1) == Types.VARCHAR;
            metaData.setColumnName(i, names.get(i - 1));
            metaData.setColumnLabel(i, names.get(i - 1));
            metaData.setColumnType(i, types.get(i - 1));
            metaData.setColumnTypeName(i, text ? "VARCHAR" : "BIGINT");
            metaData.setTableName(i, "");
            metaData.setSchemaName(i, "JDBC_CACHE");
            metaData.setCatalogName(i, "");
            metaData.setNullable(i, ResultSetMetaData.columnNullable);
            metaData.setPrecision(i, text ? Integer.MAX_VALUE : 19);
            metaData.setColumnDisplaySize(i, text ? Integer.MAX_VALUE : 20);
            metaData.setSigned(i, !text);
            metaData.setCaseSensitive(i, text);
            metaData.setSearchable(i, false);
        }
        CachedRowSet rowSet = RowSetProvider.newFactory().createCachedRowSet();
        rowSet.setMetaData(metaData);
        for (Object[] row : rows) {
            rowSet.last(); // a row is inserted after the current one: keep the order
            rowSet.moveToInsertRow();
            for (int i = 1; i <= row.length; i++) {
                Object value = row[i - 1];
                if (value == null) {
                    rowSet.updateNull(i);
                } else if (value instanceof Long number) {
                    rowSet.updateLong(i, number);
                } else {
                    rowSet.updateString(i, value.toString());
                }
            }
            rowSet.insertRow();
            rowSet.moveToCurrentRow();
        }
        rowSet.beforeFirst();
        return rowSet;
    }
}
