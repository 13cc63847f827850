package dev.jdbccache.driver.result;

import java.math.BigDecimal;

/**
 * Whether pgjdbc's {@code getString} text of a cell is the same whichever transfer format the
 * server used.
 *
 * <p>pgjdbc receives a prepared statement's rows as text until the connection has executed its
 * SQL {@code prepareThreshold} times (5 by default; the count is per connection, across
 * statements), then binary for some types; in binary {@code getString} is the Java value's
 * {@code toString}. (A plain {@code Statement} always receives text.) So a later read of
 * {@code float8} 1 answers {@code "1.0"} where an early one answered {@code "1"}, and
 * {@code bytea} answers {@code "[B@1b6d3586"} (an identity hash) where an early one answered
 * {@code "\\x01"}. A cache hit cannot know which of the two the real driver would have
 * produced, so a prepared statement's result holding such a cell is not recorded.
 *
 * <p>Only {@code getString} texts are checked; other getters are assumed to agree between the
 * formats.
 */
final class PgTransferFormats {
  private PgTransferFormats() {}

  /** True when {@code text} is what pgjdbc would answer in both formats. */
  static boolean sameTextInBothFormats(ColumnInfo c, Object value, String text) {
    if (value == null) {
      return true;
    }
    if (value instanceof BigDecimal d && d.scale() < 0) {
      // numeric(p, -s) (PostgreSQL 15), whatever the column's type name (a domain, say): text
      // format says "12300", binary says the value's "1.23E+4", and getBigDecimal parses that
      return false;
    }
    switch (c.columnTypeName()) {
      case "float4":
      case "float8":
      case "numeric":
        return text != null && text.equals(value.toString());
      case "bytea":
        return false;
      default:
        return true;
    }
  }
}
