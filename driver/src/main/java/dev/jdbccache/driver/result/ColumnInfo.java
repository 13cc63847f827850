package dev.jdbccache.driver.result;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything {@link ResultSetMetaData} said about one column of a recorded result.
 *
 * <p>Immutable and thread-safe. String fields are never null: where the real driver returned
 * {@code null} the recorder stores {@code ""}. Where a metadata method threw an
 * {@link SQLException} (H2 does for the type of a column it cannot type, such as
 * {@code {fn abs(?)}}), {@link #failures()} holds it under the method's name and the cached side
 * throws an equivalent; the field then holds JDBC's "not applicable" value ({@code ""}, {@code 0}
 * or {@code false}). A runtime exception from the driver is treated as "not applicable" too.
 *
 * @param failures what each failing metadata method (by name, e.g. {@code "getColumnType"})
 *     threw; unmodifiable
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
    boolean definitelyWritable,
    Map<String, RecordedError> failures) {

  /** Creates a column description; null strings become {@code ""}. */
  public ColumnInfo {
    catalogName = orEmpty(catalogName);
    schemaName = orEmpty(schemaName);
    tableName = orEmpty(tableName);
    columnName = orEmpty(columnName);
    columnLabel = orEmpty(columnLabel);
    columnTypeName = orEmpty(columnTypeName);
    columnClassName = orEmpty(columnClassName);
    failures = failures == null ? Map.of() : Map.copyOf(failures);
  }

  /** A column whose metadata methods all answered. */
  public ColumnInfo(String catalogName, String schemaName, String tableName, String columnName,
      String columnLabel, int columnType, String columnTypeName, String columnClassName,
      int precision, int scale, int displaySize, int nullable, boolean autoIncrement,
      boolean caseSensitive, boolean searchable, boolean currency, boolean signed,
      boolean readOnly, boolean writable, boolean definitelyWritable) {
    this(catalogName, schemaName, tableName, columnName, columnLabel, columnType, columnTypeName,
        columnClassName, precision, scale, displaySize, nullable, autoIncrement, caseSensitive,
        searchable, currency, signed, readOnly, writable, definitelyWritable, Map.of());
  }

  /** Throws the equivalent of what {@code method} threw at recording time, if it threw. */
  void rethrowIfFailed(String method) throws SQLException {
    RecordedError e = failures.get(method);
    if (e != null) {
      throw e.toException();
    }
  }

  /** Reads column {@code i} (1-based) of {@code md}, keeping what any method throws. */
  static ColumnInfo read(ResultSetMetaData md, int i) {
    Reader r = new Reader();
    return new ColumnInfo(
        r.text("getCatalogName", () -> md.getCatalogName(i)),
        r.text("getSchemaName", () -> md.getSchemaName(i)),
        r.text("getTableName", () -> md.getTableName(i)),
        r.text("getColumnName", () -> md.getColumnName(i)),
        r.text("getColumnLabel", () -> md.getColumnLabel(i)),
        r.value("getColumnType", () -> md.getColumnType(i), 0),
        r.text("getColumnTypeName", () -> md.getColumnTypeName(i)),
        r.text("getColumnClassName", () -> md.getColumnClassName(i)),
        r.value("getPrecision", () -> md.getPrecision(i), 0),
        r.value("getScale", () -> md.getScale(i), 0),
        r.value("getColumnDisplaySize", () -> md.getColumnDisplaySize(i), 0),
        r.value("isNullable", () -> md.isNullable(i), 0),
        r.value("isAutoIncrement", () -> md.isAutoIncrement(i), false),
        r.value("isCaseSensitive", () -> md.isCaseSensitive(i), false),
        r.value("isSearchable", () -> md.isSearchable(i), false),
        r.value("isCurrency", () -> md.isCurrency(i), false),
        r.value("isSigned", () -> md.isSigned(i), false),
        r.value("isReadOnly", () -> md.isReadOnly(i), false),
        r.value("isWritable", () -> md.isWritable(i), false),
        r.value("isDefinitelyWritable", () -> md.isDefinitelyWritable(i), false),
        r.failures);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private interface Read<T> {
    T get() throws SQLException;
  }

  /** Reads metadata methods one by one, collecting what they throw. */
  private static final class Reader {
    private final Map<String, RecordedError> failures = new HashMap<>();

    String text(String method, Read<String> read) {
      return value(method, read, "");
    }

    <T> T value(String method, Read<T> read, T notApplicable) {
      try {
        return read.get();
      } catch (SQLException e) {
        failures.put(method, RecordedError.of(e));
        return notApplicable;
      } catch (RuntimeException e) {
        // A metadata method the driver does not implement must not stop the recording: JDBC's
        // "not applicable" value is the faithful stand-in.
        return notApplicable;
      }
    }
  }
}
