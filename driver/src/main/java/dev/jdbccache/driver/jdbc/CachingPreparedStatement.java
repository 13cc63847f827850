package dev.jdbccache.driver.jdbc;

import dev.jdbccache.driver.cache.BoundParameters;
import dev.jdbccache.driver.cache.BoundParameters.Binding;
import dev.jdbccache.driver.cache.ReadPlan;
import dev.jdbccache.driver.cache.WritePlan;
import dev.jdbccache.parser.SqlAnalysis;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * A {@link PreparedStatement} whose reads go through the cache, keyed by the SQL and the bound
 * parameters (each setter records how and what it bound), and whose writes and batches invalidate
 * the tables they change. Not thread-safe.
 */
final class CachingPreparedStatement extends DelegatingPreparedStatement<PreparedStatement> {

    private final CachingConnection connection;
    private final SqlAnalysis analysis;
    private final boolean read;
    private final BoundParameters parameters = new BoundParameters();
    private boolean batchHasText;
    /** The parameters of each execution added to the batch (bounded: beyond, the batch is table-level). */
    private final List<Object[]> batchParameters = new ArrayList<>();
    private boolean batchTooLong;
    private static final int MAX_BATCH_FOOTPRINT = 1000;
    private ReadPlan plan; // the last read plan, reused while the catalog is unchanged

    CachingPreparedStatement(PreparedStatement delegate, CachingConnection connection, SqlAnalysis analysis) {
        super(delegate, connection);
        this.connection = connection;
        this.analysis = analysis;
        this.read = CachingConnection.isRead(analysis);
    }

    // ---- execution ------------------------------------------------------------------------

    private ReadPlan readPlan() {
        ReadPlan current = connection.readPlan(analysis, plan);
        plan = current;
        return current;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        clearServed();
        if (read) {
            return connection.read(analysis, readPlan(), parameters, this, delegate::executeQuery);
        }
        return connection.execute(analysis, parameters.snapshot(), () -> wrap(delegate.executeQuery()));
    }

    @Override
    public boolean execute() throws SQLException {
        clearServed();
        if (read) {
            return connection.read(analysis, readPlan(), parameters, this, () -> delegate.execute() ? delegate.getResultSet() : null) != null;
        }
        return connection.execute(analysis, parameters.snapshot(), delegate::execute);
    }

    @Override
    public int executeUpdate() throws SQLException {
        clearServed();
        return connection.execute(analysis, parameters.snapshot(), delegate::executeUpdate);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        clearServed();
        return connection.execute(analysis, parameters.snapshot(), delegate::executeLargeUpdate);
    }

    @Override
    public int[] executeBatch() throws SQLException {
        clearServed();
        try {
            return connection.write(batchPlan(), delegate::executeBatch);
        } finally {
            batchEnded();
        }
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        clearServed();
        try {
            return connection.write(batchPlan(), delegate::executeLargeBatch);
        } finally {
            batchEnded();
        }
    }

    // The Statement methods that take SQL text are illegal on a prepared statement; real drivers
    // reject them, but should one run the text, it still goes through analysis and invalidation.

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        clearServed();
        return connection.execute(connection.analyze(sql), () -> wrap(delegate.executeQuery(sql)));
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        clearServed();
        return connection.execute(connection.analyze(sql), () -> delegate.execute(sql));
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        clearServed();
        return connection.execute(connection.analyze(sql), () -> delegate.executeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        clearServed();
        return connection.execute(connection.analyze(sql), () -> delegate.executeLargeUpdate(sql));
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        delegate.addBatch(sql); // every driver we know rejects this on a prepared statement
        batchHasText = true;
    }

    @Override
    public void addBatch() throws SQLException {
        delegate.addBatch();
        if (batchParameters.size() < MAX_BATCH_FOOTPRINT) {
            batchParameters.add(parameters.snapshot());
        } else {
            batchTooLong = true;
        }
    }

    @Override
    public void clearBatch() throws SQLException {
        delegate.clearBatch();
        batchEnded();
    }

    private void batchEnded() {
        batchHasText = false;
        batchParameters.clear();
        batchTooLong = false;
    }

    /**
     * The batch's write set: this statement's for each execution added (its keys, or its tables
     * beyond {@link #MAX_BATCH_FOOTPRINT} executions), or every table if SQL text was added to it.
     */
    private WritePlan batchPlan() {
        boolean inFlux = connection.catalogInFlux();
        WritePlan plan = connection.writePlan(analysis);
        if (batchHasText || inFlux) {
            return plan.anyTable();
        }
        return batchTooLong ? plan.bound((Object[]) null) : plan.bound(batchParameters);
    }

    // ---- parameters: delegate, then record as key material ---------------------------------

    @Override
    public void clearParameters() throws SQLException {
        delegate.clearParameters();
        parameters.clear();
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        delegate.setNull(parameterIndex, sqlType);
        parameters.set(parameterIndex, Binding.NULL, null, sqlType);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        delegate.setNull(parameterIndex, sqlType, typeName);
        parameters.set(parameterIndex, Binding.NULL, typeName, sqlType);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        delegate.setBoolean(parameterIndex, x);
        parameters.set(parameterIndex, Binding.BOOLEAN, x, null);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        delegate.setByte(parameterIndex, x);
        parameters.set(parameterIndex, Binding.BYTE, x, null);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        delegate.setShort(parameterIndex, x);
        parameters.set(parameterIndex, Binding.SHORT, x, null);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        delegate.setInt(parameterIndex, x);
        parameters.set(parameterIndex, Binding.INT, x, null);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        delegate.setLong(parameterIndex, x);
        parameters.set(parameterIndex, Binding.LONG, x, null);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        delegate.setFloat(parameterIndex, x);
        parameters.set(parameterIndex, Binding.FLOAT, x, null);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        delegate.setDouble(parameterIndex, x);
        parameters.set(parameterIndex, Binding.DOUBLE, x, null);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        delegate.setBigDecimal(parameterIndex, x);
        parameters.set(parameterIndex, Binding.BIG_DECIMAL, x, null); // BigDecimal.equals keeps the scale
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        delegate.setString(parameterIndex, x);
        parameters.set(parameterIndex, Binding.STRING, x, null);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        delegate.setNString(parameterIndex, value);
        parameters.set(parameterIndex, Binding.NSTRING, value, null);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        delegate.setBytes(parameterIndex, x);
        parameters.set(parameterIndex, Binding.BYTES, x == null ? null : x.clone(), null);
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        delegate.setDate(parameterIndex, x);
        parameters.set(parameterIndex, Binding.DATE, BoundParameters.copyOf(x), null);
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        delegate.setDate(parameterIndex, x, cal);
        parameters.set(parameterIndex, Binding.DATE, BoundParameters.copyOf(x), BoundParameters.calendarZone(cal));
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        delegate.setTime(parameterIndex, x);
        parameters.set(parameterIndex, Binding.TIME, BoundParameters.copyOf(x), null);
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        delegate.setTime(parameterIndex, x, cal);
        parameters.set(parameterIndex, Binding.TIME, BoundParameters.copyOf(x), BoundParameters.calendarZone(cal));
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        delegate.setTimestamp(parameterIndex, x);
        parameters.set(parameterIndex, Binding.TIMESTAMP, BoundParameters.copyOf(x), null);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        delegate.setTimestamp(parameterIndex, x, cal);
        parameters.set(parameterIndex, Binding.TIMESTAMP, BoundParameters.copyOf(x), BoundParameters.calendarZone(cal));
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        delegate.setObject(parameterIndex, x);
        parameters.setObject(parameterIndex, x, null);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        delegate.setObject(parameterIndex, x, targetSqlType);
        parameters.setObject(parameterIndex, x, targetSqlType);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        delegate.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        parameters.setObject(parameterIndex, x, targetSqlType + ":" + scaleOrLength);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        delegate.setObject(parameterIndex, x, targetSqlType);
        parameters.setObject(parameterIndex, x, BoundParameters.sqlType(targetSqlType));
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        delegate.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        parameters.setObject(parameterIndex, x, BoundParameters.sqlType(targetSqlType) + ":" + scaleOrLength);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        delegate.setURL(parameterIndex, x);
        parameters.set(parameterIndex, Binding.URL, x == null ? null : x.toExternalForm(), null);
    }

    // Streams, LOBs, arrays, refs, row ids and XML cannot be key material: the execution bypasses.

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        delegate.setAsciiStream(parameterIndex, x, length);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        delegate.setAsciiStream(parameterIndex, x, length);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        delegate.setAsciiStream(parameterIndex, x);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    @SuppressWarnings("deprecation")
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        delegate.setUnicodeStream(parameterIndex, x, length);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        delegate.setBinaryStream(parameterIndex, x, length);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        delegate.setBinaryStream(parameterIndex, x, length);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        delegate.setBinaryStream(parameterIndex, x);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        delegate.setCharacterStream(parameterIndex, reader, length);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        delegate.setCharacterStream(parameterIndex, reader, length);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        delegate.setCharacterStream(parameterIndex, reader);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        delegate.setNCharacterStream(parameterIndex, value, length);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        delegate.setNCharacterStream(parameterIndex, value);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        delegate.setRef(parameterIndex, x);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        delegate.setBlob(parameterIndex, x);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        delegate.setBlob(parameterIndex, inputStream, length);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        delegate.setBlob(parameterIndex, inputStream);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        delegate.setClob(parameterIndex, x);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        delegate.setClob(parameterIndex, reader, length);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        delegate.setClob(parameterIndex, reader);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        delegate.setNClob(parameterIndex, value);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        delegate.setNClob(parameterIndex, reader, length);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        delegate.setNClob(parameterIndex, reader);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        delegate.setArray(parameterIndex, x);
        Object copy = x == null ? null : BoundParameters.copyOf(x);
        if (copy == BoundParameters.OPAQUE) {
            parameters.setOpaque(parameterIndex);
        } else {
            parameters.set(parameterIndex, Binding.ARRAY, copy, null);
        }
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        delegate.setRowId(parameterIndex, x);
        parameters.setOpaque(parameterIndex);
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        delegate.setSQLXML(parameterIndex, xmlObject);
        parameters.setOpaque(parameterIndex);
    }
}
