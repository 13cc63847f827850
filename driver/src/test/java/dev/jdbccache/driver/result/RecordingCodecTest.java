package dev.jdbccache.driver.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordingCodecTest {

  /** A recording holding every value class the codec knows, in every awkward shape. */
  static Recording everyValueClass() {
    Timestamp ts = new Timestamp(1_700_000_000_123L);
    ts.setNanos(123_456_789);
    Object[] values = {
        null, "", "unicode: \u00e9\u4e2d\ud83d\ude00", Boolean.TRUE, Boolean.FALSE,
        (byte) -128, (short) -32768, Integer.MIN_VALUE, Long.MAX_VALUE, -0.0f, Float.NaN,
        -0.0, Double.NaN, Double.NEGATIVE_INFINITY, new BigDecimal("-123.4500"),
        new BigDecimal("1E+5"), new BigInteger("-123456789012345678901234567890"), new byte[0],
        new byte[] {1, -1, 0}, new Date(-86_400_000L), new Time(36_000_123L), ts,
        LocalDate.of(-44, 3, 15), LocalTime.of(23, 59, 59, 999_999_999),
        LocalDateTime.of(2024, 2, 29, 12, 0, 0, 1), OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 5,
            ZoneOffset.ofHoursMinutes(5, 30)), OffsetTime.of(1, 2, 3, 4, ZoneOffset.ofHours(-3)),
        ZonedDateTime.of(2024, 11, 3, 1, 30, 0, 0, ZoneId.of("America/New_York"))
            .withLaterOffsetAtOverlap(), Instant.ofEpochSecond(-5, 7), new UUID(-1L, 42L),
        new RecordedArray(Types.INTEGER, "int4", Integer.class, new Object[] {1, null, 3}, true),
        new RecordedArray(Types.VARCHAR, "VARCHAR", Object.class, new Object[] {}, false),
        new RecordedArray(Types.INTEGER, "int4", Integer[].class, new Object[] {
            new RecordedArray(Types.INTEGER, "int4", Integer.class, new Object[] {1, 2}, false),
            null}, true),
        new RecordedArray(Types.BINARY, "bytea", byte[].class,
            new Object[] {new byte[] {9}, null}, true)};
    ColumnInfo[] columns = new ColumnInfo[values.length];
    for (int i = 0; i < values.length; i++) {
      columns[i] = new ColumnInfo("cat" + i, "sch", "tab\u00e9", "col" + i, "LABEL_" + i,
          Types.OTHER - i, "type" + i, "java.lang.Object", i * 3, -i, 7 + i,
          i % 3, i % 2 == 0, i % 3 == 0, i % 4 == 0, i % 5 == 0, i % 6 == 0, i % 7 == 0,
          i % 8 == 0, i % 9 == 0);
    }
    String[] texts = new String[values.length];
    texts[5] = "t";
    texts[21] = "2023-11-14 22:13:20.123456789";
    Object[][] rows = {values, new Object[values.length]};
    return new Recording(Profile.POSTGRESQL, columns, rows, new String[][] {texts, null},
        List.of(new WarningInfo("careful", "01000", 7), new WarningInfo(null, null, 0)));
  }

  @Test
  void roundTrip_isExactForEveryValueClass() throws Exception {
    Recording original = everyValueClass();
    Recording decoded = RecordingCodec.decode(RecordingCodec.encode(original));
    assertEquals(original, decoded);
    assertEquals(original.columns(), decoded.columns());
    Timestamp ts = (Timestamp) decoded.value(0, 21);
    assertEquals(123_456_789, ts.getNanos());
    assertEquals(4, ((BigDecimal) decoded.value(0, 14)).scale());
    assertEquals(Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits((Double) decoded.value(0, 11)));
    assertArrayEquals(new byte[0], (byte[]) decoded.value(0, 17));
    assertEquals("t", decoded.text(0, 5));
    SQLWarning w = decoded.warnings();
    assertEquals("careful", w.getMessage());
    assertEquals("01000", w.getSQLState());
    assertEquals(7, w.getErrorCode());
    assertNull(w.getNextWarning().getMessage());
  }

  @Test
  void roundTrip_ofARecordedQuery_readsTheSame() throws Exception {
    try (var c = TestDatabases.H2.connect()) {
      Recording r = TestDatabases.record(c,
          "select x, 'v' || x as s, cast(x as decimal(10,2)) / 3 as d from system_range(1, 50)");
      Recording decoded = RecordingCodec.decode(RecordingCodec.encode(r));
      assertEquals(r, decoded);
      try (ResultSet rs = new CachedResultSet(decoded, null, ResultSet.TYPE_FORWARD_ONLY)) {
        rs.next();
        assertEquals("v1", rs.getString("S"));
      }
    }
  }

  @Test
  void truncatedAtEveryOffset_isACodecException() {
    byte[] bytes = RecordingCodec.encode(everyValueClass());
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = java.util.Arrays.copyOf(bytes, length);
      assertThrows(CodecException.class, () -> RecordingCodec.decode(cut), "length " + length);
      // the parser alone, on a body cut short at this offset
      int from = Math.min(RecordingCodec.MAGIC.length + 1, length);
      int to = Math.max(from, length);
      assertOnlyCodecException(() -> RecordingCodec.decodeBody(cut, from, to));
    }
  }

  @Test
  void randomMutations_neverThrowAnythingButCodecException() {
    byte[] bytes = RecordingCodec.encode(everyValueClass());
    Random random = new Random(20240601L);
    int bodyStart = RecordingCodec.MAGIC.length + 1;
    for (int i = 0; i < 4000; i++) {
      byte[] mutated = bytes.clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        int at = random.nextInt(mutated.length);
        mutated[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) ~mutated[at];
      }
      // with the checksum: every mutation is detected
      if (!java.util.Arrays.equals(mutated, bytes)) {
        assertThrows(CodecException.class, () -> RecordingCodec.decode(mutated));
      }
      // without it, the parser itself must still fail cleanly (or decode something)
      assertOnlyCodecException(() -> RecordingCodec.decodeBody(mutated, bodyStart,
          mutated.length - 4));
    }
  }

  @Test
  void forgedLengths_failWithoutAllocating() {
    Recording recording = everyValueClass();
    byte[] bytes = RecordingCodec.encode(recording);
    int bodyStart = RecordingCodec.MAGIC.length + 1;
    int bodyEnd = bytes.length - 4;
    List<Integer> lengths = stringLengthFields(bytes, bodyStart, bodyEnd, recording);
    assertTrue(lengths.size() >= 3, "the length fields of the strings were found: " + lengths);
    for (int at : lengths) {
      byte[] forged = bytes.clone();
      forged[at] = 0x7f;
      forged[at + 1] = (byte) 0xff;
      forged[at + 2] = (byte) 0xff;
      forged[at + 3] = (byte) 0xf0;
      assertThrows(CodecException.class, () -> RecordingCodec.decodeBody(forged, bodyStart, bodyEnd),
          "a forged length at " + at + " is refused before anything is allocated");
    }
  }

  /** Where the encoding holds the length of one of the recording's strings (names, values): a big-endian int followed by its bytes. */
  private static List<Integer> stringLengthFields(byte[] bytes, int from, int to, Recording recording) {
    List<byte[]> strings = new ArrayList<>();
    for (ColumnInfo c : recording.columnArray()) {
      for (String s : new String[] {c.catalogName(), c.schemaName(), c.tableName(), c.columnName(), c.columnLabel()}) {
        strings.add(s.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!recording.driverVersion().isEmpty()) {
      strings.add(recording.driverVersion().getBytes(StandardCharsets.UTF_8));
    }
    for (int row = 0; row < recording.rowCount(); row++) {
      for (int col = 0; col < recording.columnArray().length; col++) {
        if (recording.value(row, col) instanceof String s && !s.isEmpty()) {
          strings.add(s.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    List<Integer> found = new ArrayList<>();
    for (int p = from; p + 4 <= to; p++) {
      int n = ((bytes[p] & 0xff) << 24) | ((bytes[p + 1] & 0xff) << 16) | ((bytes[p + 2] & 0xff) << 8) | (bytes[p + 3] & 0xff);
      for (byte[] s : strings) {
        if (n == s.length && p + 4 + n <= to && Arrays.equals(bytes, p + 4, p + 4 + n, s, 0, n)) {
          found.add(p);
          break;
        }
      }
    }
    return found;
  }

  @Test
  void wrongMagicOrVersion_isACodecException() {
    byte[] bytes = RecordingCodec.encode(everyValueClass());
    byte[] magic = bytes.clone();
    magic[0] = 'X';
    CodecException e = assertThrows(CodecException.class, () -> RecordingCodec.decode(magic));
    assertEquals("not a recording (bad magic)", e.getMessage());
    byte[] version = bytes.clone();
    version[RecordingCodec.MAGIC.length] = RecordingCodec.VERSION - 1;
    e = assertThrows(CodecException.class, () -> RecordingCodec.decode(version));
    assertEquals("unsupported recording format version " + (RecordingCodec.VERSION - 1),
        e.getMessage());
    assertThrows(CodecException.class, () -> RecordingCodec.decode(null));
    assertThrows(CodecException.class, () -> RecordingCodec.decode(new byte[0]));
  }

  private interface Decode {
    Object run() throws Exception;
  }

  private static void assertOnlyCodecException(Decode decode) {
    try {
      decode.run();
    } catch (CodecException expected) {
      // fine
    } catch (Throwable t) {
      fail("decoding threw " + t, t);
    }
  }
}
