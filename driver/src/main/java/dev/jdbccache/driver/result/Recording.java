package dev.jdbccache.driver.result;

import java.sql.SQLWarning;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The complete, immutable result of one query as the real driver returned it: column metadata,
 * every row in order (each cell's {@code getObject} value and, where it differs from the value's
 * {@code toString}, the driver's {@code getString} text), and the result set's warnings.
 *
 * <p>Immutable and thread-safe: one recording is shared by every {@link CachedResultSet} that
 * serves a hit. Mutable cell values (byte arrays, {@code java.sql} date/time values) are copied
 * whenever they are handed out. Built by {@link ResultRecorder} or {@link RecordingCodec}.
 */
public final class Recording {
  /** A row's share of the estimate besides its cells: the row array header, its slot. */
  private static final int ROW_OVERHEAD = 16 + 16;
  /** A row's stored texts array header (its slots count 4 bytes each, like the row's). */
  private static final int TEXTS_OVERHEAD = 16;

  private final Profile profile;
  private final ColumnInfo[] columns;
  private final Object[][] values;
  private final String[][] texts; // per row: null when every text equals the value's default;
                                  // null when no row stores a text
  private final List<WarningInfo> warnings;
  private final String driverVersion;
  private final long estimatedBytes;

  Recording(Profile profile, ColumnInfo[] columns, Object[][] values, String[][] texts,
      List<WarningInfo> warnings) {
    this(profile, "", columns, values, texts, warnings);
  }

  /**
   * @param driverVersion the recording driver's {@code getDriverVersion()}, or "" when unknown;
   *     H2's error messages carry its build number
   */
  Recording(Profile profile, String driverVersion, ColumnInfo[] columns, Object[][] values,
      String[][] texts, List<WarningInfo> warnings) {
    this(profile, driverVersion, columns, values, texts, warnings, -1);
  }

  /**
   * @param texts per row the stored texts (see {@link #storedText}), or null when no row has any
   * @param rowBytes the rows' share of {@link #estimatedBytes()} (per row {@link #rowBytes}, as
   *     the recorder adds it up while it reads), or -1 to compute it here
   */
  Recording(Profile profile, String driverVersion, ColumnInfo[] columns, Object[][] values,
      String[][] texts, List<WarningInfo> warnings, long rowBytes) {
    this.profile = Objects.requireNonNull(profile);
    this.driverVersion = Objects.requireNonNull(driverVersion);
    this.columns = columns.clone();
    this.values = values;
    this.texts = texts;
    this.warnings = List.copyOf(warnings);
    this.estimatedBytes = estimate(rowBytes >= 0 ? rowBytes : rowsEstimate());
  }

  /** The columns, in order; an unmodifiable list. */
  public List<ColumnInfo> columns() {
    return List.of(columns);
  }

  /** The number of columns. */
  public int columnCount() {
    return columns.length;
  }

  /** The number of rows. */
  public int rowCount() {
    return values.length;
  }

  /** An estimate of the heap retained by this recording, in bytes: the cache weight. */
  public long estimatedBytes() {
    return estimatedBytes;
  }

  /** A fresh copy of the original result set's warning chain, or null when it had none. */
  public SQLWarning warnings() {
    return WarningInfo.toChain(warnings);
  }

  Profile profile() {
    return profile;
  }

  String driverVersion() {
    return driverVersion;
  }

  ColumnInfo column(int index0) {
    return columns[index0];
  }

  ColumnInfo[] columnArray() {
    return columns.clone();
  }

  /** The recorded value (not copied; callers copy before handing out). */
  Object value(int row, int col) {
    return values[row][col];
  }

  /** The recorded getString text, stored or derived. */
  String text(int row, int col) {
    String[] rowTexts = texts == null ? null : texts[row];
    String t = rowTexts == null ? null : rowTexts[col];
    return t != null ? t : CellValues.defaultText(values[row][col]);
  }

  /** The stored text override, or null when the text is the value's default. */
  String storedText(int row, int col) {
    String[] rowTexts = texts == null ? null : texts[row];
    return rowTexts == null ? null : rowTexts[col];
  }

  List<WarningInfo> warningList() {
    return warnings;
  }

  private long estimate(long rowBytes) {
    long size = 64 + 48L * columns.length + rowBytes;
    for (ColumnInfo c : columns) {
      size += 2L * (c.columnLabel().length() + c.columnName().length() + c.tableName().length()
          + c.columnTypeName().length() + c.columnClassName().length() + c.schemaName().length());
    }
    for (WarningInfo w : warnings) {
      size += 64 + CellValues.estimate(w.reason());
    }
    return size;
  }

  private long rowsEstimate() {
    long size = 0;
    for (int r = 0; r < values.length; r++) {
      size += rowBytes(values[r], texts == null ? null : texts[r]);
    }
    return size;
  }

  /** One row's share of {@link #estimatedBytes()}: the row, its values, its stored texts. */
  static long rowBytes(Object[] rowValues, String[] rowTexts) {
    long size = ROW_OVERHEAD + 4L * rowValues.length;
    for (Object v : rowValues) {
      size += CellValues.estimate(v);
    }
    if (rowTexts != null) {
      size += TEXTS_OVERHEAD + 4L * rowTexts.length;
      for (String t : rowTexts) {
        size += CellValues.estimate(t);
      }
    }
    return size;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Recording r)) {
      return false;
    }
    if (profile != r.profile || !driverVersion.equals(r.driverVersion)
        || !Arrays.equals(columns, r.columns)
        || !warnings.equals(r.warnings) || values.length != r.values.length) {
      return false;
    }
    for (int row = 0; row < values.length; row++) {
      if (!Arrays.deepEquals(values[row], r.values[row])) {
        return false;
      }
      for (int col = 0; col < columns.length; col++) {
        if (!Objects.equals(text(row, col), r.text(row, col))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(profile, Arrays.hashCode(columns), values.length);
  }

  @Override
  public String toString() {
    return "Recording[" + values.length + " rows x " + columns.length + " columns, ~"
        + estimatedBytes + " bytes]";
  }
}
