package dev.jdbccache.driver.result;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** {@link ResultSetMetaData} answered from recorded {@link ColumnInfo}s. Immutable. */
final class RecordedMetaData implements ResultSetMetaData {
  private final Recording recording;

  RecordedMetaData(Recording recording) {
    this.recording = recording;
  }

  private ColumnInfo col(int column) throws SQLException {
    if (column < 1 || column > recording.columnCount()) {
      throw SqlErrors.of("22023", "The column index is out of range: " + column
          + ", number of columns: " + recording.columnCount() + ".");
    }
    return recording.column(column - 1);
  }

  @Override
  public int getColumnCount() {
    return recording.columnCount();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    return col(column).autoIncrement();
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return col(column).caseSensitive();
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    return col(column).searchable();
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    return col(column).currency();
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return col(column).nullable();
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return col(column).signed();
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return col(column).displaySize();
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return col(column).columnLabel();
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return col(column).columnName();
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    return col(column).schemaName();
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return col(column).precision();
  }

  @Override
  public int getScale(int column) throws SQLException {
    return col(column).scale();
  }

  @Override
  public String getTableName(int column) throws SQLException {
    return col(column).tableName();
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    return col(column).catalogName();
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return col(column).columnType();
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return col(column).columnTypeName();
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    return col(column).readOnly();
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    return col(column).writable();
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    return col(column).definitelyWritable();
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return col(column).columnClassName();
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
