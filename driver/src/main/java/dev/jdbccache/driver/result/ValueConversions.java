package dev.jdbccache.driver.result;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * The conversion rules of one driver: how a recorded cell (column metadata, the driver's
 * {@code getObject} value, its {@code getString} text) answers each typed getter.
 *
 * <p>{@code value} and {@code text} are never null, except for {@link #toObject}, which must
 * check the requested class before it answers null for SQL NULL (as pgjdbc does). Returned
 * mutable values are fresh copies. Implementations are stateless and thread-safe.
 */
interface ValueConversions {

  /** {@code h2Errors} builds H2's exceptions; used, and required, only for {@link Profile#H2}. */
  static ValueConversions of(Profile profile, H2Errors h2Errors) {
    if (!profile.hitsEmulated()) {
      throw new IllegalArgumentException("no conversion rules for " + profile);
    }
    return profile == Profile.H2 ? new H2Conversions(h2Errors) : PgConversions.INSTANCE;
  }

  boolean toBoolean(ColumnInfo c, Object value, String text) throws SQLException;

  byte toByte(ColumnInfo c, Object value, String text) throws SQLException;

  short toShort(ColumnInfo c, Object value, String text) throws SQLException;

  int toInt(ColumnInfo c, Object value, String text) throws SQLException;

  long toLong(ColumnInfo c, Object value, String text) throws SQLException;

  float toFloat(ColumnInfo c, Object value, String text) throws SQLException;

  double toDouble(ColumnInfo c, Object value, String text) throws SQLException;

  /** {@code scale} is -1 for getBigDecimal without a scale. */
  BigDecimal toBigDecimal(ColumnInfo c, Object value, String text, int scale) throws SQLException;

  byte[] toBytes(ColumnInfo c, Object value, String text) throws SQLException;

  /** {@code cal} is null for the getters without a Calendar. */
  Date toDate(ColumnInfo c, Object value, String text, Calendar cal) throws SQLException;

  Time toTime(ColumnInfo c, Object value, String text, Calendar cal) throws SQLException;

  Timestamp toTimestamp(ColumnInfo c, Object value, String text, Calendar cal)
      throws SQLException;

  Array toArray(ColumnInfo c, Object value, String text) throws SQLException;

  /** getObject(i, type); {@code value} and {@code text} are null for SQL NULL. */
  <T> T toObject(ColumnInfo c, Object value, String text, Class<T> type) throws SQLException;
}
