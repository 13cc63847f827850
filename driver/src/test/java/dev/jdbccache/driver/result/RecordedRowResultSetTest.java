package dev.jdbccache.driver.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rules by which a recorded row answers getters locally, against a fake real result set that
 * logs every call it receives: which getters never reach the real driver, which always do, and how
 * {@code wasNull} follows the last getter whoever answered it.
 */
class RecordedRowResultSetTest {

  /** Column by column: what the fake row holds. */
  private static final Object[] ROW = {
      7, "text", new BigDecimal("1.50"), 5L, 2.5d, 1.5f, true, (short) 3, (byte) 4, null,
      new Timestamp(0), new byte[] {1, 2}, new BigDecimal("1.23E+4"), UUID.randomUUID()};
  private static final int INT = 1;
  private static final int STRING = 2;
  private static final int DECIMAL = 3;
  private static final int LONG = 4;
  private static final int DOUBLE = 5;
  private static final int FLOAT = 6;
  private static final int BOOLEAN = 7;
  private static final int SHORT = 8;
  private static final int BYTE = 9;
  private static final int NULL = 10;
  private static final int TIMESTAMP = 11;
  private static final int BYTES = 12;
  private static final int NEGATIVE_SCALE = 13;
  private static final int UUID_COLUMN = 14;

  /** A real result set that answers nothing of interest and logs what it was asked. */
  private static final class FakeReal {
    final List<String> calls = new ArrayList<>();
    boolean closed;
    boolean wasNull;
    int concurrency = ResultSet.CONCUR_READ_ONLY;

    ResultSet proxy() {
      return (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
            String name = method.getName();
            switch (name) {
              case "isClosed":
                return closed;
              case "getConcurrency":
                return concurrency;
              case "wasNull":
                calls.add(name);
                return wasNull;
              case "findColumn":
                calls.add(name);
                return Integer.parseInt((String) args[0]);
              default:
                calls.add(name);
                return defaultOf(method.getReturnType());
            }
          });
    }

    /** The calls that reached the real result set, then forgets them. */
    List<String> drain() {
      List<String> out = new ArrayList<>(calls);
      calls.clear();
      return out;
    }
  }

  private static Object defaultOf(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    if (type == short.class) {
      return (short) 0;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == float.class) {
      return 0f;
    }
    if (type == double.class) {
      return 0d;
    }
    return null;
  }

  private final FakeReal real = new FakeReal();

  private RecordedRowResultSet wrapper(Profile profile) {
    return new RecordedRowResultSet(real.proxy(), null, profile) {};
  }

  /** A wrapper serving ROW, with {@code texts} as the stored texts (null: none). */
  private RecordedRowResultSet serving(Profile profile, String[] texts) {
    RecordedRowResultSet rs = wrapper(profile);
    rs.serveRow(ROW, texts);
    real.drain();
    return rs;
  }

  @Test
  void matchingClasses_areAnsweredFromTheRow_withoutAskingTheDriver() throws SQLException {
    for (Profile profile : List.of(Profile.POSTGRESQL, Profile.H2)) {
      RecordedRowResultSet rs = serving(profile, null);
      assertEquals(7, rs.getInt(INT));
      assertEquals("text", rs.getString(STRING));
      assertEquals(new BigDecimal("1.50"), rs.getBigDecimal(DECIMAL));
      assertEquals(5L, rs.getLong(LONG));
      assertEquals(2.5d, rs.getDouble(DOUBLE));
      assertEquals(1.5f, rs.getFloat(FLOAT));
      assertTrue(rs.getBoolean(BOOLEAN));
      assertEquals((short) 3, rs.getShort(SHORT));
      assertEquals((byte) 4, rs.getByte(BYTE));
      assertEquals(7, rs.getObject(INT));
      assertEquals("7", rs.getString(INT));
      assertEquals("1.50", rs.getString(DECIMAL));
      assertEquals("2.5", rs.getString(DOUBLE));
      assertEquals(ROW[UUID_COLUMN - 1], rs.getObject(UUID_COLUMN));
      assertFalse(rs.wasNull());
      assertEquals(List.of(), real.drain(), profile.name());
    }
  }

  @Test
  void sqlNull_givesTheJdbcDefaultsAndWasNull_withoutAskingTheDriver() throws SQLException {
    RecordedRowResultSet rs = serving(Profile.POSTGRESQL, null);
    assertEquals(0, rs.getInt(NULL));
    assertTrue(rs.wasNull());
    assertEquals(0L, rs.getLong(NULL));
    assertEquals(0, rs.getShort(NULL));
    assertEquals(0, rs.getByte(NULL));
    assertEquals(0d, rs.getDouble(NULL));
    assertEquals(0f, rs.getFloat(NULL));
    assertFalse(rs.getBoolean(NULL));
    assertNull(rs.getBigDecimal(NULL));
    assertNull(rs.getString(NULL));
    assertNull(rs.getObject(NULL));
    assertTrue(rs.wasNull());
    assertEquals(List.of(), real.drain());
  }

  @Test
  void anyOtherClass_goesToTheDriver() throws SQLException {
    RecordedRowResultSet rs = serving(Profile.POSTGRESQL, null);
    rs.getLong(INT); // an Integer: pgjdbc and H2 would convert, so they answer
    rs.getInt(LONG);
    rs.getShort(INT);
    rs.getByte(INT);
    rs.getDouble(FLOAT);
    rs.getFloat(DOUBLE);
    rs.getBigDecimal(INT);
    rs.getBoolean(INT);
    rs.getInt(STRING);
    rs.getObject(TIMESTAMP); // follows the JVM's default time zone at the call
    rs.getString(TIMESTAMP);
    rs.getBigDecimal(NEGATIVE_SCALE); // pgjdbc: getObject keeps the scale, getBigDecimal not
    assertEquals(List.of("getLong", "getInt", "getShort", "getByte", "getDouble", "getFloat",
        "getBigDecimal", "getBoolean", "getInt", "getObject", "getString", "getBigDecimal"),
        real.drain());
  }

  @Test
  void aStoredText_sendsTheParsingGettersToTheDriver() throws SQLException {
    String[] texts = new String[ROW.length];
    texts[DOUBLE - 1] = "2.50";
    texts[INT - 1] = "+7";
    texts[DECIMAL - 1] = "1.5";
    texts[BOOLEAN - 1] = "t";
    RecordedRowResultSet rs = serving(Profile.POSTGRESQL, texts);
    rs.getDouble(DOUBLE);
    rs.getInt(INT);
    rs.getBigDecimal(DECIMAL);
    assertEquals(List.of("getDouble", "getInt", "getBigDecimal"), real.drain());
    assertEquals("2.50", rs.getString(DOUBLE));
    assertEquals(2.5d, rs.getObject(DOUBLE));
    assertTrue(rs.getBoolean(BOOLEAN), "a Boolean is the answer whatever its text");
    assertEquals("t", rs.getString(BOOLEAN));
    assertEquals(1.5f, rs.getFloat(FLOAT), "a cell without a stored text in a row with some");
    assertEquals(List.of(), real.drain());
  }

  @Test
  void getObject_handsOutACopyOfAMutableValue() throws SQLException {
    RecordedRowResultSet rs = serving(Profile.H2, null);
    byte[] first = (byte[]) rs.getObject(BYTES);
    first[0] = 9;
    byte[] second = (byte[]) rs.getObject(BYTES);
    assertArrayEquals(new byte[] {1, 2}, second);
    assertNotSame(ROW[BYTES - 1], second);
    assertSame(ROW[STRING - 1], rs.getObject(STRING));
    assertEquals(List.of(), real.drain());
  }

  @Test
  void withoutARowToServe_everyGetterGoesToTheDriver() throws SQLException {
    RecordedRowResultSet rs = wrapper(Profile.POSTGRESQL);
    rs.getInt(INT);
    rs.serveRow(ROW, null);
    rs.stopServing();
    rs.getString(STRING);
    rs.getInt("1");
    assertEquals(List.of("getInt", "getString", "getInt"), real.drain());
  }

  @Test
  void aClosedRealResultSet_orABadIndex_goesToTheDriver() throws SQLException {
    RecordedRowResultSet rs = serving(Profile.POSTGRESQL, null);
    rs.getInt(0);
    rs.getInt(ROW.length + 1);
    real.closed = true;
    rs.getInt(INT);
    assertEquals(List.of("getInt", "getInt", "getInt"), real.drain());
  }

  @Test
  void otherDrivers_andUpdatableResultSets_areNeverServed() throws SQLException {
    RecordedRowResultSet generic = serving(Profile.GENERIC, null);
    generic.getInt(INT);
    assertFalse(generic.servesCurrentRow());
    assertEquals(List.of("getInt"), real.drain());
    real.concurrency = ResultSet.CONCUR_UPDATABLE;
    RecordedRowResultSet updatable = serving(Profile.POSTGRESQL, null);
    updatable.getInt(INT);
    assertFalse(updatable.servesCurrentRow());
    assertEquals(List.of("getInt"), real.drain());
  }

  @Test
  void byLabel_theDriverFindsTheColumn_thenTheRowAnswers() throws SQLException {
    RecordedRowResultSet rs = serving(Profile.POSTGRESQL, null);
    assertEquals(7, rs.getInt("1"));
    assertEquals("text", rs.getString("2"));
    assertEquals(List.of("findColumn", "findColumn"), real.drain());
    rs.stopServing();
    rs.getInt("1");
    assertEquals(List.of("getInt"), real.drain(), "no row: the label goes to the driver as is");
  }

  @Test
  void wasNull_followsWhoeverAnsweredTheLastGetter() throws SQLException {
    RecordedRowResultSet rs = serving(Profile.POSTGRESQL, null);
    real.wasNull = false;
    rs.getInt(NULL);
    assertTrue(rs.wasNull()); // local
    rs.getDate(INT);
    assertFalse(rs.wasNull()); // the driver's
    real.wasNull = true;
    assertTrue(rs.wasNull());
    rs.getInt(INT);
    assertFalse(rs.wasNull()); // local again
    rs.getLong(INT); // an Integer: the driver answers
    assertTrue(rs.wasNull());
    rs.getString(NULL);
    real.wasNull = false;
    assertTrue(rs.wasNull());
    rs.stopServing(); // the cursor moves: like the real drivers, wasNull keeps the last getter's
    assertTrue(rs.wasNull());
    assertEquals(List.of("getDate", "wasNull", "wasNull", "getLong", "wasNull"), real.drain());
  }

  @Test
  void wasNull_afterTheRealResultSetClosed_isTheDriversAnswer() throws SQLException {
    RecordedRowResultSet rs = serving(Profile.H2, null);
    rs.getInt(NULL);
    real.closed = true;
    real.wasNull = false;
    assertFalse(rs.wasNull());
    assertEquals(List.of("wasNull"), real.drain());
  }

  /** Getters that take no column: they do not touch wasNull in any driver. */
  private static final Set<String> NOT_COLUMN_GETTERS = Set.of("getMetaData", "getStatement",
      "getWarnings", "getFetchSize", "getFetchDirection", "getType", "getConcurrency",
      "getCursorName", "getHoldability", "getRow");

  @Test
  void everyColumnGetter_isAnsweredLocally_orHandsWasNullBackToTheDriver() throws Exception {
    List<String> unchecked = new ArrayList<>();
    int delegated = 0;
    for (Method m : ResultSet.class.getMethods()) {
      Class<?>[] params = m.getParameterTypes();
      if (!m.getName().startsWith("get") || NOT_COLUMN_GETTERS.contains(m.getName())) {
        continue;
      }
      if (params.length == 0 || (params[0] != int.class && params[0] != String.class)) {
        unchecked.add(m.toString());
        continue;
      }
      RecordedRowResultSet rs = serving(Profile.POSTGRESQL, null);
      rs.getInt(NULL); // a local read of SQL NULL: wasNull true
      real.wasNull = false;
      Object[] args = new Object[params.length];
      args[0] = params[0] == int.class ? (Object) NULL : String.valueOf(NULL);
      for (int i = 1; i < params.length; i++) {
        args[i] = params[i] == int.class ? (Object) 0 : null;
      }
      try {
        m.invoke(rs, args);
      } catch (InvocationTargetException e) {
        throw new AssertionError(m + " threw", e.getCause());
      }
      List<String> calls = real.drain();
      boolean wentToDriver = calls.contains(m.getName());
      if (wentToDriver) {
        delegated++;
      }
      assertEquals(!wentToDriver, rs.wasNull(), m + " (calls " + calls + ")");
    }
    assertEquals(List.of(), unchecked);
    assertEquals(48, delegated, "every getter but the 20 local ones reaches the driver");
  }

  @Test
  void localReadsOfEveryKind_onlyForTheProfilesWhoseRulesAreVerified() {
    assertEquals(Arrays.asList(Profile.POSTGRESQL, Profile.H2),
        Arrays.stream(Profile.values()).filter(p -> serving(p, null).servesCurrentRow()).toList());
  }
}
