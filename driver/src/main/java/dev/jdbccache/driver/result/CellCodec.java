package dev.jdbccache.driver.result;

import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/** The type-tagged binary form of one cell value (and of array elements). */
final class CellCodec {
  private static final int NULL = 0;
  private static final int STRING = 1;
  private static final int FALSE = 2;
  private static final int TRUE = 3;
  private static final int BYTE = 4;
  private static final int SHORT = 5;
  private static final int INT = 6;
  private static final int LONG = 7;
  private static final int FLOAT = 8;
  private static final int DOUBLE = 9;
  private static final int DECIMAL = 10;
  private static final int BIGINT = 11;
  private static final int BYTES = 12;
  private static final int SQL_DATE = 13;
  private static final int SQL_TIME = 14;
  private static final int SQL_TIMESTAMP = 15;
  private static final int LOCAL_DATE = 16;
  private static final int LOCAL_TIME = 17;
  private static final int LOCAL_DATE_TIME = 18;
  private static final int OFFSET_DATE_TIME = 19;
  private static final int OFFSET_TIME = 20;
  private static final int ZONED_DATE_TIME = 21;
  private static final int INSTANT = 22;
  private static final int UUID_TAG = 23;
  private static final int ARRAY = 24;

  private static final int MAX_ARRAY_DEPTH = 16;

  /** Component classes an array may have, by code; arrays of them add a dimension count. */
  private static final List<Class<?>> COMPONENTS = List.of(
      Object.class, String.class, Boolean.class, Byte.class, Short.class, Integer.class,
      Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class, byte[].class,
      Date.class, Time.class, Timestamp.class, LocalDate.class, LocalTime.class,
      LocalDateTime.class, OffsetDateTime.class, OffsetTime.class, ZonedDateTime.class,
      Instant.class, UUID.class);

  private CellCodec() {}

  static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  static void writeValue(DataOutputStream out, Object v) throws IOException {
    if (v == null) {
      out.writeByte(NULL);
    } else if (v instanceof String s) {
      out.writeByte(STRING);
      writeString(out, s);
    } else if (v instanceof Boolean b) {
      out.writeByte(b ? TRUE : FALSE);
    } else if (v instanceof Byte b) {
      out.writeByte(BYTE);
      out.writeByte(b);
    } else if (v instanceof Short s) {
      out.writeByte(SHORT);
      out.writeShort(s);
    } else if (v instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (v instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (v instanceof Float f) {
      out.writeByte(FLOAT);
      out.writeInt(Float.floatToRawIntBits(f));
    } else if (v instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeLong(Double.doubleToRawLongBits(d));
    } else if (v instanceof BigDecimal d) {
      out.writeByte(DECIMAL);
      out.writeInt(d.scale());
      writeBytes(out, d.unscaledValue().toByteArray());
    } else if (v instanceof BigInteger i) {
      out.writeByte(BIGINT);
      writeBytes(out, i.toByteArray());
    } else if (v instanceof byte[] b) {
      out.writeByte(BYTES);
      writeBytes(out, b);
    } else if (v instanceof Timestamp t) {
      out.writeByte(SQL_TIMESTAMP);
      out.writeLong(t.getTime());
      out.writeInt(t.getNanos());
    } else if (v instanceof Date d) {
      out.writeByte(SQL_DATE);
      out.writeLong(d.getTime());
    } else if (v instanceof Time t) {
      out.writeByte(SQL_TIME);
      out.writeLong(t.getTime());
    } else if (v instanceof LocalDate d) {
      out.writeByte(LOCAL_DATE);
      out.writeLong(d.toEpochDay());
    } else if (v instanceof LocalTime t) {
      out.writeByte(LOCAL_TIME);
      out.writeLong(t.toNanoOfDay());
    } else if (v instanceof LocalDateTime t) {
      out.writeByte(LOCAL_DATE_TIME);
      writeLocalDateTime(out, t);
    } else if (v instanceof OffsetDateTime t) {
      out.writeByte(OFFSET_DATE_TIME);
      writeLocalDateTime(out, t.toLocalDateTime());
      out.writeInt(t.getOffset().getTotalSeconds());
    } else if (v instanceof OffsetTime t) {
      out.writeByte(OFFSET_TIME);
      out.writeLong(t.toLocalTime().toNanoOfDay());
      out.writeInt(t.getOffset().getTotalSeconds());
    } else if (v instanceof ZonedDateTime t) {
      out.writeByte(ZONED_DATE_TIME);
      writeLocalDateTime(out, t.toLocalDateTime());
      out.writeInt(t.getOffset().getTotalSeconds());
      writeString(out, t.getZone().getId());
    } else if (v instanceof Instant t) {
      out.writeByte(INSTANT);
      out.writeLong(t.getEpochSecond());
      out.writeInt(t.getNano());
    } else if (v instanceof UUID u) {
      out.writeByte(UUID_TAG);
      out.writeLong(u.getMostSignificantBits());
      out.writeLong(u.getLeastSignificantBits());
    } else if (v instanceof RecordedArray a) {
      out.writeByte(ARRAY);
      writeArray(out, a);
    } else {
      throw new IllegalArgumentException("not a recordable value: " + v.getClass().getName());
    }
  }

  private static void writeLocalDateTime(DataOutputStream out, LocalDateTime t)
      throws IOException {
    out.writeLong(t.toLocalDate().toEpochDay());
    out.writeLong(t.toLocalTime().toNanoOfDay());
  }

  private static void writeArray(DataOutputStream out, RecordedArray a) throws IOException {
    out.writeInt(a.baseTypeCode());
    writeString(out, a.baseTypeNameText());
    Class<?> component = a.componentType();
    int dims = 0;
    while (component.isArray() && component != byte[].class) {
      component = component.getComponentType();
      dims++;
    }
    out.writeByte(dims);
    out.writeByte(COMPONENTS.indexOf(component));
    out.writeBoolean(a.sqlArrayShape());
    out.writeInt(a.length());
    for (int i = 0; i < a.length(); i++) {
      writeValue(out, a.element(i));
    }
  }

  static Object readValue(RecordingCodec.CodecReader in, int depth) throws CodecException {
    int tag = in.u8();
    switch (tag) {
      case NULL:
        return null;
      case STRING:
        String s = in.string();
        if (s == null) {
          throw new CodecException("null string value");
        }
        return s;
      case FALSE:
        return Boolean.FALSE;
      case TRUE:
        return Boolean.TRUE;
      case BYTE:
        return (byte) in.u8();
      case SHORT:
        return (short) ((in.u8() << 8) | in.u8());
      case INT:
        return in.i32();
      case LONG:
        return in.i64();
      case FLOAT:
        return Float.intBitsToFloat(in.i32());
      case DOUBLE:
        return Double.longBitsToDouble(in.i64());
      case DECIMAL:
        int scale = in.i32();
        return new BigDecimal(bigInteger(in), scale);
      case BIGINT:
        return bigInteger(in);
      case BYTES:
        return in.bytes();
      case SQL_DATE:
        return new Date(in.i64());
      case SQL_TIME:
        return new Time(in.i64());
      case SQL_TIMESTAMP:
        Timestamp t = new Timestamp(in.i64());
        t.setNanos(in.i32()); // rejects values outside 0..999999999
        return t;
      case LOCAL_DATE:
        return LocalDate.ofEpochDay(in.i64());
      case LOCAL_TIME:
        return LocalTime.ofNanoOfDay(in.i64());
      case LOCAL_DATE_TIME:
        return localDateTime(in);
      case OFFSET_DATE_TIME:
        return OffsetDateTime.of(localDateTime(in), ZoneOffset.ofTotalSeconds(in.i32()));
      case OFFSET_TIME:
        return OffsetTime.of(LocalTime.ofNanoOfDay(in.i64()),
            ZoneOffset.ofTotalSeconds(in.i32()));
      case ZONED_DATE_TIME:
        LocalDateTime ldt = localDateTime(in);
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.i32());
        String zone = in.string();
        if (zone == null) {
          throw new CodecException("null zone id");
        }
        return ZonedDateTime.ofLocal(ldt, ZoneId.of(zone), offset);
      case INSTANT:
        return Instant.ofEpochSecond(in.i64(), in.i32());
      case UUID_TAG:
        return new UUID(in.i64(), in.i64());
      case ARRAY:
        return readArray(in, depth + 1);
      default:
        throw new CodecException("unknown value tag " + tag);
    }
  }

  private static BigInteger bigInteger(RecordingCodec.CodecReader in) throws CodecException {
    byte[] b = in.bytes();
    if (b.length == 0) {
      throw new CodecException("empty integer");
    }
    return new BigInteger(b);
  }

  private static LocalDateTime localDateTime(RecordingCodec.CodecReader in)
      throws CodecException {
    LocalDate d = LocalDate.ofEpochDay(in.i64());
    return LocalDateTime.of(d, LocalTime.ofNanoOfDay(in.i64()));
  }

  private static RecordedArray readArray(RecordingCodec.CodecReader in, int depth)
      throws CodecException {
    if (depth > MAX_ARRAY_DEPTH) {
      throw new CodecException("arrays nested too deeply");
    }
    int baseType = in.i32();
    String baseTypeName = in.string();
    int dims = in.u8();
    int code = in.u8();
    if (dims > MAX_ARRAY_DEPTH || code >= COMPONENTS.size()) {
      throw new CodecException("bad array component type");
    }
    Class<?> component = COMPONENTS.get(code);
    for (int i = 0; i < dims; i++) {
      component = component.arrayType();
    }
    boolean sqlShape = in.bool();
    int n = in.count(1);
    Object[] elements = new Object[n];
    for (int i = 0; i < n; i++) {
      Object e = readValue(in, depth);
      if (e != null && !(e instanceof RecordedArray) && !component.isInstance(e)
          && component != Object.class) {
        throw new CodecException("array element does not match its component type");
      }
      elements[i] = e;
    }
    return new RecordedArray(baseType, baseTypeName, component, elements, sqlShape);
  }
}
