package dev.jdbccache.driver.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.UUID;

/**
 * pgjdbc's rules (text transfer mode): the typed getters parse the server's text, as pgjdbc does;
 * {@code getObject(i, Class)} accepts a class only for the column types pgjdbc accepts it for.
 */
final class PgConversions implements ValueConversions {
  static final PgConversions INSTANCE = new PgConversions();

  /** pgjdbc's PGStatement.DATE_POSITIVE_INFINITY / DATE_NEGATIVE_INFINITY. */
  private static final long POSITIVE_INFINITY = 9223372036825200000L;
  private static final long NEGATIVE_INFINITY = -9223372036832400000L;

  private PgConversions() {}

  @Override
  public boolean toBoolean(ColumnInfo c, Object value, String text) throws SQLException {
    if (value instanceof Boolean b) {
      return b;
    }
    String v = text.trim();
    if (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("t")
        || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("y") || v.equalsIgnoreCase("on")) {
      return true;
    }
    if (v.equals("0") || v.equalsIgnoreCase("false") || v.equalsIgnoreCase("f")
        || v.equalsIgnoreCase("no") || v.equalsIgnoreCase("n") || v.equalsIgnoreCase("off")) {
      return false;
    }
    throw SqlErrors.of(SqlErrors.CANNOT_COERCE, "Cannot cast to boolean: \"" + text + "\"");
  }

  @Override
  public byte toByte(ColumnInfo c, Object value, String text) throws SQLException {
    String s = fixed(text).trim();
    if (s.isEmpty()) {
      return 0;
    }
    return (byte) integral(s, "byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  @Override
  public short toShort(ColumnInfo c, Object value, String text) throws SQLException {
    return (short) integral(fixed(text), "short", Short.MIN_VALUE, Short.MAX_VALUE);
  }

  @Override
  public int toInt(ColumnInfo c, Object value, String text) throws SQLException {
    return (int) integral(fixed(text), "int", Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  @Override
  public long toLong(ColumnInfo c, Object value, String text) throws SQLException {
    return integral(fixed(text), "long", Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public float toFloat(ColumnInfo c, Object value, String text) throws SQLException {
    String s = fixed(text);
    try {
      return Float.parseFloat(s.trim());
    } catch (NumberFormatException e) {
      throw bad("float", s);
    }
  }

  @Override
  public double toDouble(ColumnInfo c, Object value, String text) throws SQLException {
    String s = fixed(text);
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw bad("double", s);
    }
  }

  @Override
  public BigDecimal toBigDecimal(ColumnInfo c, Object value, String text, int scale)
      throws SQLException {
    if (scale == -1 && value instanceof BigDecimal d && text.equals(d.toString())) {
      return d; // parsing a decimal's own toString gives it back, scale included (immutable, shared)
    }
    String s = fixed(text);
    BigDecimal d;
    try {
      d = new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      throw bad("BigDecimal", s);
    }
    if (scale == -1) {
      return d;
    }
    try {
      return d.setScale(scale, RoundingMode.HALF_UP);
    } catch (ArithmeticException e) {
      throw bad("BigDecimal", s);
    }
  }

  @Override
  public byte[] toBytes(ColumnInfo c, Object value, String text) {
    if (value instanceof byte[] b) {
      return b.clone();
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Date toDate(ColumnInfo c, Object value, String text, Calendar cal) throws SQLException {
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    // pgjdbc reads the first byte (an empty text fails there) to spot the infinities, then
    // parses up to 13 bytes with its unchecked date parser
    boolean infinity = (raw[0] == 'i' && text.equals("infinity"))
        || (raw[0] == '-' && text.equals("-infinity"));
    if (!infinity && raw.length <= 13) {
      return PgShortDate.toDate(raw, cal);
    }
    PgDateTimeText t = parse(text);
    if (t.infinity() != 0) {
      return new Date(t.infinity() > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY);
    }
    // a time without a date (a long time text) falls on pgjdbc's default date, 1970-01-01
    TimeZone tz = Temporals.zone(cal);
    long instant = instantMillis(t, tz);
    LocalDate d = Temporals.localDate(instant, tz);
    return Temporals.date(d, tz);
  }

  @Override
  public Time toTime(ColumnInfo c, Object value, String text, Calendar cal) throws SQLException {
    PgDateTimeText t = parse(text);
    if (t.infinity() != 0) {
      throw badDateTime(text);
    }
    int millis = t.nanos() / 1_000_000;
    if (t.offsetSeconds() != null) {
      // pgjdbc keeps the wall time in the text's own offset, on 1970-01-01
      return new Time(Temporals.millis(1970, 1, 1, t.hour(), t.minute(), t.second(), millis,
          offsetZone(t)));
    }
    // pgjdbc resolves the wall time on its own date first (a DST gap shifts it), then moves
    // the calendar fields to 1970-01-01
    TimeZone tz = Temporals.zone(cal);
    GregorianCalendar g = new GregorianCalendar(tz);
    g.setTimeInMillis(Temporals.millis(t.year(), t.month(), t.day(), t.hour(), t.minute(),
        t.second(), millis, tz));
    g.set(Calendar.ERA, GregorianCalendar.AD);
    g.set(1970, Calendar.JANUARY, 1);
    return new Time(g.getTimeInMillis());
  }

  @Override
  public Timestamp toTimestamp(ColumnInfo c, Object value, String text, Calendar cal)
      throws SQLException {
    PgDateTimeText t = parse(text);
    if (t.infinity() != 0) {
      return new Timestamp(t.infinity() > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY);
    }
    Timestamp ts = new Timestamp(instantMillis(t, Temporals.zone(cal)));
    ts.setNanos(t.nanos());
    return ts;
  }

  @Override
  public Array toArray(ColumnInfo c, Object value, String text) throws SQLException {
    if (value instanceof RecordedArray a) {
      return a;
    }
    throw SqlErrors.of(SqlErrors.DATA_TYPE_MISMATCH, "column of type "
        + c.columnTypeName() + " is not an array");
  }

  @Override
  public <T> T toObject(ColumnInfo c, Object value, String text, Class<T> type)
      throws SQLException {
    int sqlType = c.columnType();
    Object result;
    if (type == BigDecimal.class) {
      require(c, type, sqlType == Types.NUMERIC || sqlType == Types.DECIMAL);
      result = value == null ? null : toBigDecimal(c, value, text, -1);
    } else if (type == String.class) {
      require(c, type, sqlType == Types.CHAR || sqlType == Types.VARCHAR);
      result = text;
    } else if (type == Boolean.class) {
      require(c, type, sqlType == Types.BOOLEAN || sqlType == Types.BIT);
      result = value == null ? null : toBoolean(c, value, text);
    } else if (type == Short.class) {
      require(c, type, sqlType == Types.SMALLINT);
      result = value == null ? null : toShort(c, value, text);
    } else if (type == Integer.class) {
      require(c, type, sqlType == Types.INTEGER || sqlType == Types.SMALLINT);
      result = value == null ? null : toInt(c, value, text);
    } else if (type == Long.class) {
      require(c, type, sqlType == Types.BIGINT);
      result = value == null ? null : toLong(c, value, text);
    } else if (type == BigInteger.class) {
      require(c, type, sqlType == Types.BIGINT);
      result = value == null ? null : BigInteger.valueOf(toLong(c, value, text));
    } else if (type == Float.class) {
      require(c, type, sqlType == Types.REAL);
      result = value == null ? null : toFloat(c, value, text);
    } else if (type == Double.class) {
      require(c, type, sqlType == Types.FLOAT || sqlType == Types.DOUBLE);
      result = value == null ? null : toDouble(c, value, text);
    } else if (type == Date.class) {
      require(c, type, sqlType == Types.DATE);
      result = value == null ? null : toDate(c, value, text, null);
    } else if (type == Time.class) {
      require(c, type, sqlType == Types.TIME);
      result = value == null ? null : toTime(c, value, text, null);
    } else if (type == Timestamp.class) {
      require(c, type, sqlType == Types.TIMESTAMP || sqlType == Types.TIMESTAMP_WITH_TIMEZONE);
      result = value == null ? null : toTimestamp(c, value, text, null);
    } else if (type == java.util.Date.class) {
      require(c, type, sqlType == Types.TIMESTAMP);
      result = value == null ? null
          : new java.util.Date(toTimestamp(c, value, text, null).getTime());
    } else if (type == byte[].class) {
      require(c, type, sqlType == Types.BINARY || sqlType == Types.VARBINARY
          || sqlType == Types.LONGVARBINARY);
      result = value == null ? null : toBytes(c, value, text);
    } else if (type == Array.class) {
      require(c, type, sqlType == Types.ARRAY);
      result = value == null ? null : toArray(c, value, text);
    } else if (type == UUID.class) {
      // pgjdbc casts whatever getObject returns: a ClassCastException for any other column type
      return castLikePgjdbc(value, type);
    } else if (type == LocalDate.class) {
      result = value == null ? null : localDate(c, text);
    } else if (type == LocalTime.class) {
      result = value == null ? null : localTime(c, text);
    } else if (type == LocalDateTime.class) {
      result = value == null ? null : localDateTime(c, text);
    } else if (type == OffsetDateTime.class) {
      result = value == null ? null : offsetDateTime(c, text);
    } else if (type == OffsetTime.class) {
      result = value == null ? null : offsetTime(c, text);
    } else {
      throw notSupported(c, type);
    }
    try {
      return type.cast(result);
    } catch (ClassCastException e) {
      throw SqlErrors.of(SqlErrors.INVALID_PARAMETER_TYPE, "Cannot cast "
          + result.getClass().getName() + " to " + type.getName());
    }
  }

  private static <T> T castLikePgjdbc(Object value, Class<T> type) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    String actual = value instanceof RecordedArray ? "org.postgresql.jdbc.PgArray"
        : value.getClass().getName();
    throw new ClassCastException("Cannot cast " + actual + " to " + type.getName());
  }

  private LocalDate localDate(ColumnInfo c, String text) throws SQLException {
    String type = c.columnTypeName();
    if (type.equals("date")) {
      return parse(text).localDate();
    }
    if (type.equals("timestamp")) {
      return parse(text).localDateTime().toLocalDate();
    }
    throw mismatch(c, LocalDate.class);
  }

  private LocalTime localTime(ColumnInfo c, String text) throws SQLException {
    if (c.columnTypeName().equals("time")) {
      return parse(text).localTime();
    }
    throw mismatch(c, LocalTime.class);
  }

  private LocalDateTime localDateTime(ColumnInfo c, String text) throws SQLException {
    if (c.columnTypeName().equals("timestamp")) {
      return parse(text).localDateTime();
    }
    throw mismatch(c, LocalDateTime.class);
  }

  private OffsetDateTime offsetDateTime(ColumnInfo c, String text) throws SQLException {
    String type = c.columnTypeName();
    if (type.equals("timestamptz") || type.equals("timestamp")) {
      return parse(text).offsetDateTime();
    }
    if (type.equals("timetz")) {
      return offsetTime(c, text).atDate(LocalDate.of(1970, 1, 1)); // pgjdbc's epoch date
    }
    throw mismatch(c, OffsetDateTime.class);
  }

  private OffsetTime offsetTime(ColumnInfo c, String text) throws SQLException {
    if (c.columnTypeName().equals("timetz")) {
      PgDateTimeText t = parse(text);
      int offset = t.offsetSeconds() == null ? 0 : t.offsetSeconds();
      return t.localTime().atOffset(java.time.ZoneOffset.ofTotalSeconds(offset)); // as sent
    }
    throw mismatch(c, OffsetTime.class);
  }

  private static long instantMillis(PgDateTimeText t, TimeZone zoneIfNoOffset) {
    TimeZone tz = t.offsetSeconds() == null ? zoneIfNoOffset : offsetZone(t);
    return Temporals.millis(t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second(),
        t.nanos() / 1_000_000, tz);
  }

  private static TimeZone offsetZone(PgDateTimeText t) {
    return new java.util.SimpleTimeZone(t.offsetSeconds() * 1000, "offset");
  }

  private static PgDateTimeText parse(String text) throws SQLException {
    PgDateTimeText t = PgDateTimeText.parse(text);
    if (t == null) {
      throw badDateTime(text);
    }
    return t;
  }

  /** pgjdbc's getFixedString: strips the currency decoration of money text. */
  private static String fixed(String s) {
    if (s.length() < 2) {
      return s;
    }
    char ch = s.charAt(0);
    if (ch > '-') {
      return s;
    }
    if (ch == '(') {
      return "-" + s.substring(1, s.length() - 1).substring(1);
    }
    if (ch == '$') {
      return s.substring(1);
    }
    if (ch == '-' && s.charAt(1) == '$') {
      return "-" + s.substring(2);
    }
    return s;
  }

  private static long integral(String s, String type, long min, long max) throws SQLException {
    String t = s.trim();
    try {
      long v = Long.parseLong(t);
      if (v < min || v > max) {
        throw bad(type, t);
      }
      return v;
    } catch (NumberFormatException e) {
      try {
        BigInteger i = new BigDecimal(t).toBigInteger();
        if (i.compareTo(BigInteger.valueOf(min)) < 0 || i.compareTo(BigInteger.valueOf(max)) > 0) {
          throw bad(type, t);
        }
        return i.longValue();
      } catch (NumberFormatException e2) {
        throw bad(type, t);
      }
    }
  }

  private static SQLException bad(String type, String s) {
    return SqlErrors.of(SqlErrors.NUMERIC_OUT_OF_RANGE, "Bad value for type " + type + " : " + s);
  }

  private static SQLException badDateTime(String s) {
    return SqlErrors.of(SqlErrors.DATETIME_FORMAT,
        "Bad value for type timestamp/date/time: " + s);
  }

  private static void require(ColumnInfo c, Class<?> type, boolean ok) throws SQLException {
    if (!ok) {
      throw notSupported(c, type);
    }
  }

  private static SQLException notSupported(ColumnInfo c, Class<?> type) {
    return SqlErrors.of(SqlErrors.INVALID_PARAMETER_TYPE,
        "conversion to " + type + " from " + c.columnTypeName() + " not supported");
  }

  private static SQLException mismatch(ColumnInfo c, Class<?> type) {
    return SqlErrors.of(SqlErrors.DATA_TYPE_MISMATCH, "Cannot convert the column of type "
        + c.columnTypeName().toUpperCase(java.util.Locale.ROOT) + " to requested type "
        + type.getName() + ".");
  }
}
