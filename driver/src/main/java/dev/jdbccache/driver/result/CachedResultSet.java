package dev.jdbccache.driver.result;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A read-only cursor over a shared {@link Recording} (a cache hit).
 *
 * <p>Getters answer as the real driver that produced the recording would: the conversion rules
 * of that driver (PostgreSQL or H2; PostgreSQL's for any other) are applied to the recorded value
 * and text, with the same results, {@code wasNull} and, where practical, the same SQLStates.
 * Scrolling follows the result set type: {@code TYPE_FORWARD_ONLY} allows only {@code next()},
 * {@code TYPE_SCROLL_INSENSITIVE} every move. Every update method throws
 * {@link SQLFeatureNotSupportedException}; LOB, REF, ROWID and SQLXML getters too (such columns
 * are never recorded). After {@link #close()} (idempotent) every getter throws.
 *
 * <p>Not thread-safe, like any JDBC result set; any number of cursors may share one recording.
 */
public final class CachedResultSet implements ResultSet {
  private final Recording recording;
  private final Statement owner;
  private final int type;
  private final ValueConversions conversions;
  private final H2Errors h2Errors; // null unless the recording is H2's
  private final Cursor cursor;
  private Map<String, Integer> columnsByLabel;
  private SQLWarning warnings;
  private boolean closed;
  private boolean wasNull;
  private int fetchSize;
  private int fetchDirection = FETCH_FORWARD;

  /**
   * A cursor before the first row of {@code recording}.
   *
   * @param owner what {@link #getStatement()} returns
   * @param resultSetType {@link ResultSet#TYPE_FORWARD_ONLY} or
   *     {@link ResultSet#TYPE_SCROLL_INSENSITIVE}
   * @throws IllegalArgumentException for any other result set type
   */
  public CachedResultSet(Recording recording, Statement owner, int resultSetType) {
    if (resultSetType != TYPE_FORWARD_ONLY && resultSetType != TYPE_SCROLL_INSENSITIVE) {
      throw new IllegalArgumentException("unsupported result set type " + resultSetType);
    }
    this.recording = Objects.requireNonNull(recording, "recording");
    this.owner = owner;
    this.type = resultSetType;
    this.h2Errors = recording.profile() == Profile.H2
        ? H2Errors.forDriverVersion(recording.driverVersion()) : null;
    this.conversions = ValueConversions.of(recording.profile(), h2Errors);
    this.cursor = new Cursor(recording.rowCount(), resultSetType);
    this.warnings = recording.warnings();
    this.fetchSize = h2Errors == null ? ownerFetchSize(owner) : 0;
  }

  /** pgjdbc gives a result set its statement's fetch size when it executes. */
  private static int ownerFetchSize(Statement owner) {
    try {
      return owner == null ? 0 : owner.getFetchSize();
    } catch (SQLException e) {
      return 0; // a closed statement: the hint no longer matters
    }
  }

  // --- cell access ---------------------------------------------------------------------------

  private void checkOpen() throws SQLException {
    if (closed) {
      throw h2Errors != null ? h2Errors.closed()
          : SqlErrors.of("55000", "This ResultSet is closed.");
    }
  }

  private ColumnInfo column(int columnIndex) throws SQLException {
    checkOpen();
    if (columnIndex < 1 || columnIndex > recording.columnCount()) {
      throw h2Errors != null ? h2Errors.invalidValue("columnIndex", columnIndex)
          : SqlErrors.of("22023", "The column index is out of range: " + columnIndex
              + ", number of columns: " + recording.columnCount() + ".");
    }
    if (!cursor.onRow()) {
      throw h2Errors != null ? h2Errors.noData()
          : SqlErrors.of(SqlErrors.INVALID_CURSOR_STATE,
              "ResultSet not positioned properly, perhaps you need to call next.");
    }
    return recording.column(columnIndex - 1);
  }

  /** The recorded value (not copied), setting wasNull. */
  private Object value(int columnIndex) throws SQLException {
    column(columnIndex);
    Object v = recording.value(cursor.row() - 1, columnIndex - 1);
    wasNull = v == null;
    return v;
  }

  private String text(int columnIndex) {
    return recording.text(cursor.row() - 1, columnIndex - 1);
  }

  private ColumnInfo info(int columnIndex) {
    return recording.column(columnIndex - 1);
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    checkOpen();
    if (h2Errors != null && columnLabel == null) {
      throw h2Errors.invalidValue("columnLabel", null);
    }
    if (columnsByLabel == null) {
      columnsByLabel = ColumnNames.index(recording.columnArray(), h2Errors != null);
    }
    Integer index = columnLabel == null ? null
        : columnsByLabel.get(columnLabel.toUpperCase(Locale.ROOT));
    if (index == null) {
      throw h2Errors != null ? h2Errors.columnNotFound(columnLabel)
          : SqlErrors.of("42703",
              "The column name " + columnLabel + " was not found in this ResultSet.");
    }
    return index;
  }

  // --- getters by index ----------------------------------------------------------------------

  @Override
  public String getString(int columnIndex) throws SQLException {
    return value(columnIndex) == null ? null : text(columnIndex);
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    requireNationalCharacterSupport(columnIndex, "getNString");
    return getString(columnIndex);
  }

  /** pgjdbc implements none of the N-getters; H2 treats them as the plain ones. */
  private void requireNationalCharacterSupport(int columnIndex, String getter)
      throws SQLException {
    if (recording.profile() != Profile.H2) {
      throw unsupportedGetter(columnIndex, getter);
    }
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v != null && conversions.toBoolean(info(columnIndex), v, text(columnIndex));
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? 0 : conversions.toByte(info(columnIndex), v, text(columnIndex));
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? 0 : conversions.toShort(info(columnIndex), v, text(columnIndex));
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? 0 : conversions.toInt(info(columnIndex), v, text(columnIndex));
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? 0 : conversions.toLong(info(columnIndex), v, text(columnIndex));
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? 0 : conversions.toFloat(info(columnIndex), v, text(columnIndex));
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? 0 : conversions.toDouble(info(columnIndex), v, text(columnIndex));
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null
        : conversions.toBigDecimal(info(columnIndex), v, text(columnIndex), -1);
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null
        : conversions.toBigDecimal(info(columnIndex), v, text(columnIndex), scale);
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null : conversions.toBytes(info(columnIndex), v, text(columnIndex));
  }

  @Override
  public Date getDate(int columnIndex) throws SQLException {
    return getDate(columnIndex, null);
  }

  @Override
  public Date getDate(int columnIndex, Calendar cal) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null : conversions.toDate(info(columnIndex), v, text(columnIndex), cal);
  }

  @Override
  public Time getTime(int columnIndex) throws SQLException {
    return getTime(columnIndex, null);
  }

  @Override
  public Time getTime(int columnIndex, Calendar cal) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null : conversions.toTime(info(columnIndex), v, text(columnIndex), cal);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex) throws SQLException {
    return getTimestamp(columnIndex, null);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null
        : conversions.toTimestamp(info(columnIndex), v, text(columnIndex), cal);
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    if (v instanceof RecordedArray a) {
      return a.objectValue();
    }
    return CellValues.copy(v);
  }

  @Override
  public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      checkOpen();
      throw new SQLFeatureNotSupportedException("custom type maps are not supported",
          SqlErrors.NOT_SUPPORTED);
    }
    return getObject(columnIndex);
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    if (type == null) {
      checkOpen();
      throw h2Errors != null ? h2Errors.invalidValue("type", null)
          : SqlErrors.of(SqlErrors.INVALID_PARAMETER_TYPE, "type is null");
    }
    Object v = value(columnIndex);
    return conversions.toObject(info(columnIndex), v, v == null ? null : text(columnIndex), type);
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    return getObject(findColumn(columnLabel));
  }

  @Override
  public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
    return getObject(findColumn(columnLabel), map);
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return getObject(findColumn(columnLabel), type);
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null : conversions.toArray(info(columnIndex), v, text(columnIndex));
  }

  @Override
  public InputStream getAsciiStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public InputStream getBinaryStream(int columnIndex) throws SQLException {
    byte[] b = getBytes(columnIndex);
    return b == null ? null : new ByteArrayInputStream(b);
  }

  @Override
  public Reader getCharacterStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new StringReader(s);
  }

  @Override
  public Reader getNCharacterStream(int columnIndex) throws SQLException {
    requireNationalCharacterSupport(columnIndex, "getNCharacterStream");
    return getCharacterStream(columnIndex);
  }

  @Override
  public URL getURL(int columnIndex) throws SQLException {
    if (recording.profile() != Profile.H2) {
      checkOpen();
      throw new SQLFeatureNotSupportedException("getURL is not supported by this driver",
          SqlErrors.NOT_SUPPORTED);
    }
    String s = getString(columnIndex);
    try {
      return s == null ? null : URI.create(s).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw SqlErrors.of(SqlErrors.DATA_CONVERSION, "Not a URL: " + s);
    }
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    throw unsupportedGetter(columnIndex, "getBlob");
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    throw unsupportedGetter(columnIndex, "getClob");
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    throw unsupportedGetter(columnIndex, "getNClob");
  }

  @Override
  public Ref getRef(int columnIndex) throws SQLException {
    throw unsupportedGetter(columnIndex, "getRef");
  }

  @Override
  public RowId getRowId(int columnIndex) throws SQLException {
    throw unsupportedGetter(columnIndex, "getRowId");
  }

  @Override
  public SQLXML getSQLXML(int columnIndex) throws SQLException {
    throw unsupportedGetter(columnIndex, "getSQLXML");
  }

  private SQLException unsupportedGetter(int columnIndex, String getter) throws SQLException {
    column(columnIndex);
    return new SQLFeatureNotSupportedException(
        getter + " is not supported on a cached result set", SqlErrors.NOT_SUPPORTED);
  }

  // --- cursor --------------------------------------------------------------------------------

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    return cursor.next();
  }

  @Override
  public boolean previous() throws SQLException {
    checkOpen();
    return cursor.previous();
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    checkOpen();
    return cursor.absolute(row);
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    checkOpen();
    return cursor.relative(rows);
  }

  @Override
  public boolean first() throws SQLException {
    checkOpen();
    return cursor.first();
  }

  @Override
  public boolean last() throws SQLException {
    checkOpen();
    return cursor.last();
  }

  @Override
  public void beforeFirst() throws SQLException {
    checkOpen();
    cursor.beforeFirst();
  }

  @Override
  public void afterLast() throws SQLException {
    checkOpen();
    cursor.afterLast();
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return cursor.isBeforeFirst();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return cursor.isAfterLast();
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return cursor.isFirst();
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    return cursor.isLast();
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return cursor.row();
  }

  // --- result set properties -----------------------------------------------------------------

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new RecordedMetaData(recording);
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return owner;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
    warnings = null;
  }

  @Override
  public String getCursorName() throws SQLException {
    checkOpen();
    throw new SQLFeatureNotSupportedException("cached result sets have no cursor name",
        SqlErrors.NOT_SUPPORTED);
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD && direction != FETCH_REVERSE && direction != FETCH_UNKNOWN) {
      throw SqlErrors.of(SqlErrors.INVALID_PARAMETER_TYPE, "Invalid fetch direction " + direction);
    }
    if (direction != FETCH_FORWARD && !cursor.scrollable()) {
      throw SqlErrors.of(SqlErrors.INVALID_CURSOR_STATE,
          "Invalid fetch direction for a forward-only cursor.");
    }
    fetchDirection = direction;
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return fetchDirection;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw h2Errors != null ? h2Errors.invalidValue("rows", rows)
          : SqlErrors.of(SqlErrors.INVALID_PARAMETER_TYPE, "Fetch size must be >= 0: " + rows);
    }
    fetchSize = rows;
  }

  /** H2 ignores the hint for a result it holds whole, and reports 0, as here. */
  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return recording.profile() == Profile.H2 ? 0 : fetchSize;
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return type;
  }

  @Override
  public int getConcurrency() throws SQLException {
    checkOpen();
    return CONCUR_READ_ONLY;
  }

  /**
   * What the real driver answers: pgjdbc does not implement it; H2 reports its connection's
   * holdability as it is now; others report the statement's holdability.
   */
  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    if (recording.profile() == Profile.POSTGRESQL) {
      throw new java.sql.SQLFeatureNotSupportedException(
          "Method org.postgresql.jdbc.PgResultSet.getHoldability() is not yet implemented.", "0A000");
    }
    if (owner == null) {
      return HOLD_CURSORS_OVER_COMMIT;
    }
    return h2Errors != null ? owner.getConnection().getHoldability()
        : owner.getResultSetHoldability();
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean rowInserted() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    checkOpen();
    return false;
  }

  /** Closes the cursor, and the statement too when it was told to close on completion. */
  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    warnings = null;
    if (owner != null && !owner.isClosed() && owner.isCloseOnCompletion()) {
      owner.close();
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw SqlErrors.of(SqlErrors.NOT_SUPPORTED, "Cannot unwrap to " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  // --- getters by label ----------------------------------------------------------------------

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    return getArray(findColumn(columnLabel));
  }

  @Override
  public InputStream getAsciiStream(String columnLabel) throws SQLException {
    return getAsciiStream(findColumn(columnLabel));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
    return getBigDecimal(findColumn(columnLabel), scale);
  }

  @Override
  public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    return getBigDecimal(findColumn(columnLabel));
  }

  @Override
  public InputStream getBinaryStream(String columnLabel) throws SQLException {
    return getBinaryStream(findColumn(columnLabel));
  }

  @Override
  public Blob getBlob(String columnLabel) throws SQLException {
    return getBlob(findColumn(columnLabel));
  }

  @Override
  public boolean getBoolean(String columnLabel) throws SQLException {
    return getBoolean(findColumn(columnLabel));
  }

  @Override
  public byte getByte(String columnLabel) throws SQLException {
    return getByte(findColumn(columnLabel));
  }

  @Override
  public byte[] getBytes(String columnLabel) throws SQLException {
    return getBytes(findColumn(columnLabel));
  }

  @Override
  public Reader getCharacterStream(String columnLabel) throws SQLException {
    return getCharacterStream(findColumn(columnLabel));
  }

  @Override
  public Clob getClob(String columnLabel) throws SQLException {
    return getClob(findColumn(columnLabel));
  }

  @Override
  public Date getDate(String columnLabel, Calendar cal) throws SQLException {
    return getDate(findColumn(columnLabel), cal);
  }

  @Override
  public Date getDate(String columnLabel) throws SQLException {
    return getDate(findColumn(columnLabel));
  }

  @Override
  public double getDouble(String columnLabel) throws SQLException {
    return getDouble(findColumn(columnLabel));
  }

  @Override
  public float getFloat(String columnLabel) throws SQLException {
    return getFloat(findColumn(columnLabel));
  }

  @Override
  public int getInt(String columnLabel) throws SQLException {
    return getInt(findColumn(columnLabel));
  }

  @Override
  public long getLong(String columnLabel) throws SQLException {
    return getLong(findColumn(columnLabel));
  }

  @Override
  public Reader getNCharacterStream(String columnLabel) throws SQLException {
    return getNCharacterStream(findColumn(columnLabel));
  }

  @Override
  public NClob getNClob(String columnLabel) throws SQLException {
    return getNClob(findColumn(columnLabel));
  }

  @Override
  public String getNString(String columnLabel) throws SQLException {
    return getNString(findColumn(columnLabel));
  }

  @Override
  public Ref getRef(String columnLabel) throws SQLException {
    return getRef(findColumn(columnLabel));
  }

  @Override
  public RowId getRowId(String columnLabel) throws SQLException {
    return getRowId(findColumn(columnLabel));
  }

  @Override
  public SQLXML getSQLXML(String columnLabel) throws SQLException {
    return getSQLXML(findColumn(columnLabel));
  }

  @Override
  public short getShort(String columnLabel) throws SQLException {
    return getShort(findColumn(columnLabel));
  }

  @Override
  public String getString(String columnLabel) throws SQLException {
    return getString(findColumn(columnLabel));
  }

  @Override
  public Time getTime(String columnLabel, Calendar cal) throws SQLException {
    return getTime(findColumn(columnLabel), cal);
  }

  @Override
  public Time getTime(String columnLabel) throws SQLException {
    return getTime(findColumn(columnLabel));
  }

  @Override
  public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
    return getTimestamp(findColumn(columnLabel), cal);
  }

  @Override
  public Timestamp getTimestamp(String columnLabel) throws SQLException {
    return getTimestamp(findColumn(columnLabel));
  }

  @Override
  public URL getURL(String columnLabel) throws SQLException {
    return getURL(findColumn(columnLabel));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String columnLabel) throws SQLException {
    return getUnicodeStream(findColumn(columnLabel));
  }

  // --- read-only: every update throws ----------------------------------------------------

  @Override
  public void cancelRowUpdates() throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void deleteRow() throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void insertRow() throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void refreshRow() throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateArray(String columnLabel, Array x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateArray(int columnIndex, Array x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x, int scaleOrLength) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateAsciiStream(int columnIndex, InputStream x, int scaleOrLength) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x, int scaleOrLength) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBinaryStream(int columnIndex, InputStream x, int scaleOrLength) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBlob(String columnLabel, InputStream x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBlob(String columnLabel, InputStream x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBlob(String columnLabel, Blob x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBlob(int columnIndex, InputStream x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBlob(int columnIndex, InputStream x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBlob(int columnIndex, Blob x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBoolean(String columnLabel, boolean x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBoolean(int columnIndex, boolean x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateByte(String columnLabel, byte x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateByte(int columnIndex, byte x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBytes(String columnLabel, byte[] x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateBytes(int columnIndex, byte[] x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader x, int scaleOrLength) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateCharacterStream(int columnIndex, Reader x, int scaleOrLength) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateCharacterStream(int columnIndex, Reader x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateClob(String columnLabel, Reader x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateClob(String columnLabel, Reader x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateClob(String columnLabel, Clob x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateClob(int columnIndex, Reader x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateClob(int columnIndex, Reader x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateClob(int columnIndex, Clob x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateDate(String columnLabel, Date x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateDate(int columnIndex, Date x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateDouble(String columnLabel, double x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateDouble(int columnIndex, double x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateFloat(String columnLabel, float x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateFloat(int columnIndex, float x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateInt(String columnLabel, int x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateInt(int columnIndex, int x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateLong(String columnLabel, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateLong(int columnIndex, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNCharacterStream(String columnLabel, Reader x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNCharacterStream(String columnLabel, Reader x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNCharacterStream(int columnIndex, Reader x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNClob(String columnLabel, Reader x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNClob(String columnLabel, Reader x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNClob(String columnLabel, NClob x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNClob(int columnIndex, Reader x, long length) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNClob(int columnIndex, Reader x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNClob(int columnIndex, NClob x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNString(String columnLabel, String x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNString(int columnIndex, String x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNull(String columnLabel) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateNull(int columnIndex) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType targetSqlType, int arg3) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType targetSqlType) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateObject(String columnLabel, Object x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateObject(int columnIndex, Object x, SQLType targetSqlType, int arg3) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateObject(int columnIndex, Object x, SQLType targetSqlType) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateObject(int columnIndex, Object x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateRef(String columnLabel, Ref x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateRef(int columnIndex, Ref x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateRow() throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateRowId(String columnLabel, RowId x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateRowId(int columnIndex, RowId x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateSQLXML(String columnLabel, SQLXML x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateSQLXML(int columnIndex, SQLXML x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateShort(String columnLabel, short x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateShort(int columnIndex, short x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateString(String columnLabel, String x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateString(int columnIndex, String x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateTime(String columnLabel, Time x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateTime(int columnIndex, Time x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
    throw SqlErrors.readOnly();
  }

  @Override
  public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
    throw SqlErrors.readOnly();
  }

}
