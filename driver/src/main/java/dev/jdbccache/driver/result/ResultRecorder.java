package dev.jdbccache.driver.result;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the rows of a real, positioned {@link ResultSet} into a {@link Recording}.
 *
 * <p>For each row, every column is read with the real driver's {@code getObject} and
 * {@code getString}; nothing else on the result set is touched, so the application's own getters
 * that follow see the same row (they also reset {@code wasNull}). Recording stops for good
 * ({@link #abandoned()}) when the result outgrows the row or byte limit or holds a value that
 * cannot be recorded faithfully; the rows read so far are then released.
 *
 * <p>Not thread-safe: used by the one thread that reads the result set, like JDBC itself.
 */
public final class ResultRecorder {
  private final ResultSet rs;
  private final Profile profile;
  private final String driverVersion;
  private final boolean formatMayChange;
  private final ColumnInfo[] columns;
  private final int maxRows;
  private final long maxBytes;
  private List<Object[]> values = new ArrayList<>();
  private List<String[]> texts = new ArrayList<>();
  private long bytes;
  private boolean abandoned;

  private ResultRecorder(ResultSet rs, ColumnInfo[] columns, int maxRows, long maxBytes) {
    this.rs = rs;
    this.profile = Profile.of(rs);
    this.driverVersion = driverVersion(rs, profile);
    this.formatMayChange = profile == Profile.POSTGRESQL && isPrepared(rs);
    this.columns = columns;
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
    if (!profile.hitsEmulated()) {
      abandon(); // a hit could not answer like this driver: leave its results uncached
    }
  }

  /**
   * Starts recording {@code rs}, reading its metadata now.
   *
   * @param maxRows the most rows a recording may hold
   * @param maxBytes the largest {@link Recording#estimatedBytes()} a recording may reach
   * @throws SQLException when the real driver's {@code getMetaData} throws
   */
  public static ResultRecorder start(ResultSet rs, int maxRows, long maxBytes)
      throws SQLException {
    return start(rs, maxRows, maxBytes, null);
  }

  /**
   * Starts recording {@code rs}, taking its column metadata from {@code memo} when it still
   * describes this result (see {@link ColumnsMemo}).
   */
  public static ResultRecorder start(ResultSet rs, int maxRows, long maxBytes, ColumnsMemo memo)
      throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    ColumnInfo[] columns = memo != null ? memo.columnsOf(md) : ColumnsMemo.read(md);
    return new ResultRecorder(rs, columns, maxRows, maxBytes);
  }

  /**
   * Records the row the result set is positioned on.
   *
   * @return false when the recorder is (now) abandoned
   * @throws SQLException when a getter of the real driver throws; the recorder is then abandoned
   */
  public boolean recordCurrentRow() throws SQLException {
    if (abandoned) {
      return false;
    }
    if (values.size() >= maxRows) {
      return abandon();
    }
    Object[] row = new Object[columns.length];
    String[] rowTexts = null;
    long rowBytes = 32 + 4L * columns.length;
    try {
      for (int i = 0; i < columns.length; i++) {
        Object value = capture(i + 1);
        if (value == UNSUPPORTED) {
          return abandon();
        }
        String derived = derivedText(value);
        String text = derived != null ? derived : rs.getString(i + 1);
        if (formatMayChange && derived == null
            && !PgTransferFormats.sameTextInBothFormats(columns[i], value, text)) {
          return abandon();
        }
        row[i] = value;
        rowBytes += CellValues.estimate(value);
        if (!java.util.Objects.equals(text, CellValues.defaultText(value))) {
          if (rowTexts == null) {
            rowTexts = new String[columns.length];
            rowBytes += 16 + 4L * columns.length;
          }
          if (text == null) {
            return abandon(); // a non-null value the driver renders as null text: not modelled
          }
          rowTexts[i] = text;
          rowBytes += CellValues.estimate(text);
        }
      }
    } catch (SQLException | RuntimeException e) {
      abandon();
      throw e;
    }
    bytes += rowBytes;
    if (bytes > maxBytes) {
      return abandon();
    }
    values.add(row);
    texts.add(rowTexts);
    return true;
  }

  /**
   * What the real driver's {@code getString} returns for {@code value}, when that is known
   * without asking it, in either of pgjdbc's transfer formats and in H2: strings and whole
   * numbers are their own text, and so is a decimal whose {@code toString} has no exponent
   * (PostgreSQL prints numeric plainly with its scale). Asking the driver decodes the cell once
   * more (a binary numeric three times per cell in all), a large part of a miss's cost.
   * {@code null}: ask the driver.
   */
  private static String derivedText(Object value) {
    if (value instanceof String string) {
      return string;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return value.toString();
    }
    if (value instanceof java.math.BigDecimal decimal && decimal.scale() >= 0
        && decimal.precision() - decimal.scale() - 1 >= -6) {
      return decimal.toString(); // no exponent: the same as toPlainString
    }
    return null;
  }

  /** True once recording has stopped for good; nothing more is recorded. */
  public boolean abandoned() {
    return abandoned;
  }

  /**
   * Gives up: releases the rows recorded so far. Used by the wrapper when the application does
   * something that keeps the recording from being the complete result in order.
   */
  void abandonRecording() {
    abandon();
  }

  /**
   * The recording of every row recorded so far, with the result set's current warnings.
   *
   * @throws IllegalStateException when the recorder was abandoned
   */
  public Recording finish() {
    if (abandoned) {
      throw new IllegalStateException("the recording was abandoned");
    }
    List<WarningInfo> warnings;
    try {
      warnings = WarningInfo.capture(rs.getWarnings());
    } catch (SQLException e) {
      warnings = List.of();
    }
    return new Recording(profile, driverVersion, columns, values.toArray(new Object[0][]),
        texts.toArray(new String[0][]), warnings);
  }

  /**
   * H2's driver version, whose build number ends H2's error messages; read once per recording
   * (a constant in H2, no round trip). Other drivers' messages do not need it.
   */
  /** A driver's version cannot change while its classes are loaded: asked once per result set class. */
  private static final java.util.Map<Class<?>, String> DRIVER_VERSIONS = new java.util.concurrent.ConcurrentHashMap<>();

  private static String driverVersion(ResultSet rs, Profile profile) {
    if (profile != Profile.H2) {
      return "";
    }
    String known = DRIVER_VERSIONS.get(rs.getClass());
    if (known != null) {
      return known;
    }
    try {
      Statement st = rs.getStatement();
      String version = st == null ? null : st.getConnection().getMetaData().getDriverVersion();
      if (version == null) {
        return "";
      }
      DRIVER_VERSIONS.put(rs.getClass(), version);
      return version;
    } catch (SQLException | RuntimeException e) {
      // Without the version, cached H2 errors only lack the "[code-build]" suffix.
      return "";
    }
  }

  /** pgjdbc switches formats only for prepared statements; a plain Statement always gets text. */
  private static boolean isPrepared(ResultSet rs) {
    try {
      return rs.getStatement() instanceof PreparedStatement;
    } catch (SQLException e) {
      return true; // unknown: assume the format may change
    }
  }

  private boolean abandon() {
    abandoned = true;
    values = List.of();
    texts = List.of();
    return false;
  }

  private static final Object UNSUPPORTED = new Object();

  private Object capture(int index) throws SQLException {
    Object v = rs.getObject(index);
    if (CellValues.isScalar(v)) {
      return CellValues.copy(v);
    }
    if (v instanceof Array a) {
      RecordedArray recorded =
          RecordedArray.capture(a.getBaseType(), a.getBaseTypeName(), a.getArray(), true);
      return recorded == null ? UNSUPPORTED : recorded;
    }
    if (v instanceof Object[]) {
      // Some drivers return a Java array from getObject; getArray gives the base type.
      Array a = rs.getArray(index);
      RecordedArray recorded = RecordedArray.capture(a.getBaseType(), a.getBaseTypeName(), v, false);
      return recorded == null ? UNSUPPORTED : recorded;
    }
    return UNSUPPORTED;
  }
}
