package dev.jdbccache.driver.result;

import java.sql.Date;
import java.util.Calendar;
import java.util.GregorianCalendar;

/**
 * pgjdbc's {@code getDate} for a text of at most 13 bytes (its fast path for
 * {@code yyyy-mm-dd[ BC]}). pgjdbc does not validate that text: it reads digits up to each
 * {@code '-'} and lets the array index run out of bounds when there is none, so {@code getDate}
 * on an integer column throws {@link ArrayIndexOutOfBoundsException}. This does the same reads on
 * the same bytes, so a cached result fails identically. Like pgjdbc, it clears and sets the
 * caller's calendar.
 */
final class PgShortDate {
  private PgShortDate() {}

  static Date toDate(byte[] b, Calendar cal) {
    int len = b.length;
    int era = GregorianCalendar.AD;
    if (b[len - 2] == 'B' && b[len - 1] == 'C') {
      len -= 3;
      era = GregorianCalendar.BC;
    }
    int i = 0;
    int year = 0;
    while (b[i] != '-') {
      year = year * 10 + (b[i++] - '0');
    }
    i++;
    int month = 0;
    while (b[i] != '-') {
      month = month * 10 + (b[i++] - '0');
    }
    i++;
    int day = 0;
    while (i < len) {
      day = day * 10 + (b[i++] - '0');
    }
    Calendar c = cal != null ? cal : new GregorianCalendar();
    c.clear();
    c.set(Calendar.YEAR, year);
    c.set(Calendar.DAY_OF_MONTH, day);
    c.set(Calendar.MONTH, month - 1);
    c.set(Calendar.ERA, era);
    return new Date(c.getTimeInMillis());
  }
}
