package dev.jdbccache.driver.result;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The position of a cursor over {@code rows} rows, with JDBC's scrolling rules: 0 is before the
 * first row, {@code rows + 1} after the last; moves past either end stop there. A forward-only
 * cursor refuses every move but {@link #next()}.
 */
final class Cursor {
  private final int rows;
  private final boolean scrollable;
  private int position;

  Cursor(int rows, int resultSetType) {
    this.rows = rows;
    this.scrollable = resultSetType != ResultSet.TYPE_FORWARD_ONLY;
  }

  boolean next() {
    if (position <= rows) {
      position++;
    }
    return onRow();
  }

  boolean previous() throws SQLException {
    requireScrollable("previous");
    if (position > 0) {
      position--;
    }
    return onRow();
  }

  boolean absolute(int row) throws SQLException {
    requireScrollable("absolute");
    if (row >= 0) {
      position = Math.min(row, rows + 1);
    } else {
      position = Math.max(rows + 1 + row, 0);
    }
    return onRow();
  }

  boolean relative(int delta) throws SQLException {
    requireScrollable("relative");
    long target = (long) position + delta;
    position = (int) Math.max(0, Math.min(target, rows + 1));
    return onRow();
  }

  boolean first() throws SQLException {
    requireScrollable("first");
    position = rows > 0 ? 1 : 0;
    return onRow();
  }

  boolean last() throws SQLException {
    requireScrollable("last");
    position = rows;
    return onRow();
  }

  void beforeFirst() throws SQLException {
    requireScrollable("beforeFirst");
    position = 0;
  }

  void afterLast() throws SQLException {
    requireScrollable("afterLast");
    position = rows + 1;
  }

  boolean isBeforeFirst() {
    return rows > 0 && position == 0;
  }

  boolean isAfterLast() {
    return rows > 0 && position == rows + 1;
  }

  boolean isFirst() {
    return rows > 0 && position == 1;
  }

  boolean isLast() {
    return rows > 0 && position == rows;
  }

  /** The current row, 1-based, or 0 when not on a row. */
  int row() {
    return onRow() ? position : 0;
  }

  boolean onRow() {
    return position >= 1 && position <= rows;
  }

  boolean scrollable() {
    return scrollable;
  }

  private void requireScrollable(String operation) throws SQLException {
    if (!scrollable) {
      throw SqlErrors.of(SqlErrors.INVALID_CURSOR_STATE, "Operation " + operation
          + " requires a scrollable ResultSet, but this ResultSet is FORWARD_ONLY.");
    }
  }
}
