package dev.jdbccache.driver.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;

/**
 * H2's rules: every getter converts the value as H2's CAST would (numbers round half up, strings
 * are parsed, binary of the right width reads as a big-endian number, a scalar read as an array
 * is a one-element array).
 */
final class H2Conversions implements ValueConversions {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private final H2Errors errors;

  H2Conversions(H2Errors errors) {
    this.errors = java.util.Objects.requireNonNull(errors);
  }

  /** H2 names the value's type (as its metadata does) and the target type. */
  private SQLException conversion(ColumnInfo c, String target) {
    return errors.conversion(c.columnTypeName(), target);
  }

  @Override
  public boolean toBoolean(ColumnInfo c, Object v, String text) throws SQLException {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Double || v instanceof Float) {
      return (int) Math.signum(((Number) v).doubleValue()) != 0;
    }
    if (v instanceof BigDecimal d) {
      return d.signum() != 0;
    }
    if (v instanceof Number n) {
      return n.longValue() != 0;
    }
    if (v instanceof String s) {
      String t = s.trim().toLowerCase(Locale.ROOT);
      switch (t) {
        case "true", "t", "yes", "y":
          return true;
        case "false", "f", "no", "n":
          return false;
        default:
          try {
            return new BigDecimal(t).signum() != 0;
          } catch (NumberFormatException e) {
            throw conversion(c, "BOOLEAN");
          }
      }
    }
    throw conversion(c, "BOOLEAN");
  }

  @Override
  public byte toByte(ColumnInfo c, Object v, String text) throws SQLException {
    if (v instanceof String s) {
      return (byte) parse(s, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }
    return (byte) narrow(integral(c, v, 1, "TINYINT"), Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  @Override
  public short toShort(ColumnInfo c, Object v, String text) throws SQLException {
    if (v instanceof String s) {
      return (short) parse(s, Short.MIN_VALUE, Short.MAX_VALUE);
    }
    return (short) narrow(integral(c, v, 2, "SMALLINT"), Short.MIN_VALUE, Short.MAX_VALUE);
  }

  @Override
  public int toInt(ColumnInfo c, Object v, String text) throws SQLException {
    if (v instanceof String s) {
      return (int) parse(s, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    return (int) narrow(integral(c, v, 4, "INTEGER"), Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  @Override
  public long toLong(ColumnInfo c, Object v, String text) throws SQLException {
    if (v instanceof String s) {
      return parse(s, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    return integral(c, v, 8, "BIGINT");
  }

  @Override
  public float toFloat(ColumnInfo c, Object v, String text) throws SQLException {
    if (v instanceof Double d) {
      return d.floatValue();
    }
    if (v instanceof BigDecimal d) {
      return d.floatValue();
    }
    if (v instanceof Number n) {
      return n.floatValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      try {
        return Float.parseFloat(s.trim());
      } catch (NumberFormatException e) {
        throw parseError(s);
      }
    }
    throw conversion(c, "REAL");
  }

  @Override
  public double toDouble(ColumnInfo c, Object v, String text) throws SQLException {
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw parseError(s);
      }
    }
    throw conversion(c, "DOUBLE PRECISION");
  }

  @Override
  public BigDecimal toBigDecimal(ColumnInfo c, Object v, String text, int scale)
      throws SQLException {
    BigDecimal d = decimal(c, v);
    if (scale == -1) {
      return d;
    }
    if (scale < 0) {
      throw errors.invalidValue("scale", scale);
    }
    return d.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public byte[] toBytes(ColumnInfo c, Object v, String text) throws SQLException {
    if (v instanceof byte[] b) {
      return b.clone();
    }
    if (v instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    if (v instanceof UUID u) {
      return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
          .putLong(u.getLeastSignificantBits()).array();
    }
    if (v instanceof Long l) {
      return ByteBuffer.allocate(8).putLong(l).array();
    }
    if (v instanceof Integer i) {
      switch (c.columnType()) {
        case Types.TINYINT:
          return new byte[] {i.byteValue()};
        case Types.SMALLINT:
          return ByteBuffer.allocate(2).putShort(i.shortValue()).array();
        default:
          return ByteBuffer.allocate(4).putInt(i).array();
      }
    }
    throw conversion(c, "BINARY VARYING");
  }

  @Override
  public Date toDate(ColumnInfo c, Object v, String text, Calendar cal) throws SQLException {
    return new Date(localDate(c, v, text).atStartOfDay(zone(cal)).toInstant().toEpochMilli());
  }

  @Override
  public Time toTime(ColumnInfo c, Object v, String text, Calendar cal) throws SQLException {
    LocalTime exact = localTime(c, v, text);
    LocalTime t = exact.withNano(exact.getNano() / 1_000_000 * 1_000_000); // Time holds millis
    return new Time(LocalDate.of(1970, 1, 1).atTime(t).atZone(zone(cal)).toInstant().toEpochMilli());
  }

  @Override
  public Timestamp toTimestamp(ColumnInfo c, Object v, String text, Calendar cal)
      throws SQLException {
    if (v instanceof OffsetDateTime odt) {
      return Timestamp.from(odt.toInstant());
    }
    return Timestamp.from(localDateTime(c, v, text).atZone(zone(cal)).toInstant());
  }

  // H2 applies time zones through java.time rules (historical offsets included), not Calendar.
  private static java.time.ZoneId zone(Calendar cal) {
    return Temporals.zone(cal).toZoneId();
  }

  @Override
  public Array toArray(ColumnInfo c, Object v, String text) {
    if (v instanceof RecordedArray a) {
      return a;
    }
    return new RecordedArray(c.columnType(), c.columnTypeName(), Object.class,
        new Object[] {CellValues.copy(v)}, true);
  }

  @Override
  public <T> T toObject(ColumnInfo c, Object v, String text, Class<T> type) throws SQLException {
    if (v == null) {
      return null;
    }
    Object r;
    if (type == String.class) {
      r = text;
    } else if (type == Integer.class) {
      r = toInt(c, v, text);
    } else if (type == Long.class) {
      r = toLong(c, v, text);
    } else if (type == Short.class) {
      r = toShort(c, v, text);
    } else if (type == Byte.class) {
      r = toByte(c, v, text);
    } else if (type == Double.class) {
      r = toDouble(c, v, text);
    } else if (type == Float.class) {
      r = toFloat(c, v, text);
    } else if (type == BigDecimal.class) {
      r = decimal(c, v);
    } else if (type == BigInteger.class) {
      r = v instanceof String s ? parseBigInteger(s) : decimal(c, v).toBigInteger();
    } else if (type == Boolean.class) {
      r = toBoolean(c, v, text);
    } else if (type == byte[].class) {
      r = toBytes(c, v, text);
    } else if (type == Date.class) {
      r = toDate(c, v, text, null);
    } else if (type == Time.class) {
      r = toTime(c, v, text, null);
    } else if (type == Timestamp.class) {
      r = toTimestamp(c, v, text, null);
    } else if (type == java.util.Date.class) {
      r = new java.util.Date(toTimestamp(c, v, text, null).getTime());
    } else if (type == LocalDate.class) {
      r = localDate(c, v, text);
    } else if (type == LocalTime.class) {
      r = localTime(c, v, text);
    } else if (type == LocalDateTime.class) {
      r = localDateTime(c, v, text);
    } else if (type == OffsetDateTime.class) {
      r = offsetDateTime(c, v, text);
    } else if (type == ZonedDateTime.class) {
      r = offsetDateTime(c, v, text).toZonedDateTime();
    } else if (type == Instant.class) {
      r = offsetDateTime(c, v, text).toInstant();
    } else if (type == OffsetTime.class) {
      r = offsetTime(c, v, text);
    } else if (type == UUID.class) {
      r = uuid(c, v);
    } else if (type == Array.class) {
      r = toArray(c, v, text);
    } else if (type == Object.class) {
      throw v instanceof byte[]
          ? errors.get(H2Errors.DESERIALIZATION_FAILED, "Deserialization failed, cause: {0}",
              "Java object deserialization is not supported by a cached result")
          : conversion(c, "JAVA_OBJECT");
    } else {
      throw errors.featureNotSupported("converting to class " + type.getName());
    }
    return type.cast(r);
  }

  private long integral(ColumnInfo c, Object v, int width, String target)
      throws SQLException {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof BigDecimal d) {
      if (d.compareTo(LONG_MAX) > 0 || d.compareTo(LONG_MIN) < 0) {
        throw outOfRange(d.toString());
      }
      return d.setScale(0, RoundingMode.HALF_UP).longValue();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (d > Long.MAX_VALUE || d < Long.MIN_VALUE) {
        throw outOfRange(Double.toString(d));
      }
      return Math.round(d);
    }
    if (v instanceof byte[] b && b.length == width) {
      long r = 0;
      for (byte x : b) {
        r = (r << 8) | (x & 0xff);
      }
      // sign-extend from the source width
      int shift = 64 - 8 * width;
      return (r << shift) >> shift;
    }
    throw conversion(c, target);
  }

  /** H2 narrows through a long and reports that long when it does not fit. */
  private long narrow(long v, long min, long max) throws SQLException {
    if (v < min || v > max) {
      throw outOfRange(Long.toString(v));
    }
    return v;
  }

  private long parse(String s, long min, long max) throws SQLException {
    try {
      long v = Long.parseLong(s.trim());
      if (v < min || v > max) {
        throw parseError(s);
      }
      return v;
    } catch (NumberFormatException e) {
      throw parseError(s);
    }
  }

  private BigInteger parseBigInteger(String s) throws SQLException {
    try {
      return new BigInteger(s.trim());
    } catch (NumberFormatException e) {
      throw parseError(s);
    }
  }

  private BigDecimal decimal(ColumnInfo c, Object v) throws SQLException {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw parseError(d.toString());
      }
      return BigDecimal.valueOf(d);
    }
    if (v instanceof Float f) {
      if (!Float.isFinite(f)) {
        throw parseError(f.toString());
      }
      return new BigDecimal(f.toString());
    }
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw parseError(s);
      }
    }
    throw conversion(c, "NUMERIC");
  }

  private UUID uuid(ColumnInfo c, Object v) throws SQLException {
    if (v instanceof UUID u) {
      return u;
    }
    if (v instanceof byte[] b) {
      if (b.length != 16) {
        throw conversion(c, "UUID");
      }
      ByteBuffer buf = ByteBuffer.wrap(b);
      return new UUID(buf.getLong(), buf.getLong());
    }
    if (v instanceof String s) {
      try {
        return UUID.fromString(s.trim());
      } catch (IllegalArgumentException e) {
        throw parseError(s);
      }
    }
    throw conversion(c, "UUID");
  }

  // --- date/time: H2 converts through its session time zone, the JVM default at connect time.

  private LocalDate localDate(ColumnInfo c, Object v, String text)
      throws SQLException {
    if (v instanceof Date d) {
      return d.toLocalDate();
    }
    if (v instanceof Timestamp ts) {
      return timestampOf(ts, text).toLocalDate();
    }
    if (v instanceof OffsetDateTime odt) {
      return sessionLocal(odt).toLocalDate();
    }
    if (v instanceof String s) {
      try {
        return LocalDate.parse(s.trim());
      } catch (RuntimeException e) {
        throw cannotParse("DATE", s);
      }
    }
    throw conversion(c, "DATE");
  }

  private LocalTime localTime(ColumnInfo c, Object v, String text) throws SQLException {
    if (v instanceof Time t) {
      return timeOf(t, text);
    }
    if (v instanceof Timestamp ts) {
      return timestampOf(ts, text).toLocalTime();
    }
    if (v instanceof OffsetDateTime odt) {
      return sessionLocal(odt).toLocalTime();
    }
    if (v instanceof OffsetTime ot) {
      return sessionLocal(today(ot)).toLocalTime();
    }
    if (v instanceof String s) {
      try {
        return LocalTime.parse(s.trim());
      } catch (RuntimeException e) {
        throw cannotParse("TIME", s);
      }
    }
    throw conversion(c, "TIME");
  }

  private LocalDateTime localDateTime(ColumnInfo c, Object v, String text)
      throws SQLException {
    if (v instanceof Timestamp ts) {
      return timestampOf(ts, text);
    }
    if (v instanceof Date d) {
      return d.toLocalDate().atStartOfDay();
    }
    if (v instanceof OffsetDateTime odt) {
      return sessionLocal(odt);
    }
    if (v instanceof OffsetTime ot) {
      return sessionLocal(today(ot));
    }
    if (v instanceof Time t) {
      return LocalDate.now().atTime(timeOf(t, text));
    }
    if (v instanceof String s) {
      try {
        return LocalDateTime.parse(s.trim().replace(' ', 'T'));
      } catch (RuntimeException e) {
        try {
          return LocalDate.parse(s.trim()).atStartOfDay();
        } catch (RuntimeException e2) {
          throw cannotParse("TIMESTAMP", s);
        }
      }
    }
    throw conversion(c, "TIMESTAMP");
  }

  private OffsetDateTime offsetDateTime(ColumnInfo c, Object v, String text)
      throws SQLException {
    if (v instanceof OffsetDateTime odt) {
      return odt;
    }
    if (v instanceof OffsetTime ot) {
      return today(ot);
    }
    if (v instanceof String s) {
      try {
        return OffsetDateTime.parse(s.trim().replace(' ', 'T'));
      } catch (RuntimeException e) {
        // no offset: a local timestamp in the session time zone, as H2 reads it
      }
    }
    if (v instanceof Timestamp || v instanceof Date || v instanceof Time || v instanceof String) {
      return sessionOffsetDateTime(localDateTime(c, v, text));
    }
    throw conversion(c, "TIMESTAMP WITH TIME ZONE");
  }

  private OffsetTime offsetTime(ColumnInfo c, Object v, String text) throws SQLException {
    if (v instanceof OffsetTime ot) {
      return ot;
    }
    if (v instanceof OffsetDateTime odt) {
      return odt.toOffsetTime();
    }
    if (v instanceof Time || v instanceof Timestamp) {
      LocalDateTime ldt = v instanceof Timestamp ts ? timestampOf(ts, text)
          : LocalDate.now().atTime(timeOf((Time) v, text));
      return sessionOffsetDateTime(ldt).toOffsetTime();
    }
    if (v instanceof String s) {
      try {
        return OffsetTime.parse(s.trim());
      } catch (RuntimeException e) {
        throw cannotParse("TIME WITH TIME ZONE", s);
      }
    }
    throw conversion(c, "TIME WITH TIME ZONE");
  }

  /**
   * A local date-time with the session zone's offset; like H2, a wall time in a DST gap keeps
   * its fields and takes the offset after the gap (java.time would move it forward).
   */
  private static OffsetDateTime sessionOffsetDateTime(LocalDateTime ldt) {
    java.time.zone.ZoneRules rules = TimeZone.getDefault().toZoneId().getRules();
    java.util.List<java.time.ZoneOffset> valid = rules.getValidOffsets(ldt);
    java.time.ZoneOffset offset = valid.isEmpty()
        ? rules.getTransition(ldt).getOffsetAfter() : valid.get(0);
    return OffsetDateTime.of(ldt, offset);
  }

  /** H2 puts a TIME WITH TIME ZONE on the session's current date, keeping its offset. */
  private static OffsetDateTime today(OffsetTime ot) {
    return OffsetDateTime.of(LocalDate.now(TimeZone.getDefault().toZoneId()), ot.toLocalTime(),
        ot.getOffset());
  }

  private static LocalDateTime sessionLocal(OffsetDateTime odt) {
    return odt.atZoneSameInstant(TimeZone.getDefault().toZoneId()).toLocalDateTime();
  }

  /**
   * A TIMESTAMP's local date-time: H2's text when it parses (a java.sql.Timestamp cannot hold a
   * wall time that falls in a DST gap of the JVM's zone), else the Timestamp's.
   */
  private static LocalDateTime timestampOf(Timestamp ts, String text) {
    if (text != null) {
      try {
        return LocalDateTime.parse(text.trim().replace(' ', 'T'));
      } catch (RuntimeException e) {
        // not ISO (e.g. a year beyond 9999): fall back to the value
      }
    }
    return ts.toLocalDateTime();
  }

  /** A Time's local time, with the fraction the text shows (java.sql.Time keeps only millis). */
  private static LocalTime timeOf(Time t, String text) {
    try {
      return LocalTime.parse(text.trim());
    } catch (RuntimeException e) {
      return LocalTime.ofNanoOfDay(0).plusNanos(
          (t.getTime() - Temporals.millis(1970, 1, 1, 0, 0, 0, 0, TimeZone.getDefault()))
              % 86_400_000L * 1_000_000L);
    }
  }

  private SQLException outOfRange(String s) {
    return errors.outOfRange(s);
  }

  private SQLException parseError(String s) {
    return errors.cannotConvert(s);
  }

  private SQLException cannotParse(String type, String s) {
    return errors.cannotParse(type, s);
  }
}
