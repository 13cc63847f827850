package dev.jdbccache.driver.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What a hit answers where the real driver's answer is an error or depends on driver details:
 * each case runs the real driver and a cached result of the same query side by side.
 */
class DriverFidelityTest {

  private interface Call {
    Object on(ResultSet rs) throws Exception;
  }

  /** An outcome as the differential suite compares it: standard class, state, code, message. */
  private static String outcome(ResultSet rs, Call call) {
    try {
      return "value " + call.on(rs);
    } catch (SQLException e) {
      Class<?> c = e.getClass();
      while (!c.getName().startsWith("java.")) {
        c = c.getSuperclass();
      }
      return c.getSimpleName() + "[" + e.getSQLState() + "," + e.getErrorCode() + "] "
          + e.getMessage();
    } catch (Exception e) {
      return e.getClass().getName() + " " + e.getMessage();
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static Recording recordPrepared(Connection c, String sql, Binder binder)
      throws SQLException {
    AtomicReference<Recording> out = new AtomicReference<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = new RecordingResultSet(ps.executeQuery(), ps, 1000, 1L << 20,
          out::set)) {
        while (rs.next()) {
          // read to the end
        }
      }
    }
    return out.get();
  }

  /** Moves both result sets the same way, then compares every call's outcome. */
  private static void assertSameOutcomes(Connection c, String sql, int rowsToSkip,
      Map<String, Call> calls) throws SQLException {
    Recording recording = TestDatabases.record(c, sql);
    try (Statement st = c.createStatement(); ResultSet real = st.executeQuery(sql);
        ResultSet cached = new CachedResultSet(recording, st, ResultSet.TYPE_FORWARD_ONLY)) {
      for (int i = 0; i < rowsToSkip; i++) {
        real.next();
        cached.next();
      }
      List<String> differences = new ArrayList<>();
      calls.forEach((name, call) -> {
        String expected = outcome(real, call);
        String actual = outcome(cached, call);
        if (!expected.equals(actual)) {
          differences.add(name + ": real " + expected + " / cached " + actual);
        }
      });
      assertEquals(List.of(), differences);
    }
  }

  @Test
  void h2GetterErrors_matchH2sClassStateCodeAndMessage() throws SQLException {
    try (Connection h2 = TestDatabases.H2.connect()) {
      String sql = "select 5 as i, 'a\"bc' as s, cast(1e10 as double precision) as d,"
          + " date '2024-02-29' as dt, x.title as name from (select 'Eng' as title) x";
      Map<String, Call> onRow = Map.of(
          "getInt(varchar)", rs -> rs.getInt(2),
          "getBoolean(varchar)", rs -> rs.getBoolean(2),
          "getInt(double out of range)", rs -> rs.getInt(3),
          "getTime(date)", rs -> rs.getTime(4),
          "getDate(int)", rs -> rs.getDate(1),
          "getInt(0)", rs -> rs.getInt(0),
          "findColumn(underlying name)", rs -> rs.findColumn("title"),
          "findColumn(missing)", rs -> rs.findColumn("missing"),
          "getObject(StringBuilder)", rs -> rs.getObject(1, StringBuilder.class),
          "getObject(UUID)", rs -> rs.getObject(1, UUID.class));
      assertSameOutcomes(h2, sql, 1, onRow);
      assertSameOutcomes(h2, sql, 0, Map.of("getInt before first", rs -> rs.getInt(1)));
      assertSameOutcomes(h2, sql, 2, Map.of("getInt after last", rs -> rs.getInt(1)));
    }
  }

  @Test
  void h2ClosedResultSet_throwsH2sObjectClosed() throws SQLException {
    try (Connection h2 = TestDatabases.H2.connect(); Statement st = h2.createStatement()) {
      Recording recording = TestDatabases.record(h2, "select 1");
      ResultSet real = st.executeQuery("select 1");
      ResultSet cached = new CachedResultSet(recording, st, ResultSet.TYPE_FORWARD_ONLY);
      real.close();
      cached.close();
      assertEquals(outcome(real, ResultSet::next), outcome(cached, ResultSet::next));
    }
  }

  @Test
  void h2MetadataThatThrows_throwsTheSameOnAHitAndAfterTheCodec() throws Exception {
    try (Connection h2 = TestDatabases.H2.connect();
        PreparedStatement ps = h2.prepareStatement("select {fn abs(?)} as a")) {
      ps.setInt(1, -3);
      Recording recording = recordPrepared(h2, "select {fn abs(?)} as a", p -> p.setInt(1, -3));
      try (ResultSet real = ps.executeQuery()) {
        for (Recording r : List.of(recording, RecordingCodec.decode(RecordingCodec.encode(
            recording)))) {
          ResultSet cached = new CachedResultSet(r, ps, ResultSet.TYPE_FORWARD_ONLY);
          for (Call call : List.<Call>of(rs -> rs.getMetaData().getColumnType(1),
              rs -> rs.getMetaData().getColumnClassName(1),
              rs -> rs.getMetaData().getColumnTypeName(1),
              rs -> rs.getMetaData().getPrecision(7))) {
            assertEquals(outcome(real, call), outcome(cached, call));
          }
        }
      }
    }
  }

  @Test
  void h2Holdability_followsTheConnectionAsItIsNow() throws SQLException {
    try (Connection h2 = TestDatabases.H2.connect(); Statement st = h2.createStatement()) {
      ResultSet cached = new CachedResultSet(TestDatabases.record(h2, "select 1"), st,
          ResultSet.TYPE_FORWARD_ONLY);
      ResultSet real = st.executeQuery("select 1");
      h2.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);
      assertEquals(real.getHoldability(), cached.getHoldability());
      assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, cached.getHoldability());
    }
  }

  @Test
  void h2ErrorSuffix_carriesTheRecordingDriversBuild() {
    assertEquals("252", H2Errors.buildOf("2.5.252 (2026-09-23)"));
    assertEquals("", H2Errors.buildOf(null));
    assertEquals("Column \"x\" not found [42122-252]",
        H2Errors.forDriverVersion("2.5.252").columnNotFound("x").getMessage());
    assertEquals("Column \"x\" not found",
        H2Errors.forDriverVersion("").columnNotFound("x").getMessage());
  }

  @Test
  void pgGetDateOnShortNonDateText_failsLikePgjdbcsUncheckedParser() {
    Calendar utc = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    assertEquals("Index -1 out of bounds for length 1", assertThrows(
        ArrayIndexOutOfBoundsException.class, () -> PgShortDate.toDate(bytes("7"), utc))
        .getMessage());
    assertEquals("Index 6 out of bounds for length 6", assertThrows(
        ArrayIndexOutOfBoundsException.class, () -> PgShortDate.toDate(bytes("12.500"), utc))
        .getMessage());
    assertEquals(java.sql.Date.valueOf("2024-02-29").getTime() + TimeZone.getDefault()
        .getOffset(java.sql.Date.valueOf("2024-02-29").getTime()),
        PgShortDate.toDate(bytes("2024-02-29"), utc).getTime());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void pgTimetz_keepsItsOffsetAsPgjdbcDoes() throws SQLException {
    ColumnInfo timetz = new ColumnInfo("", "", "", "t", "t", Types.TIME, "timetz", "", 0, 0, 0,
        0, false, false, false, false, false, false, false, false);
    String text = "13:45:56.5+02";
    assertEquals(OffsetTime.parse("13:45:56.500+02:00"),
        PgConversions.INSTANCE.toObject(timetz, text, text, OffsetTime.class));
    assertEquals(OffsetDateTime.parse("1970-01-01T13:45:56.500+02:00"),
        PgConversions.INSTANCE.toObject(timetz, text, text, OffsetDateTime.class));
  }

  @Test
  void pgGetObjectUuidOnOtherTypes_throwsPgjdbcsClassCastException() {
    ColumnInfo int4 = new ColumnInfo("", "", "", "i", "i", Types.INTEGER, "int4", "", 0, 0, 0,
        0, false, false, false, false, false, false, false, false);
    ClassCastException e = assertThrows(ClassCastException.class,
        () -> PgConversions.INSTANCE.toObject(int4, 7, "7", UUID.class));
    assertEquals("Cannot cast java.lang.Integer to java.util.UUID", e.getMessage());
    assertNull(assertThrowsNothing(() -> PgConversions.INSTANCE.toObject(int4, null, null,
        UUID.class)));
  }

  private interface Supplier {
    Object get() throws Exception;
  }

  private static Object assertThrowsNothing(Supplier s) {
    try {
      return s.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void pgPreparedResultWhoseTextDependsOnTheTransferFormat_isNotRecorded() throws SQLException {
    try (Connection pg = TestDatabases.POSTGRESQL.connect()) {
      assertNull(recordPrepared(pg, "select ? as v", ps -> ps.setBytes(1, new byte[] {1})));
      assertNull(recordPrepared(pg, "select ? as v", ps -> ps.setDouble(1, 1.0)));
      Recording same = recordPrepared(pg, "select ? as v", ps -> ps.setDouble(1, 1.5));
      assertEquals(1, same.rowCount(), "1.5 reads \"1.5\" in both formats");
      // a plain Statement always receives text, so its bytea is recorded
      assertEquals(1, TestDatabases.record(pg, "select '\\x01'::bytea").rowCount());
    }
  }

  @Test
  void pgFetchSize_isTheStatementsAtExecution() throws SQLException {
    try (Connection pg = TestDatabases.POSTGRESQL.connect(); Statement st = pg.createStatement()) {
      Recording recording = TestDatabases.record(pg, "select 1");
      st.setFetchSize(7);
      ResultSet real = st.executeQuery("select 1");
      ResultSet cached = new CachedResultSet(recording, st, ResultSet.TYPE_FORWARD_ONLY);
      st.setFetchSize(9);
      assertEquals(real.getFetchSize(), cached.getFetchSize());
      assertEquals(7, cached.getFetchSize());
    }
  }
}
