package dev.jdbccache.driver.result;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** {@link ResultSetMetaData} answered from recorded {@link ColumnInfo}s. Immutable. */
final class RecordedMetaData implements ResultSetMetaData {
  private final Recording recording;

  RecordedMetaData(Recording recording) {
    this.recording = recording;
  }

  /** The column, after rethrowing what {@code method} threw for it when it was recorded. */
  private ColumnInfo col(int column, String method) throws SQLException {
    if (column < 1 || column > recording.columnCount()) {
      if (recording.profile() == Profile.H2) {
        throw H2Errors.forDriverVersion(recording.driverVersion())
            .invalidValue("columnIndex", column);
      }
      throw SqlErrors.of("22023", "The column index is out of range: " + column
          + ", number of columns: " + recording.columnCount() + ".");
    }
    ColumnInfo c = recording.column(column - 1);
    c.rethrowIfFailed(method);
    return c;
  }

  @Override
  public int getColumnCount() {
    return recording.columnCount();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    return col(column, "isAutoIncrement").autoIncrement();
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return col(column, "isCaseSensitive").caseSensitive();
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    return col(column, "isSearchable").searchable();
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    return col(column, "isCurrency").currency();
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return col(column, "isNullable").nullable();
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return col(column, "isSigned").signed();
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return col(column, "getColumnDisplaySize").displaySize();
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return col(column, "getColumnLabel").columnLabel();
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return col(column, "getColumnName").columnName();
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    return col(column, "getSchemaName").schemaName();
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return col(column, "getPrecision").precision();
  }

  @Override
  public int getScale(int column) throws SQLException {
    return col(column, "getScale").scale();
  }

  @Override
  public String getTableName(int column) throws SQLException {
    return col(column, "getTableName").tableName();
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    return col(column, "getCatalogName").catalogName();
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return col(column, "getColumnType").columnType();
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return col(column, "getColumnTypeName").columnTypeName();
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    return col(column, "isReadOnly").readOnly();
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    return col(column, "isWritable").writable();
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    return col(column, "isDefinitelyWritable").definitelyWritable();
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return col(column, "getColumnClassName").columnClassName();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw SqlErrors.of("0A000", "Cannot unwrap to " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
