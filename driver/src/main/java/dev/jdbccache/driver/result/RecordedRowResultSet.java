package dev.jdbccache.driver.result;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A result set that answers the simplest getters of the current row from a recorded copy of that
 * row instead of having the real driver decode the cell once more (the recorder has already
 * decoded it); every other call goes to the real result set.
 *
 * <p>A getter is answered locally only where the answer is, by construction, the one the real
 * driver gives, which is also what a {@link CachedResultSet} over the same recording answers:
 * <ul>
 *   <li>only for PostgreSQL and H2 (whose rules the differential suite verifies), on a read-only
 *       result set (no update can change the row), while the real result set is open, the
 *       cursor is on a row that was recorded ({@link #serveRow}) and the column index is valid;
 *   <li>SQL NULL: the JDBC default (null, 0, false) for every local getter;
 *   <li>{@code getObject}: the value itself (a copy of a mutable one), except {@code java.sql}
 *       dates and times, whose meaning follows the JVM's default time zone at the call, and
 *       arrays;
 *   <li>{@code getString}: the recorded text, for the same values;
 *   <li>{@code getBoolean}, {@code getByte}, {@code getShort}, {@code getInt}, {@code getLong},
 *       {@code getFloat}, {@code getDouble}, {@code getBigDecimal}: the value when it is exactly
 *       of the matching class (the driver's own getter made it), and the driver's text is the
 *       value's own (pgjdbc parses the text); for {@code getBigDecimal} with a scale of at least
 *       zero (pgjdbc's getObject applies a negative column scale that getBigDecimal does not).
 * </ul>
 * Anything else (another class, a Calendar, a target class, a stream, a getter by label whose
 * label is not found...) goes to the real driver. {@link #wasNull()} answers for the last getter:
 * locally after a local one, from the real driver as soon as a getter went there.
 *
 * <p>Not thread-safe, like the JDBC result set it wraps.
 */
abstract class RecordedRowResultSet extends DelegatingResultSet {
    /** {@link #cell} when the getter must go to the real driver. */
    private static final Object NOT_LOCAL = new Object();

    /** Who answered the last getter: the real driver, or this class (with or without a value). */
    private static final byte REAL = 0;
    private static final byte LOCAL_VALUE = 1;
    private static final byte LOCAL_NULL = 2;

    private final boolean mayServe;
    private Object[] rowValues; // the recorded current row, or null: every getter delegates
    private String[] rowTexts; // its stored texts (null entries: the value's own), or null
    private byte lastRead = REAL;

    /**
     * @param profile whose rules the recording follows; only PostgreSQL and H2 rows are served
     */
    RecordedRowResultSet(ResultSet real, Statement owner, Profile profile) {
        super(real, owner);
        this.mayServe = (profile == Profile.POSTGRESQL || profile == Profile.H2) && readOnly(real);
    }

    private static boolean readOnly(ResultSet real) {
        try {
            return real.getConcurrency() == ResultSet.CONCUR_READ_ONLY;
        } catch (SQLException | RuntimeException e) {
            return false; // unknown: never serve
        }
    }

    /**
     * From now on, getters of the current row may be answered from {@code values} and
     * {@code texts} (as {@link ResultRecorder#lastValues()} and {@link ResultRecorder#lastTexts()}
     * give them; never modified here), until {@link #stopServing()}.
     */
    final void serveRow(Object[] values, String[] texts) {
        if (mayServe) {
            rowValues = values;
            rowTexts = texts;
        }
    }

    /** Every getter goes to the real driver until the next {@link #serveRow}: the cursor moves. */
    final void stopServing() {
        rowValues = null;
        rowTexts = null;
    }

    /** True while getters of the current row may be answered locally. */
    final boolean servesCurrentRow() {
        return rowValues != null;
    }

    /** The recorded value of a cell that may be answered locally (null: SQL NULL), or NOT_LOCAL. */
    private Object cell(int columnIndex) {
        Object[] row = rowValues;
        if (row == null || columnIndex < 1 || columnIndex > row.length || realIsClosed()) {
            return NOT_LOCAL;
        }
        return row[columnIndex - 1];
    }

    /** Closed (also by its statement, connection or a new execution): the real getter throws. */
    private boolean realIsClosed() {
        try {
            return delegate.isClosed();
        } catch (SQLException e) {
            return true; // let the real getter answer
        }
    }

    /** True when the driver's text of the cell is its value's own toString. */
    private boolean ownText(int columnIndex) {
        return rowTexts == null || rowTexts[columnIndex - 1] == null;
    }

    /** Values whose getObject and getString answers do not depend on anything but the row. */
    private static boolean servedAsIs(Object v) {
        return !(v instanceof java.util.Date || v instanceof RecordedArray);
    }

    /**
     * The cell for a numeric getter returning {@code type}: answered locally when it is SQL NULL
     * (the JDBC default) or exactly that class with its own text; else {@link #NOT_LOCAL}, and the
     * real driver answers (it parses the text, which may differ from the value's).
     */
    private Object number(int columnIndex, Class<?> type) {
        Object v = cell(columnIndex);
        if (v == null || type.isInstance(v) && ownText(columnIndex)) {
            readLocally(v);
            return v;
        }
        handBack();
        return NOT_LOCAL;
    }

    private void readLocally(Object v) {
        lastRead = v == null ? LOCAL_NULL : LOCAL_VALUE;
    }

    /** Called before every getter that goes to the real driver: from then on it knows wasNull. */
    private void handBack() {
        lastRead = REAL;
    }

    @Override
    public boolean wasNull() throws SQLException {
        if (lastRead != REAL && !realIsClosed()) {
            return lastRead == LOCAL_NULL;
        }
        return delegate.wasNull();
    }

    // --- getters answered locally when they can be ----------------------------------------------

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        Object v = cell(columnIndex);
        if (v != NOT_LOCAL && servedAsIs(v)) {
            readLocally(v);
            return CellValues.copy(v);
        }
        handBack();
        return delegate.getObject(columnIndex);
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        Object v = cell(columnIndex);
        if (v != NOT_LOCAL && servedAsIs(v)) {
            readLocally(v);
            if (v == null) {
                return null;
            }
            String stored = rowTexts == null ? null : rowTexts[columnIndex - 1];
            return stored != null ? stored : CellValues.defaultText(v);
        }
        handBack();
        return delegate.getString(columnIndex);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        Object v = cell(columnIndex);
        if (v == null || v instanceof Boolean) {
            readLocally(v);
            return v != null && (Boolean) v;
        }
        handBack();
        return delegate.getBoolean(columnIndex);
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        Object v = number(columnIndex, Byte.class);
        return v == NOT_LOCAL ? delegate.getByte(columnIndex) : v == null ? 0 : (Byte) v;
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        Object v = number(columnIndex, Short.class);
        return v == NOT_LOCAL ? delegate.getShort(columnIndex) : v == null ? 0 : (Short) v;
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        Object v = number(columnIndex, Integer.class);
        return v == NOT_LOCAL ? delegate.getInt(columnIndex) : v == null ? 0 : (Integer) v;
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        Object v = number(columnIndex, Long.class);
        return v == NOT_LOCAL ? delegate.getLong(columnIndex) : v == null ? 0 : (Long) v;
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        Object v = number(columnIndex, Float.class);
        return v == NOT_LOCAL ? delegate.getFloat(columnIndex) : v == null ? 0 : (Float) v;
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        Object v = number(columnIndex, Double.class);
        return v == NOT_LOCAL ? delegate.getDouble(columnIndex) : v == null ? 0 : (Double) v;
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        Object v = cell(columnIndex);
        if (v == null || v instanceof BigDecimal d && d.scale() >= 0 && ownText(columnIndex)) {
            readLocally(v);
            return (BigDecimal) v;
        }
        handBack();
        return delegate.getBigDecimal(columnIndex);
    }

    // By label: the real driver finds the column (its own rules and errors), then as by index.

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        if (rowValues == null) {
            handBack();
            return delegate.getObject(columnLabel);
        }
        return getObject(delegate.findColumn(columnLabel));
    }

    @Override
    public String getString(String columnLabel) throws SQLException {
        if (rowValues == null) {
            handBack();
            return delegate.getString(columnLabel);
        }
        return getString(delegate.findColumn(columnLabel));
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        if (rowValues == null) {
            handBack();
            return delegate.getBoolean(columnLabel);
        }
        return getBoolean(delegate.findColumn(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        if (rowValues == null) {
            handBack();
            return delegate.getByte(columnLabel);
        }
        return getByte(delegate.findColumn(columnLabel));
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        if (rowValues == null) {
            handBack();
            return delegate.getShort(columnLabel);
        }
        return getShort(delegate.findColumn(columnLabel));
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        if (rowValues == null) {
            handBack();
            return delegate.getInt(columnLabel);
        }
        return getInt(delegate.findColumn(columnLabel));
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        if (rowValues == null) {
            handBack();
            return delegate.getLong(columnLabel);
        }
        return getLong(delegate.findColumn(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        if (rowValues == null) {
            handBack();
            return delegate.getFloat(columnLabel);
        }
        return getFloat(delegate.findColumn(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        if (rowValues == null) {
            handBack();
            return delegate.getDouble(columnLabel);
        }
        return getDouble(delegate.findColumn(columnLabel));
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        if (rowValues == null) {
            handBack();
            return delegate.getBigDecimal(columnLabel);
        }
        return getBigDecimal(delegate.findColumn(columnLabel));
    }

    // --- every other getter: the real driver, which then knows wasNull --------------------------

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        handBack();
        return delegate.getArray(columnLabel);
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        handBack();
        return delegate.getArray(columnIndex);
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        handBack();
        return delegate.getAsciiStream(columnLabel);
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        handBack();
        return delegate.getAsciiStream(columnIndex);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        handBack();
        return delegate.getBigDecimal(columnLabel, scale);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        handBack();
        return delegate.getBigDecimal(columnIndex, scale);
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        handBack();
        return delegate.getBinaryStream(columnLabel);
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        handBack();
        return delegate.getBinaryStream(columnIndex);
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException {
        handBack();
        return delegate.getBlob(columnLabel);
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        handBack();
        return delegate.getBlob(columnIndex);
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        handBack();
        return delegate.getBytes(columnLabel);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        handBack();
        return delegate.getBytes(columnIndex);
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        handBack();
        return delegate.getCharacterStream(columnLabel);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        handBack();
        return delegate.getCharacterStream(columnIndex);
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        handBack();
        return delegate.getClob(columnLabel);
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        handBack();
        return delegate.getClob(columnIndex);
    }

    @Override
    public Date getDate(String columnLabel, Calendar cal) throws SQLException {
        handBack();
        return delegate.getDate(columnLabel, cal);
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException {
        handBack();
        return delegate.getDate(columnLabel);
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        handBack();
        return delegate.getDate(columnIndex, cal);
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        handBack();
        return delegate.getDate(columnIndex);
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        handBack();
        return delegate.getNCharacterStream(columnLabel);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        handBack();
        return delegate.getNCharacterStream(columnIndex);
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        handBack();
        return delegate.getNClob(columnLabel);
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        handBack();
        return delegate.getNClob(columnIndex);
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        handBack();
        return delegate.getNString(columnLabel);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        handBack();
        return delegate.getNString(columnIndex);
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        handBack();
        return delegate.getObject(columnLabel, type);
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        handBack();
        return delegate.getObject(columnLabel, map);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        handBack();
        return delegate.getObject(columnIndex, type);
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        handBack();
        return delegate.getObject(columnIndex, map);
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException {
        handBack();
        return delegate.getRef(columnLabel);
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        handBack();
        return delegate.getRef(columnIndex);
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException {
        handBack();
        return delegate.getRowId(columnLabel);
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        handBack();
        return delegate.getRowId(columnIndex);
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException {
        handBack();
        return delegate.getSQLXML(columnLabel);
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        handBack();
        return delegate.getSQLXML(columnIndex);
    }

    @Override
    public Time getTime(String columnLabel, Calendar cal) throws SQLException {
        handBack();
        return delegate.getTime(columnLabel, cal);
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException {
        handBack();
        return delegate.getTime(columnLabel);
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        handBack();
        return delegate.getTime(columnIndex, cal);
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        handBack();
        return delegate.getTime(columnIndex);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        handBack();
        return delegate.getTimestamp(columnLabel, cal);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        handBack();
        return delegate.getTimestamp(columnLabel);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        handBack();
        return delegate.getTimestamp(columnIndex, cal);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        handBack();
        return delegate.getTimestamp(columnIndex);
    }

    @Override
    public URL getURL(String columnLabel) throws SQLException {
        handBack();
        return delegate.getURL(columnLabel);
    }

    @Override
    public URL getURL(int columnIndex) throws SQLException {
        handBack();
        return delegate.getURL(columnIndex);
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        handBack();
        return delegate.getUnicodeStream(columnLabel);
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        handBack();
        return delegate.getUnicodeStream(columnIndex);
    }
}
