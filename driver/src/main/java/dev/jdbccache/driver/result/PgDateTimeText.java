package dev.jdbccache.driver.result;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A date/time as PostgreSQL prints it in ISO DateStyle (the style pgjdbc forces):
 * {@code [YYYY-MM-DD][ ][HH:MM:SS[.ffffff]][+HH[:MM[:SS]]][ BC]}, or {@code infinity} /
 * {@code -infinity}. Parsing yields null for any other text.
 */
record PgDateTimeText(int infinity, boolean hasDate, int year, int month, int day,
    boolean hasTime, int hour, int minute, int second, int nanos, Integer offsetSeconds) {

  static PgDateTimeText parse(String s) {
    if (s == null) {
      return null;
    }
    s = s.trim();
    if (s.equals("infinity")) {
      return new PgDateTimeText(1, true, 0, 0, 0, false, 0, 0, 0, 0, null);
    }
    if (s.equals("-infinity")) {
      return new PgDateTimeText(-1, true, 0, 0, 0, false, 0, 0, 0, 0, null);
    }
    boolean bc = false;
    if (s.endsWith(" BC")) {
      bc = true;
      s = s.substring(0, s.length() - 3);
    }
    Cursor c = new Cursor(s);
    boolean hasDate = false;
    int year = 1970;
    int month = 1;
    int day = 1;
    int dash = s.indexOf('-', 1);
    int colon = s.indexOf(':');
    if (dash > 0 && (colon < 0 || dash < colon)) {
      year = c.digits(1, 9);
      if (!c.take('-')) {
        return null;
      }
      month = c.digits(1, 2);
      if (!c.take('-')) {
        return null;
      }
      day = c.digits(1, 2);
      if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
        return null;
      }
      hasDate = true;
      if (bc) {
        year = 1 - year;
      }
      c.take(' ');
      c.take('T');
    }
    boolean hasTime = false;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanos = 0;
    if (!c.atEnd() && Character.isDigit(c.peek())) {
      hour = c.digits(1, 2);
      if (!c.take(':')) {
        return null;
      }
      minute = c.digits(2, 2);
      if (c.take(':')) {
        second = c.digits(2, 2);
      }
      if (c.take('.')) {
        int start = c.pos;
        int frac = c.digits(1, 9);
        if (frac < 0) {
          return null;
        }
        int len = c.pos - start;
        for (int i = len; i < 9; i++) {
          frac *= 10;
        }
        nanos = frac;
      }
      if (hour < 0 || minute < 0 || second < 0 || hour > 24 || minute > 59 || second > 60) {
        return null;
      }
      hasTime = true;
    }
    Integer offset = null;
    if (!c.atEnd() && (c.peek() == '+' || c.peek() == '-')) {
      int sign = c.peek() == '-' ? -1 : 1;
      c.pos++;
      int oh = c.digits(1, 2);
      int om = c.take(':') ? c.digits(2, 2) : 0;
      int os = c.take(':') ? c.digits(2, 2) : 0;
      if (oh < 0 || om < 0 || os < 0) {
        return null;
      }
      offset = sign * (oh * 3600 + om * 60 + os);
    }
    if (!c.atEnd() || (!hasDate && !hasTime)) {
      return null;
    }
    return new PgDateTimeText(0, hasDate, year, month, day, hasTime, hour, minute, second, nanos,
        offset);
  }

  LocalDate localDate() {
    if (infinity != 0) {
      return infinity > 0 ? LocalDate.MAX : LocalDate.MIN;
    }
    return LocalDate.of(year, month, day);
  }

  LocalTime localTime() {
    if (hour == 24) {
      return LocalTime.MAX;
    }
    return LocalTime.of(hour, minute, second, nanos);
  }

  LocalDateTime localDateTime() {
    if (infinity != 0) {
      return infinity > 0 ? LocalDateTime.MAX : LocalDateTime.MIN;
    }
    return LocalDateTime.of(year, month, day, 0, 0).plusHours(hour).plusMinutes(minute)
        .plusSeconds(second).plusNanos(nanos);
  }

  OffsetDateTime offsetDateTime() {
    if (infinity != 0) {
      return infinity > 0 ? OffsetDateTime.MAX : OffsetDateTime.MIN;
    }
    ZoneOffset off = ZoneOffset.ofTotalSeconds(offsetSeconds == null ? 0 : offsetSeconds);
    return localDateTime().atOffset(off).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static final class Cursor {
    final String s;
    int pos;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    char peek() {
      return s.charAt(pos);
    }

    boolean take(char ch) {
      if (!atEnd() && s.charAt(pos) == ch) {
        pos++;
        return true;
      }
      return false;
    }

    /** Reads min..max digits; -1 when fewer than min. */
    int digits(int min, int max) {
      int start = pos;
      int v = 0;
      while (!atEnd() && pos - start < max && Character.isDigit(peek())) {
        v = v * 10 + (peek() - '0');
        pos++;
      }
      return pos - start < min ? -1 : v;
    }
  }
}
