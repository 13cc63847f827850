package dev.jdbccache.driver.result;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Everything {@link ResultSetMetaData} said about one column of a recorded result.
 *
 * <p>Immutable and thread-safe. String fields are never null: where the real driver returned
 * {@code null}, or threw for a method (neither PostgreSQL nor H2 do), the recorder stores the value
 * JDBC prescribes for "not applicable": {@code ""} for names, {@code 0} for numbers and
 * {@code false} for flags, and the cached side returns that value instead of throwing.
 */
public record ColumnInfo(
    String catalogName,
    String schemaName,
    String tableName,
    String columnName,
    String columnLabel,
    int columnType,
    String columnTypeName,
    String columnClassName,
    int precision,
    int scale,
    int displaySize,
    int nullable,
    boolean autoIncrement,
    boolean caseSensitive,
    boolean searchable,
    boolean currency,
    boolean signed,
    boolean readOnly,
    boolean writable,
    boolean definitelyWritable) {

  /** Creates a column description; null strings become {@code ""}. */
  public ColumnInfo {
    catalogName = orEmpty(catalogName);
    schemaName = orEmpty(schemaName);
    tableName = orEmpty(tableName);
    columnName = orEmpty(columnName);
    columnLabel = orEmpty(columnLabel);
    columnTypeName = orEmpty(columnTypeName);
    columnClassName = orEmpty(columnClassName);
  }

  /** Reads column {@code i} (1-based) of {@code md}; a method that throws yields its default. */
  static ColumnInfo read(ResultSetMetaData md, int i) {
    return new ColumnInfo(
        text(() -> md.getCatalogName(i)),
        text(() -> md.getSchemaName(i)),
        text(() -> md.getTableName(i)),
        text(() -> md.getColumnName(i)),
        text(() -> md.getColumnLabel(i)),
        number(() -> md.getColumnType(i)),
        text(() -> md.getColumnTypeName(i)),
        text(() -> md.getColumnClassName(i)),
        number(() -> md.getPrecision(i)),
        number(() -> md.getScale(i)),
        number(() -> md.getColumnDisplaySize(i)),
        number(() -> md.isNullable(i)),
        flag(() -> md.isAutoIncrement(i)),
        flag(() -> md.isCaseSensitive(i)),
        flag(() -> md.isSearchable(i)),
        flag(() -> md.isCurrency(i)),
        flag(() -> md.isSigned(i)),
        flag(() -> md.isReadOnly(i)),
        flag(() -> md.isWritable(i)),
        flag(() -> md.isDefinitelyWritable(i)));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private interface Read<T> {
    T get() throws SQLException;
  }

  // A metadata method the driver does not implement must not stop the recording: JDBC's
  // "not applicable" value is the faithful stand-in.
  private static String text(Read<String> r) {
    try {
      return r.get();
    } catch (SQLException | RuntimeException e) {
      return "";
    }
  }

  private static int number(Read<Integer> r) {
    try {
      return r.get();
    } catch (SQLException | RuntimeException e) {
      return 0;
    }
  }

  private static boolean flag(Read<Boolean> r) {
    try {
      return r.get();
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
