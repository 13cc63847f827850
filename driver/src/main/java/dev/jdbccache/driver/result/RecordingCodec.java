package dev.jdbccache.driver.result;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The binary form of a {@link Recording}, for stores outside the JVM (Redis).
 *
 * <p>Layout: magic {@code "JCRS"}, a format version byte, the body, and a CRC-32 of everything
 * before it. The body holds the driver profile and version, the columns (with what any
 * metadata method threw), the warnings and the rows; every
 * cell is a type tag followed by its value (see {@link CellCodec}). Never Java serialization:
 * decoding creates only the known value classes. Decoding validates every length against the
 * bytes that remain, so forged lengths cannot exhaust memory, and reports any defect as a
 * {@link CodecException}.
 *
 * <p>Stateless and thread-safe.
 */
public final class RecordingCodec {
  static final byte[] MAGIC = {'J', 'C', 'R', 'S'};
  static final byte VERSION = 2; // 2: driver version, metadata failures
  private static final int TRAILER = 4;

  private RecordingCodec() {}

  /** Encodes {@code recording}; the result decodes to an equal recording. */
  public static byte[] encode(Recording recording) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(
        (int) Math.min(Integer.MAX_VALUE - 16, Math.max(64, recording.estimatedBytes() / 2)));
    DataOutputStream out = new DataOutputStream(bytes);
    try {
      out.write(MAGIC);
      out.writeByte(VERSION);
      writeBody(out, recording);
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: in-memory stream
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes bytes made by {@link #encode}.
   *
   * @throws CodecException when the bytes are truncated, corrupted, of another version or not a
   *     recording
   */
  public static Recording decode(byte[] bytes) throws CodecException {
    if (bytes == null || bytes.length < MAGIC.length + 1 + TRAILER) {
      throw new CodecException("too short to be a recording");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        throw new CodecException("not a recording (bad magic)");
      }
    }
    if (bytes[MAGIC.length] != VERSION) {
      throw new CodecException("unsupported recording format version " + bytes[MAGIC.length]);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - TRAILER);
    int stored = ByteBuffer.wrap(bytes, bytes.length - TRAILER, TRAILER).getInt();
    if (stored != (int) crc.getValue()) {
      throw new CodecException("recording checksum mismatch");
    }
    return decodeBody(bytes, MAGIC.length + 1, bytes.length - TRAILER);
  }

  /** Decodes the body without the checksum test (for robustness tests of the parser). */
  static Recording decodeBody(byte[] bytes, int from, int to) throws CodecException {
    try {
      CodecReader in = new CodecReader(ByteBuffer.wrap(bytes, from, to - from));
      Recording r = readBody(in);
      if (in.remaining() != 0) {
        throw new CodecException("trailing bytes after the recording");
      }
      return r;
    } catch (CodecException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new CodecException("corrupt recording: " + e, e);
    }
  }

  private static void writeBody(DataOutputStream out, Recording r) throws IOException {
    out.writeByte(r.profile().code());
    CellCodec.writeString(out, r.driverVersion());
    ColumnInfo[] columns = r.columnArray();
    out.writeInt(columns.length);
    for (ColumnInfo c : columns) {
      writeColumn(out, c);
    }
    List<WarningInfo> warnings = r.warningList();
    out.writeInt(warnings.size());
    for (WarningInfo w : warnings) {
      CellCodec.writeString(out, w.reason());
      CellCodec.writeString(out, w.sqlState());
      out.writeInt(w.vendorCode());
    }
    out.writeInt(r.rowCount());
    for (int row = 0; row < r.rowCount(); row++) {
      boolean hasTexts = false;
      for (int col = 0; col < columns.length && !hasTexts; col++) {
        hasTexts = textToWrite(r, row, col) != null;
      }
      out.writeBoolean(hasTexts);
      for (int col = 0; col < columns.length; col++) {
        CellCodec.writeValue(out, r.value(row, col));
        if (hasTexts) {
          CellCodec.writeString(out, textToWrite(r, row, col));
        }
      }
    }
  }

  /**
   * The stored text; for java.sql date/time values also the derived one, because their
   * toString depends on the JVM's time zone and the reading JVM may be in another.
   */
  private static String textToWrite(Recording r, int row, int col) {
    String stored = r.storedText(row, col);
    if (stored == null && r.value(row, col) instanceof java.util.Date) {
      return r.text(row, col);
    }
    return stored;
  }

  private static Recording readBody(CodecReader in) throws CodecException {
    Profile profile = Profile.ofCode(in.u8());
    if (profile == null) {
      throw new CodecException("unknown driver profile");
    }
    String driverVersion = in.string();
    if (driverVersion == null) {
      throw new CodecException("missing driver version");
    }
    int columnCount = in.count(1);
    ColumnInfo[] columns = new ColumnInfo[columnCount];
    for (int i = 0; i < columnCount; i++) {
      columns[i] = readColumn(in);
    }
    int warningCount = in.count(6);
    List<WarningInfo> warnings = new ArrayList<>(warningCount);
    for (int i = 0; i < warningCount; i++) {
      warnings.add(new WarningInfo(in.string(), in.string(), in.i32()));
    }
    int rowCount = in.count(1 + columnCount);
    Object[][] values = new Object[rowCount][];
    String[][] texts = new String[rowCount][];
    for (int row = 0; row < rowCount; row++) {
      boolean hasTexts = in.bool();
      Object[] rowValues = new Object[columnCount];
      String[] rowTexts = hasTexts ? new String[columnCount] : null;
      for (int col = 0; col < columnCount; col++) {
        rowValues[col] = CellCodec.readValue(in, 0);
        if (hasTexts) {
          rowTexts[col] = in.string();
        }
      }
      values[row] = rowValues;
      texts[row] = rowTexts;
    }
    return new Recording(profile, driverVersion, columns, values, texts, warnings);
  }

  private static void writeColumn(DataOutputStream out, ColumnInfo c) throws IOException {
    CellCodec.writeString(out, c.catalogName());
    CellCodec.writeString(out, c.schemaName());
    CellCodec.writeString(out, c.tableName());
    CellCodec.writeString(out, c.columnName());
    CellCodec.writeString(out, c.columnLabel());
    out.writeInt(c.columnType());
    CellCodec.writeString(out, c.columnTypeName());
    CellCodec.writeString(out, c.columnClassName());
    out.writeInt(c.precision());
    out.writeInt(c.scale());
    out.writeInt(c.displaySize());
    out.writeInt(c.nullable());
    int flags = (c.autoIncrement() ? 1 : 0) | (c.caseSensitive() ? 2 : 0)
        | (c.searchable() ? 4 : 0) | (c.currency() ? 8 : 0) | (c.signed() ? 16 : 0)
        | (c.readOnly() ? 32 : 0) | (c.writable() ? 64 : 0) | (c.definitelyWritable() ? 128 : 0);
    out.writeByte(flags);
    out.writeInt(c.failures().size());
    for (var failure : new TreeMap<>(c.failures()).entrySet()) {
      RecordedError e = failure.getValue();
      CellCodec.writeString(out, failure.getKey());
      CellCodec.writeString(out, e.kind());
      CellCodec.writeString(out, e.message());
      CellCodec.writeString(out, e.sqlState());
      out.writeInt(e.vendorCode());
    }
  }

  private static ColumnInfo readColumn(CodecReader in) throws CodecException {
    String catalog = in.string();
    String schema = in.string();
    String table = in.string();
    String name = in.string();
    String label = in.string();
    int type = in.i32();
    String typeName = in.string();
    String className = in.string();
    int precision = in.i32();
    int scale = in.i32();
    int displaySize = in.i32();
    int nullable = in.i32();
    int f = in.u8();
    int failureCount = in.count(4 * 5);
    Map<String, RecordedError> failures = new HashMap<>();
    for (int i = 0; i < failureCount; i++) {
      String method = in.string();
      String kind = in.string();
      if (method == null || kind == null) {
        throw new CodecException("bad metadata failure");
      }
      failures.put(method, new RecordedError(kind, in.string(), in.string(), in.i32()));
    }
    return new ColumnInfo(catalog, schema, table, name, label, type, typeName, className,
        precision, scale, displaySize, nullable, (f & 1) != 0, (f & 2) != 0, (f & 4) != 0,
        (f & 8) != 0, (f & 16) != 0, (f & 32) != 0, (f & 64) != 0, (f & 128) != 0, failures);
  }

  /** Bounds-checked reads over the body. */
  static final class CodecReader {
    private final ByteBuffer buf;

    CodecReader(ByteBuffer buf) {
      this.buf = buf;
    }

    int remaining() {
      return buf.remaining();
    }

    private void need(int n) throws CodecException {
      if (n < 0 || buf.remaining() < n) {
        throw new CodecException("truncated recording");
      }
    }

    int u8() throws CodecException {
      need(1);
      return buf.get() & 0xff;
    }

    boolean bool() throws CodecException {
      int b = u8();
      if (b > 1) {
        throw new CodecException("bad boolean " + b);
      }
      return b == 1;
    }

    int i32() throws CodecException {
      need(4);
      return buf.getInt();
    }

    long i64() throws CodecException {
      need(8);
      return buf.getLong();
    }

    /** A count of items that take at least {@code minBytesEach} bytes each. */
    int count(int minBytesEach) throws CodecException {
      int n = i32();
      if (n < 0 || (long) n * Math.max(1, minBytesEach) > buf.remaining()) {
        throw new CodecException("bad count " + n);
      }
      return n;
    }

    byte[] bytes() throws CodecException {
      int n = i32();
      need(n);
      byte[] b = new byte[n];
      buf.get(b);
      return b;
    }

    String string() throws CodecException {
      int n = i32();
      if (n == -1) {
        return null;
      }
      need(n);
      String s = new String(buf.array(), buf.arrayOffset() + buf.position(), n,
          StandardCharsets.UTF_8);
      buf.position(buf.position() + n);
      return s;
    }
  }
}
