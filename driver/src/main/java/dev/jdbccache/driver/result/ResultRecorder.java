package dev.jdbccache.driver.result;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records the rows of a real, positioned {@link ResultSet} into a {@link Recording}.
 *
 * <p>For each row, every column is read with the real driver's {@code getObject}, and with its
 * {@code getString} unless that text is known from the value; nothing else on the result set is
 * touched, so the application's own getters that follow see the same row (they also reset
 * {@code wasNull}). The row just recorded is available ({@link #lastValues()}) so that the
 * application's getters can be answered from it instead of decoding the cell again. Recording
 * stops for good ({@link #abandoned()}) when the result outgrows the row or byte limit or holds a
 * value that cannot be recorded faithfully; the rows read so far are then released.
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
  private Object[][] values = new Object[4][]; // rows [0, rowCount) recorded so far; most results are a row or a few
  private String[][] texts; // per row its stored texts; null until a row stores one
  private int rowCount;
  private long bytes; // the rows' share of Recording#estimatedBytes
  private boolean abandoned;
  private Object[] lastValues; // the row the last recordCurrentRow recorded, or null
  private String[] lastTexts;

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
    lastValues = null;
    lastTexts = null;
    if (abandoned) {
      return false;
    }
    if (rowCount >= maxRows) {
      return abandon();
    }
    Object[] row = new Object[columns.length];
    String[] rowTexts = null;
    try {
      for (int i = 0; i < columns.length; i++) {
        Object value = capture(i + 1);
        if (value == UNSUPPORTED) {
          return abandon();
        }
        row[i] = value;
        if (textIsValueText(value)) {
          continue;
        }
        String text = rs.getString(i + 1);
        if (text == null) {
          return abandon(); // a non-null value the driver renders as null text: not modelled
        }
        if (formatMayChange && !PgTransferFormats.sameTextInBothFormats(columns[i], value, text)) {
          return abandon();
        }
        if (!text.equals(CellValues.defaultText(value))) {
          if (rowTexts == null) {
            rowTexts = new String[columns.length];
          }
          rowTexts[i] = text;
        }
      }
    } catch (SQLException | RuntimeException e) {
      abandon();
      throw e;
    }
    bytes += Recording.rowBytes(row, rowTexts);
    if (bytes > maxBytes) {
      return abandon();
    }
    add(row, rowTexts);
    lastValues = row;
    lastTexts = rowTexts;
    return true;
  }

  private void add(Object[] row, String[] rowTexts) {
    if (rowCount == values.length) {
      values = Arrays.copyOf(values, (int) Math.min(2L * rowCount, maxRows));
      if (texts != null) {
        texts = Arrays.copyOf(texts, values.length);
      }
    }
    if (rowTexts != null) {
      if (texts == null) {
        texts = new String[values.length][];
      }
      texts[rowCount] = rowTexts;
    }
    values[rowCount++] = row;
  }

  /**
   * True when the real driver's {@code getString} is known to equal {@code value}'s
   * {@code toString} (the text a recording keeps when it stores none), in either of pgjdbc's
   * transfer formats and in H2: SQL NULL (whose text no getter reads), strings and whole numbers,
   * and a decimal that prints without exponent (PostgreSQL prints numeric plainly with its scale).
   * Decided from the type alone: asking the driver decodes the cell once more (a binary numeric
   * three times per cell in all), and building the text only to compare it costs as much.
   */
  private static boolean textIsValueText(Object value) {
    if (value == null || value instanceof String || value instanceof Integer
        || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return true;
    }
    // BigDecimal.toString has no exponent exactly when scale >= 0 and the adjusted exponent
    // (precision - scale - 1) is at least -6
    return value instanceof BigDecimal decimal && decimal.scale() >= 0
        && decimal.precision() - decimal.scale() - 1 >= -6;
  }

  /**
   * The cells of the row the last {@link #recordCurrentRow()} recorded, as the recording holds
   * them (callers must not modify them, and copy mutable values before handing them out), or
   * null when that call recorded nothing.
   */
  Object[] lastValues() {
    return lastValues;
  }

  /**
   * The texts stored for that row (null entries: the value's own text), or null when every text
   * of the row is its value's own (or nothing was recorded).
   */
  String[] lastTexts() {
    return lastTexts;
  }

  /** Whose conversion rules the recorded result follows. */
  Profile profile() {
    return profile;
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
    return new Recording(profile, driverVersion, columns, Arrays.copyOf(values, rowCount),
        texts == null ? null : Arrays.copyOf(texts, rowCount), warnings, bytes);
  }

  /**
   * A driver's version cannot change while its classes are loaded: asked once per result set
   * class. A {@link ClassValue}, so that a web application's driver classes (and their class
   * loader) are not kept alive by this driver after the application is undeployed.
   */
  private static final ClassValue<AtomicReference<String>> DRIVER_VERSIONS = new ClassValue<>() {
    @Override
    protected AtomicReference<String> computeValue(Class<?> type) {
      return new AtomicReference<>();
    }
  };

  /**
   * H2's driver version, whose build number ends H2's error messages (asked once per result set
   * class, see {@link #DRIVER_VERSIONS}); "" for other drivers, whose messages do not need it.
   */
  private static String driverVersion(ResultSet rs, Profile profile) {
    if (profile != Profile.H2) {
      return "";
    }
    AtomicReference<String> memo = DRIVER_VERSIONS.get(rs.getClass());
    String known = memo.get();
    if (known != null) {
      return known;
    }
    try {
      Statement st = rs.getStatement();
      String version = st == null ? null : st.getConnection().getMetaData().getDriverVersion();
      if (version == null) {
        return "";
      }
      memo.set(version);
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
    lastValues = null;
    lastTexts = null;
    values = NO_ROWS;
    texts = null;
    rowCount = 0;
    return false;
  }

  private static final Object UNSUPPORTED = new Object();
  private static final Object[][] NO_ROWS = new Object[0][];

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
