package dev.jdbccache.driver.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Which cell values may be recorded, how they are copied in and out, and what they weigh.
 *
 * <p>Only classes whose instances are immutable, or are copied on the way in and out, are
 * accepted: a recording is shared by every reader of a cache entry.
 */
final class CellValues {
  /** Exact classes of recordable scalar values. */
  static final Set<Class<?>> SCALARS = Set.of(
      String.class, Boolean.class, Byte.class, Short.class, Integer.class, Long.class,
      Float.class, Double.class, BigDecimal.class, BigInteger.class, byte[].class,
      Date.class, Time.class, Timestamp.class, LocalDate.class, LocalTime.class,
      LocalDateTime.class, OffsetDateTime.class, OffsetTime.class, ZonedDateTime.class,
      Instant.class, UUID.class);

  private CellValues() {}

  static boolean isScalar(Object v) {
    if (v == null) {
      return true;
    }
    Class<?> c = v.getClass();
    // the commonest classes first: a lookup in the set costs more than these comparisons
    return c == String.class || c == Integer.class || c == Long.class || c == BigDecimal.class
        || SCALARS.contains(c);
  }

  /** A private copy of a mutable value; immutable values are returned as they are. */
  static Object copy(Object v) {
    if (v instanceof byte[] b) {
      return b.clone();
    }
    if (v instanceof Timestamp t) {
      Timestamp c = new Timestamp(t.getTime());
      c.setNanos(t.getNanos());
      return c;
    }
    if (v instanceof Date d) {
      return new Date(d.getTime());
    }
    if (v instanceof Time t) {
      return new Time(t.getTime());
    }
    return v;
  }

  /** The text JDBC's getString would give when the driver's text was not recorded. */
  static String defaultText(Object v) {
    if (v instanceof byte[] b) {
      return hex(b); // the recorder stores the driver's text for byte arrays; this is a fallback
    }
    return v == null ? null : v.toString();
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder(2 * b.length);
    for (byte x : b) {
      sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
    return sb.toString();
  }

  /** Rough retained heap size of a value in bytes (64-bit JVM, compressed oops). */
  static long estimate(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof String s) {
      return 40 + 2L * s.length();
    }
    if (v instanceof Integer || v instanceof Long) {
      return 24;
    }
    if (v instanceof byte[] b) {
      return 16 + b.length;
    }
    if (v instanceof BigDecimal d) {
      // p decimal digits take about p * log2(10) / 8 = 0.415 p bytes. precision() is computed
      // once per value without allocating; unscaledValue() would allocate a BigInteger for every
      // decimal that fits in a long.
      return 64 + d.precision() * 5L / 12;
    }
    if (v instanceof BigInteger i) {
      return 40 + i.bitLength() / 8;
    }
    if (v instanceof RecordedArray a) {
      return a.estimatedBytes();
    }
    if (v instanceof Boolean) {
      return 0; // shared constants
    }
    if (v instanceof OffsetDateTime || v instanceof ZonedDateTime || v instanceof LocalDateTime) {
      return 72;
    }
    return 24;
  }
}
