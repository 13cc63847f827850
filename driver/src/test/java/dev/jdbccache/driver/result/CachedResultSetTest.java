package dev.jdbccache.driver.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CachedResultSetTest {
  private static Connection h2;
  private static Recording threeRows;
  private static Recording empty;

  @BeforeAll
  static void record() throws SQLException {
    h2 = TestDatabases.H2.connect();
    threeRows = TestDatabases.record(h2,
        "select x as n, 'r' || x as Name, x * 10 as name from system_range(1, 3) order by x");
    empty = TestDatabases.record(h2, "select x from system_range(1, 3) where x > 5");
  }

  @AfterAll
  static void close() throws SQLException {
    h2.close();
  }

  private static ResultSet scrollable() {
    return new CachedResultSet(threeRows, null, ResultSet.TYPE_SCROLL_INSENSITIVE);
  }

  @Test
  void forwardOnly_readsInOrderAndRefusesEveryOtherMove() throws SQLException {
    ResultSet rs = new CachedResultSet(threeRows, null, ResultSet.TYPE_FORWARD_ONLY);
    assertTrue(rs.isBeforeFirst());
    for (int i = 1; i <= 3; i++) {
      assertTrue(rs.next());
      assertEquals(i, rs.getRow());
      assertEquals(i, rs.getInt(1));
    }
    assertTrue(rs.isLast());
    assertFalse(rs.next());
    assertTrue(rs.isAfterLast());
    assertEquals(0, rs.getRow());
    assertFalse(rs.next());
    assertThrows(SQLException.class, rs::previous);
    assertThrows(SQLException.class, () -> rs.absolute(1));
    assertThrows(SQLException.class, () -> rs.relative(-1));
    assertThrows(SQLException.class, rs::first);
    assertThrows(SQLException.class, rs::last);
    assertThrows(SQLException.class, rs::beforeFirst);
    assertThrows(SQLException.class, rs::afterLast);
    assertThrows(SQLException.class, () -> rs.setFetchDirection(ResultSet.FETCH_REVERSE));
    assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
  }

  @Test
  void scrollInsensitive_movesAnywhereAndStopsAtTheEnds() throws SQLException {
    ResultSet rs = scrollable();
    assertTrue(rs.last());
    assertEquals(3, rs.getInt(1));
    assertTrue(rs.isLast());
    assertTrue(rs.previous());
    assertEquals(2, rs.getRow());
    assertTrue(rs.first());
    assertTrue(rs.isFirst());
    assertFalse(rs.previous());
    assertTrue(rs.isBeforeFirst());
    assertFalse(rs.previous());
    assertTrue(rs.absolute(-1));
    assertEquals(3, rs.getInt(1));
    assertTrue(rs.absolute(-3));
    assertEquals(1, rs.getInt(1));
    assertFalse(rs.absolute(-4));
    assertTrue(rs.isBeforeFirst());
    assertFalse(rs.absolute(4));
    assertTrue(rs.isAfterLast());
    assertTrue(rs.absolute(2));
    assertTrue(rs.relative(1));
    assertEquals(3, rs.getRow());
    assertFalse(rs.relative(1));
    assertTrue(rs.isAfterLast());
    assertTrue(rs.relative(-2));
    assertEquals(2, rs.getInt(1));
    assertFalse(rs.relative(-5));
    assertTrue(rs.isBeforeFirst());
    rs.afterLast();
    assertTrue(rs.previous());
    assertEquals(3, rs.getInt(1));
    rs.beforeFirst();
    assertTrue(rs.next());
    assertEquals(1, rs.getInt(1));
    assertFalse(rs.absolute(0));
    assertEquals(0, rs.getRow());
    rs.setFetchDirection(ResultSet.FETCH_REVERSE);
    assertEquals(ResultSet.FETCH_REVERSE, rs.getFetchDirection());
  }

  @Test
  void emptyResult_hasNoRowsAndNoPosition() throws SQLException {
    ResultSet rs = new CachedResultSet(empty, null, ResultSet.TYPE_SCROLL_INSENSITIVE);
    assertFalse(rs.isBeforeFirst());
    assertFalse(rs.next());
    assertFalse(rs.isAfterLast());
    assertFalse(rs.first());
    assertFalse(rs.last());
    assertEquals(0, rs.getRow());
    assertEquals(1, rs.getMetaData().getColumnCount());
    assertThrows(SQLException.class, () -> rs.getInt(1));
  }

  @Test
  void getterWithoutACurrentRow_throws() throws SQLException {
    ResultSet rs = scrollable();
    assertThrows(SQLException.class, () -> rs.getString(1));
    rs.next();
    assertThrows(SQLException.class, () -> rs.getString(0));
    assertThrows(SQLException.class, () -> rs.getString(4));
  }

  @Test
  void findColumn_isCaseInsensitiveAndTheFirstMatchWins() throws SQLException {
    ResultSet rs = scrollable();
    rs.next();
    assertEquals(1, rs.findColumn("n"));
    assertEquals(2, rs.findColumn("NAME"));
    assertEquals(2, rs.findColumn("name"));
    assertEquals("r1", rs.getString("Name"));
    SQLException e = assertThrows(SQLException.class, () -> rs.findColumn("missing_col"));
    assertTrue(e.getMessage().contains("missing_col"), e.getMessage());
  }

  @Test
  void everyUpdate_isRefusedAsReadOnly() throws SQLException {
    ResultSet rs = scrollable();
    rs.next();
    assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
    for (Executable call : new Executable[] {() -> rs.updateInt(1, 5),
        () -> rs.updateString("name", "x"), rs::updateRow, rs::insertRow, rs::deleteRow,
        rs::refreshRow, rs::moveToInsertRow, rs::moveToCurrentRow, rs::cancelRowUpdates,
        () -> rs.updateNull(1), () -> rs.updateObject(1, 3)}) {
      SQLFeatureNotSupportedException e =
          assertThrows(SQLFeatureNotSupportedException.class, call::run);
      assertEquals("result set is read-only (CONCUR_READ_ONLY)", e.getMessage());
    }
    assertFalse(rs.rowUpdated());
    assertEquals(1, rs.getInt(1));
  }

  @Test
  void afterClose_everythingButCloseAndIsClosedThrows() throws SQLException {
    ResultSet rs = scrollable();
    rs.next();
    rs.close();
    rs.close();
    assertTrue(rs.isClosed());
    assertThrows(SQLException.class, () -> rs.getInt(1));
    assertThrows(SQLException.class, () -> rs.getString("n"));
    assertThrows(SQLException.class, rs::next);
    assertThrows(SQLException.class, rs::getMetaData);
    assertThrows(SQLException.class, rs::wasNull);
    assertThrows(SQLException.class, rs::getWarnings);
  }

  @Test
  void properties_answerLikeAReadOnlyResultSet() throws SQLException {
    try (Statement owner = h2.createStatement()) {
      ResultSet rs = new CachedResultSet(threeRows, owner, ResultSet.TYPE_FORWARD_ONLY);
      assertSame(owner, rs.getStatement());
      assertSame(rs, rs.unwrap(CachedResultSet.class));
      assertTrue(rs.isWrapperFor(ResultSet.class));
      assertThrows(SQLException.class, () -> rs.unwrap(Connection.class));
      ResultSetMetaData md = rs.getMetaData();
      assertTrue(md.isWrapperFor(ResultSetMetaData.class));
      assertSame(md, md.unwrap(ResultSetMetaData.class));
      assertEquals("NAME", md.getColumnLabel(2));
      assertThrows(SQLFeatureNotSupportedException.class, rs::getCursorName);
      rs.setFetchSize(50);
      assertEquals(0, rs.getFetchSize(), "H2 reports 0 whatever the hint");
      assertThrows(SQLException.class, () -> rs.setFetchSize(-1));
      assertNull(rs.getWarnings());
      rs.clearWarnings();
      assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, rs.getHoldability());
    }
  }

  @Test
  void mutableValues_areCopiedForEveryReader() throws SQLException {
    Recording r = TestDatabases.record(h2,
        "select X'0102' as b, timestamp '2024-01-02 03:04:05.123456' as t");
    ResultSet first = new CachedResultSet(r, null, ResultSet.TYPE_FORWARD_ONLY);
    first.next();
    ((byte[]) first.getObject(1))[0] = 99;
    first.getBytes(1)[0] = 99;
    ((java.sql.Timestamp) first.getObject(2)).setNanos(0);
    ResultSet second = new CachedResultSet(r, null, ResultSet.TYPE_FORWARD_ONLY);
    second.next();
    assertEquals(1, second.getBytes(1)[0]);
    assertEquals(123_456_000, second.getTimestamp(2).getNanos());
  }

  @Test
  void warnings_ofTheOriginalResult_areReturnedOnAHit() throws SQLException {
    Recording r = new Recording(Profile.H2, new ColumnInfo[0], new Object[0][],
        new String[0][], java.util.List.of(new WarningInfo("w1", "01000", 3)));
    ResultSet rs = new CachedResultSet(r, null, ResultSet.TYPE_FORWARD_ONLY);
    assertEquals("w1", rs.getWarnings().getMessage());
    assertEquals(3, rs.getWarnings().getErrorCode());
    rs.clearWarnings();
    assertNull(rs.getWarnings());
  }

  @Test
  void unsupportedResultSetType_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new CachedResultSet(threeRows, null, ResultSet.TYPE_SCROLL_SENSITIVE));
  }

  private interface Executable {
    void run() throws SQLException;
  }
}
