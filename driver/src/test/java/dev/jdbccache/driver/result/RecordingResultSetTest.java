package dev.jdbccache.driver.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordingResultSetTest {
  private static final String TEN_ROWS =
      "select x, 'row ' || x as s from system_range(1, 10) order by x";

  private final List<Recording> delivered = new ArrayList<>();

  private ResultSet recording(Statement st, String sql, int maxRows, long maxBytes)
      throws SQLException {
    return new RecordingResultSet(st.executeQuery(sql), st, maxRows, maxBytes, delivered::add);
  }

  @Test
  void completion_isHandedOverOnceAtTheTrueEnd() throws SQLException {
    try (Connection c = TestDatabases.H2.connect(); Statement st = c.createStatement()) {
      ResultSet rs = recording(st, TEN_ROWS, 100, 1 << 20);
      for (int i = 0; i < 10; i++) {
        assertTrue(rs.next());
        assertTrue(delivered.isEmpty());
      }
      assertFalse(rs.next());
      assertFalse(rs.next());
      rs.close();
      assertEquals(1, delivered.size());
      assertEquals(10, delivered.get(0).rowCount());
      assertTrue(delivered.get(0).estimatedBytes() > 10 * 20);
    }
  }

  @Test
  void earlyClose_recordsTheRestWithinTheLimits() throws SQLException {
    try (Connection c = TestDatabases.H2.connect(); Statement st = c.createStatement()) {
      ResultSet rs = recording(st, TEN_ROWS, 100, 1 << 20);
      rs.next();
      rs.close();
      assertEquals(1, delivered.size());
      assertEquals(10, delivered.get(0).rowCount());
      assertTrue(rs.isClosed());
    }
  }

  @Test
  void earlyClose_overTheLimits_handsOverNothing() throws SQLException {
    try (Connection c = TestDatabases.H2.connect(); Statement st = c.createStatement()) {
      ResultSet rs = recording(st, TEN_ROWS, 5, 1 << 20);
      rs.next();
      rs.close();
      assertTrue(delivered.isEmpty());
      assertTrue(rs.isClosed());
    }
  }

  @Test
  void overTheRowOrByteLimit_handsOverNothing() throws SQLException {
    try (Connection c = TestDatabases.H2.connect(); Statement st = c.createStatement()) {
      readAll(recording(st, TEN_ROWS, 9, 1 << 20));
      readAll(recording(st, TEN_ROWS, 100, 300));
      assertTrue(delivered.isEmpty());
      readAll(recording(st, TEN_ROWS, 10, 1 << 20));
      assertEquals(1, delivered.size());
    }
  }

  @Test
  void unsupportedValue_handsOverNothing() throws SQLException {
    try (Connection c = TestDatabases.H2.connect(); Statement st = c.createStatement()) {
      ResultSet rs = recording(st, "select cast('x' as clob) as c, 1 as n", 100, 1 << 20);
      assertTrue(rs.next());
      assertEquals("x", rs.getString(1));
      assertFalse(rs.next());
      assertTrue(delivered.isEmpty());
    }
  }

  @Test
  void anyOtherCursorMove_handsOverNothing() throws SQLException {
    try (Connection c = TestDatabases.H2.connect();
        Statement st = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE,
            ResultSet.CONCUR_READ_ONLY)) {
      ResultSet rs = recording(st, TEN_ROWS, 100, 1 << 20);
      rs.next();
      rs.next();
      assertTrue(rs.previous());
      assertEquals(1, rs.getInt(1));
      readAll(rs);
      rs = recording(st, TEN_ROWS, 100, 1 << 20);
      rs.absolute(3);
      readAll(rs);
      rs = recording(st, TEN_ROWS, 100, 1 << 20);
      rs.beforeFirst();
      readAll(rs);
      assertTrue(delivered.isEmpty());
    }
  }

  @Test
  void aFailedGetterOfTheApplication_leavesTheRecordingIntact() throws SQLException {
    try (Connection c = TestDatabases.H2.connect(); Statement st = c.createStatement()) {
      ResultSet rs = recording(st, TEN_ROWS, 100, 1 << 20);
      rs.next();
      assertThrows(SQLException.class, () -> rs.getInt("s"));
      readAll(rs);
      assertEquals(1, delivered.size(), "the values recorded are the real ones whatever the application asked");
    }
  }

  @Test
  void aFailureOfNext_handsOverNothing() throws SQLException {
    try (Connection c = TestDatabases.H2.connect(); Statement st = c.createStatement()) {
      ResultSet real = st.executeQuery(TEN_ROWS);
      int[] calls = {0};
      ResultSet failing = (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
            if (method.getName().equals("next") && ++calls[0] == 3) {
              throw new SQLException("connection lost", "08006");
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      ResultSet rs = new RecordingResultSet(failing, st, 100, 1 << 20, delivered::add);
      assertThrows(SQLException.class, () -> readAll(rs));
      rs.close();
      assertTrue(delivered.isEmpty());
    }
  }

  @Test
  void aFailureOfTheRecorderItself_neverFailsTheQuery() throws SQLException {
    try (Connection c = TestDatabases.H2.connect(); Statement st = c.createStatement()) {
      ResultSet real = st.executeQuery(TEN_ROWS);
      // getObject (used only by the recorder here) breaks; the application reads with getInt
      ResultSet flaky = (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
            if (method.getName().equals("getObject")) {
              throw new IllegalStateException("recorder-only failure");
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      ResultSet rs = new RecordingResultSet(flaky, st, 100, 1 << 20, delivered::add);
      int sum = 0;
      while (rs.next()) {
        sum += rs.getInt(1);
      }
      assertEquals(55, sum);
      assertTrue(delivered.isEmpty());
    }
  }

  @Test
  void aConsumerThatThrows_doesNotFailTheQuery() throws SQLException {
    try (Connection c = TestDatabases.H2.connect(); Statement st = c.createStatement()) {
      List<Recording> offered = new ArrayList<>();
      ResultSet rs = new RecordingResultSet(st.executeQuery(TEN_ROWS), st, 100, 1 << 20,
          r -> {
            offered.add(r);
            throw new IllegalStateException("store down");
          });
      int rows = 0;
      while (rs.next()) {
        rows++;
        assertEquals(rows, rs.getInt(1));
        assertEquals("row " + rows, rs.getString(2));
      }
      rs.close();
      assertEquals(10, rows, "the application read every row");
      assertTrue(rs.isClosed());
      assertEquals(1, offered.size(), "the complete recording reached the consumer, which threw");
      assertEquals(10, offered.get(0).rowCount());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void whileRecording_theApplicationSeesExactlyTheRealValues(TestDatabases db) throws Exception {
    String sql = "select 1.50 as d, cast(null as integer) as n, 'x' as s,"
        + " cast('2024-01-02 10:11:12.5' as timestamp) as t union all"
        + " select 2.25, 7, null, null";
    try (Connection c = db.connect(); Statement st = c.createStatement();
        Statement plain = c.createStatement()) {
      ResultSet rs = recording(st, sql + " order by 1", 100, 1 << 20);
      ResultSet reference = plain.executeQuery(sql + " order by 1");
      while (reference.next()) {
        assertTrue(rs.next());
        for (int i = 1; i <= 4; i++) {
          assertEquals(DifferentialGetterTest.describe(reference.getObject(i)),
              DifferentialGetterTest.describe(rs.getObject(i)));
          assertEquals(reference.wasNull(), rs.wasNull());
          assertEquals(reference.getString(i), rs.getString(i));
          assertEquals(reference.wasNull(), rs.wasNull());
        }
      }
      assertFalse(rs.next());
      assertEquals(1, delivered.size());
    }
  }

  /** Columns of every class the local getters serve, each with a second row of SQL NULLs. */
  private static final String SERVED_TYPES = "select cast(%s as integer) as i,"
      + " cast(%s as bigint) as l, cast(%s as smallint) as sm, cast(%s as varchar(20)) as s,"
      + " cast(%s as numeric(10,2)) as d, cast(%s as double precision) as f8,"
      + " cast(%s as real) as f4, cast(%s as boolean) as b, cast(%s as numeric(24,3)) as big,"
      + " cast(%s as numeric(20,10)) as tiny, cast(%s as timestamp) as ts";
  private static final String SERVED_ROWS = servedRows("100", "2.5e20", "0.00000001");
  /** pgjdbc's text of these is the same in both transfer formats: a prepared result is kept. */
  private static final String SERVED_ROWS_BOTH_FORMATS = servedRows("1.25", "-3.75", "0.5");

  /** Three rows: {@code float8} and {@code tiny} texts may differ from their values' own. */
  private static String servedRows(String float8, String otherFloat8, String tiny) {
    return String.format(SERVED_TYPES, "-7", "5000000000", "3", "'12'", "1.50", float8, "1.5",
        "true", "-123456789012345678.125", tiny, "'2024-01-02 10:11:12'")
        + " union all " + String.format(SERVED_TYPES, "2147483647", "-1", "-32768", "'t'",
        "-0.05", otherFloat8, "-0.25", "false", "0", "12.5", "'1999-12-31 23:59:59.5'")
        + " union all " + String.format(SERVED_TYPES,
        (Object[]) "null,null,null,null,null,null,null,null,null,null,null".split(","))
        + " order by 1";
  }

  private interface Getter {
    Object on(ResultSet rs) throws SQLException;
  }

  /** A getter's answer and wasNull after it, or its error as the differential suite sees it. */
  private static String outcome(ResultSet rs, Getter getter) {
    try {
      Object v = getter.on(rs);
      return DifferentialGetterTest.describe(v) + " wasNull=" + rs.wasNull();
    } catch (SQLException e) {
      return "SQLException[" + e.getSQLState() + "," + e.getErrorCode() + "] " + e.getMessage();
    } catch (RuntimeException e) {
      return e.getClass().getName() + " " + e.getMessage();
    }
  }

  private static List<Getter> gettersOf(int column, String label) {
    return List.of(
        rs -> rs.getObject(column), rs -> rs.getString(column), rs -> rs.getInt(column),
        rs -> rs.getLong(column), rs -> rs.getShort(column), rs -> rs.getByte(column),
        rs -> rs.getBoolean(column), rs -> rs.getDouble(column), rs -> rs.getFloat(column),
        rs -> rs.getBigDecimal(column), rs -> rs.getObject(label), rs -> rs.getString(label),
        rs -> rs.getInt(label), rs -> rs.getLong(label), rs -> rs.getBigDecimal(label),
        rs -> rs.getBoolean(label), rs -> rs.getDouble(label), rs -> rs.getTimestamp(column),
        rs -> rs.getBytes(column), rs -> rs.getObject(column, String.class));
  }

  /** Reads {@code recorded} and {@code plain} side by side with every getter, in every order. */
  private static void assertSameAnswers(ResultSet recorded, ResultSet plain) throws SQLException {
    assertSameAnswers(recorded, plain, true);
  }

  /** As above; {@code served}: whether the recording answers locally (it was not abandoned). */
  private static void assertSameAnswers(ResultSet recorded, ResultSet plain, boolean served)
      throws SQLException {
    int columns = plain.getMetaData().getColumnCount();
    List<String> differences = new ArrayList<>();
    int rows = 0;
    while (plain.next()) {
      assertTrue(recorded.next());
      rows++;
      assertEquals(served, ((RecordingResultSet) recorded).servesCurrentRow(), "row " + rows);
      for (int c = 1; c <= columns; c++) {
        List<Getter> getters = gettersOf(c, plain.getMetaData().getColumnLabel(c));
        for (int g = 0; g < getters.size(); g++) {
          // each getter twice, after every other one: wasNull must follow whoever answered
          for (Getter before : List.of(getters.get(g), getters.get((g + 1) % getters.size()))) {
            String expected = outcome(plain, before) + " then " + outcome(plain, getters.get(g));
            String actual =
                outcome(recorded, before) + " then " + outcome(recorded, getters.get(g));
            if (!expected.equals(actual)) {
              differences.add("row " + rows + " column " + c + " getter " + g + ": real "
                  + expected + " / recording " + actual);
            }
          }
        }
      }
    }
    assertFalse(recorded.next());
    assertEquals(List.of(), differences);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void answersFromTheRecordedRow_areTheRealDriversAnswers(TestDatabases db) throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement();
        Statement plain = c.createStatement()) {
      assertSameAnswers(recording(st, SERVED_ROWS, 100, 1 << 20),
          plain.executeQuery(SERVED_ROWS));
      assertEquals(1, delivered.size());
    }
  }

  @Test
  void answersFromTheRecordedRow_inBothOfPgjdbcsTransferFormats() throws Exception {
    try (Connection c = TestDatabases.POSTGRESQL.connect();
        java.sql.PreparedStatement ps = c.prepareStatement(SERVED_ROWS_BOTH_FORMATS);
        java.sql.PreparedStatement plain = c.prepareStatement(SERVED_ROWS_BOTH_FORMATS)) {
      // pgjdbc switches a prepared statement to binary after prepareThreshold (5) executions
      for (int i = 0; i < 7; i++) {
        assertSameAnswers(new RecordingResultSet(ps.executeQuery(), ps, 100, 1 << 20,
            delivered::add), plain.executeQuery());
      }
      assertEquals(7, delivered.size());
    }
  }

  @Test
  void aNegativeNumericScale_isAnsweredByTheDriver_andNotRecordedFromAPreparedStatement()
      throws Exception {
    // PostgreSQL 15: getObject answers 1.23E+4, getBigDecimal 12300; getString "12300" in text
    // format and "1.23E+4" in binary
    String sql = "select cast(12345 as numeric(5,-2)) as n";
    try (Connection c = TestDatabases.POSTGRESQL.connect(); Statement st = c.createStatement();
        Statement plain = c.createStatement()) {
      assertSameAnswers(recording(st, sql, 100, 1 << 20), plain.executeQuery(sql));
      assertEquals(1, delivered.size());
      try (java.sql.PreparedStatement ps = c.prepareStatement(sql);
          java.sql.PreparedStatement reference = c.prepareStatement(sql)) {
        for (int i = 0; i < 7; i++) {
          assertSameAnswers(new RecordingResultSet(ps.executeQuery(), ps, 100, 1 << 20,
              delivered::add), reference.executeQuery(), false);
        }
      }
      assertEquals(1, delivered.size());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void theWeightAddedUpWhileRecording_isTheWeightOfTheRecording(TestDatabases db)
      throws Exception {
    try (Connection c = db.connect()) {
      for (String sql : List.of(SERVED_ROWS, "select 1 as one", "select 'a' as s where 1 = 0",
          "select cast(x as double precision) / 4 as d, x = 2 as b, cast(x as varchar(9)) as s"
              + (db == TestDatabases.H2 ? " from system_range(1, 40)"
                  : " from generate_series(1, 40) as g(x)"))) {
        Recording recorded = TestDatabases.record(c, sql);
        // the recorder adds the weight up row by row; a recording built from the same cells
        // computes it from them
        Object[][] values = new Object[recorded.rowCount()][recorded.columnCount()];
        String[][] texts = new String[recorded.rowCount()][];
        for (int row = 0; row < values.length; row++) {
          for (int col = 0; col < recorded.columnCount(); col++) {
            values[row][col] = recorded.value(row, col);
            if (recorded.storedText(row, col) != null) {
              if (texts[row] == null) {
                texts[row] = new String[recorded.columnCount()];
              }
              texts[row][col] = recorded.storedText(row, col);
            }
          }
        }
        Recording rebuilt = new Recording(recorded.profile(), recorded.driverVersion(),
            recorded.columnArray(), values, texts, recorded.warningList());
        assertEquals(rebuilt, recorded, sql);
        assertEquals(rebuilt.estimatedBytes(), recorded.estimatedBytes(), sql);
      }
    }
  }

  @Test
  void anAbandonedRecording_leavesEveryGetterToTheDriver() throws SQLException {
    try (Connection c = TestDatabases.H2.connect(); Statement st = c.createStatement()) {
      RecordingResultSet rs = (RecordingResultSet) recording(st, TEN_ROWS, 3, 1 << 20);
      for (int row = 1; row <= 10; row++) {
        assertTrue(rs.next());
        assertEquals(row <= 3, rs.servesCurrentRow(), "row " + row);
        assertEquals(row, rs.getInt(1));
        assertEquals("row " + row, rs.getString(2));
      }
      rs.close();
      assertTrue(delivered.isEmpty());
    }
  }

  @Test
  void aCursorMoveOtherThanNext_leavesEveryGetterToTheDriver() throws SQLException {
    try (Connection c = TestDatabases.H2.connect();
        Statement st = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE,
            ResultSet.CONCUR_READ_ONLY)) {
      RecordingResultSet rs = (RecordingResultSet) recording(st, TEN_ROWS, 100, 1 << 20);
      rs.next();
      rs.next();
      assertTrue(rs.servesCurrentRow());
      assertTrue(rs.previous());
      assertFalse(rs.servesCurrentRow());
      assertEquals(1, rs.getInt(1));
      assertTrue(rs.next());
      assertFalse(rs.servesCurrentRow());
      assertEquals(2, rs.getInt(1));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aResultSetClosedUnderneath_throwsTheRealDriversError(TestDatabases db) throws Exception {
    try (Connection c = db.connect()) {
      Statement st = c.createStatement();
      Statement plain = c.createStatement();
      ResultSet rs = recording(st, SERVED_ROWS, 100, 1 << 20);
      ResultSet reference = plain.executeQuery(SERVED_ROWS);
      rs.next();
      reference.next();
      st.close(); // closes its result set
      plain.close();
      for (Getter getter : gettersOf(1, "i")) {
        assertEquals(outcome(reference, getter), outcome(rs, getter));
      }
      assertEquals(outcome(reference, ResultSet::wasNull), outcome(rs, ResultSet::wasNull));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void afterTheLastRow_andAfterClose_theRealDriverAnswers(TestDatabases db) throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement();
        Statement plain = c.createStatement()) {
      ResultSet rs = recording(st, SERVED_ROWS, 100, 1 << 20);
      ResultSet reference = plain.executeQuery(SERVED_ROWS);
      while (reference.next()) {
        rs.next();
      }
      assertFalse(rs.next());
      for (Getter getter : gettersOf(1, "i")) {
        assertEquals(outcome(reference, getter), outcome(rs, getter));
      }
      rs.close();
      reference.close();
      for (Getter getter : gettersOf(1, "i")) {
        assertEquals(outcome(reference, getter), outcome(rs, getter));
      }
    }
  }

  @Test
  void statementAndUnwrap_pointAtTheOwnerAndTheRealResultSet() throws SQLException {
    try (Connection c = TestDatabases.H2.connect(); Statement st = c.createStatement();
        Statement owner = c.createStatement()) {
      ResultSet real = st.executeQuery(TEN_ROWS);
      ResultSet rs = new RecordingResultSet(real, owner, 100, 1 << 20, delivered::add);
      assertSame(owner, rs.getStatement());
      assertSame(rs, rs.unwrap(RecordingResultSet.class));
      assertTrue(rs.isWrapperFor(org.h2.jdbc.JdbcResultSet.class));
      assertSame(real, rs.unwrap(org.h2.jdbc.JdbcResultSet.class));
      assertNotNull(rs.getMetaData());
      assertNull(rs.getWarnings());
    }
  }

  private static void readAll(ResultSet rs) throws SQLException {
    while (rs.next()) {
      rs.getObject(1);
    }
    rs.close();
  }
}
