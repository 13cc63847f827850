package dev.jdbccache.driver.result;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Builds {@code java.sql} date/time values from local fields in a time zone, the way the drivers
 * do: through a {@link GregorianCalendar} (so very old dates use the same hybrid Julian calendar
 * as {@code java.sql.Date}).
 */
final class Temporals {
  private Temporals() {}

  static TimeZone zone(Calendar cal) {
    return cal == null ? TimeZone.getDefault() : cal.getTimeZone();
  }

  /** Epoch millis of the local date-time (astronomical year) in {@code tz}. */
  static long millis(int year, int month, int day, int hour, int minute, int second, int millis,
      TimeZone tz) {
    GregorianCalendar c = new GregorianCalendar(tz);
    c.clear();
    c.set(Calendar.ERA, year <= 0 ? GregorianCalendar.BC : GregorianCalendar.AD);
    c.set(Calendar.YEAR, year <= 0 ? 1 - year : year);
    c.set(Calendar.MONTH, month - 1);
    c.set(Calendar.DAY_OF_MONTH, day);
    c.set(Calendar.HOUR_OF_DAY, hour);
    c.set(Calendar.MINUTE, minute);
    c.set(Calendar.SECOND, second);
    c.set(Calendar.MILLISECOND, millis);
    return c.getTimeInMillis();
  }

  static Timestamp timestamp(LocalDateTime t, TimeZone tz) {
    long ms = millis(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
        t.getMinute(), t.getSecond(), 0, tz);
    Timestamp ts = new Timestamp(ms);
    ts.setNanos(t.getNano());
    return ts;
  }

  static Date date(LocalDate d, TimeZone tz) {
    return new Date(millis(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), 0, 0, 0, 0, tz));
  }

  /** A Time on 1970-01-01 in {@code tz}, with millisecond precision. */
  static Time time(LocalTime t, TimeZone tz) {
    return new Time(millis(1970, 1, 1, t.getHour(), t.getMinute(), t.getSecond(),
        t.getNano() / 1_000_000, tz));
  }

  /** The wall clock of a Timestamp in {@code tz}. */
  static LocalDateTime localDateTime(Timestamp ts, TimeZone tz) {
    GregorianCalendar c = new GregorianCalendar(tz);
    c.setTimeInMillis(ts.getTime());
    int year = c.get(Calendar.YEAR);
    if (c.get(Calendar.ERA) == GregorianCalendar.BC) {
      year = 1 - year;
    }
    return LocalDateTime.of(year, c.get(Calendar.MONTH) + 1, c.get(Calendar.DAY_OF_MONTH),
        c.get(Calendar.HOUR_OF_DAY), c.get(Calendar.MINUTE), c.get(Calendar.SECOND),
        ts.getNanos());
  }

  /** The local date of epoch millis in {@code tz}. */
  static LocalDate localDate(long epochMillis, TimeZone tz) {
    Timestamp ts = new Timestamp(epochMillis);
    return localDateTime(ts, tz).toLocalDate();
  }
}
