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
      ResultSet rs = new RecordingResultSet(st.executeQuery(TEN_ROWS), st, 100, 1 << 20,
          r -> {
            throw new IllegalStateException("store down");
          });
      readAll(rs);
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
