package dev.jdbccache.driver.jdbc;

import dev.jdbccache.driver.result.DelegatingResultSet;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * A {@link Statement} that hands every call to the real driver's statement. It adds only what
 * keeps the wrapper invisible: {@link #getConnection()} answers the wrapping connection, result
 * sets answer this wrapper from {@code getStatement()}, and {@code unwrap} reaches the real object.
 *
 * <p>A subclass may serve a result set of its own in place of the real one (a cache hit); while
 * it does, {@link #getResultSet()}, {@link #getUpdateCount()} and {@link #getMoreResults()} answer
 * for that result. Not thread-safe, like the statements it wraps.
 */
public class DelegatingStatement<S extends Statement> implements Statement {

    protected final S delegate;
    private final Connection connection;
    private ResultSet lastReal;
    private ResultSet lastWrapped;
    /** A result set served by the wrapper instead of the real statement's, or {@code null}. */
    private ResultSet served;
    /** True after getMoreResults() moved past a served result set. */
    private boolean servedExhausted;

    public DelegatingStatement(S delegate, Connection connection) {
        this.delegate = delegate;
        this.connection = connection;
    }

    /** The real driver's statement. */
    public final S delegate() {
        return delegate;
    }

    /** Serves {@code resultSet} as this statement's current result, in place of the real statement's. */
    protected final ResultSet serve(ResultSet resultSet) throws SQLException {
        closeServed();
        served = resultSet;
        servedExhausted = false;
        return resultSet;
    }

    /** Forgets a served result: the next execution's results are the real statement's. */
    protected final void clearServed() throws SQLException {
        closeServed();
        servedExhausted = false;
    }

    private void closeServed() throws SQLException {
        ResultSet previous = served;
        served = null;
        if (previous != null) {
            previous.close();
        }
    }

    /** Wraps a real result set so that its {@code getStatement()} answers this wrapper. */
    protected final ResultSet wrap(ResultSet real) {
        if (real == null) {
            return null;
        }
        if (real != lastReal) {
            lastReal = real;
            lastWrapped = new DelegatingResultSet(real, this);
        }
        return lastWrapped;
    }

    @Override
    public Connection getConnection() throws SQLException {
        delegate.getConnection(); // throws if closed, as the real statement does
        return connection;
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        clearServed();
        return wrap(delegate.executeQuery(sql));
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        if (served != null || servedExhausted) {
            delegate.getResultSet(); // keeps the real statement's closed-state checks
            return served;
        }
        return wrap(delegate.getResultSet());
    }

    @Override
    public int getUpdateCount() throws SQLException {
        if (served != null || servedExhausted) {
            delegate.getUpdateCount();
            return -1;
        }
        return delegate.getUpdateCount();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        if (served != null || servedExhausted) {
            delegate.getLargeUpdateCount();
            return -1;
        }
        return delegate.getLargeUpdateCount();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        if (served != null || servedExhausted) {
            if (served != null && current != KEEP_CURRENT_RESULT) {
                served.close();
            }
            served = null;
            servedExhausted = true;
            return false;
        }
        return delegate.getMoreResults(current);
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return wrap(delegate.getGeneratedKeys());
    }

    @Override
    public void close() throws SQLException {
        try {
            closeServed();
        } finally {
            delegate.close();
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, delegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Wrappers.isWrapperFor(this, delegate, iface);
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        delegate.addBatch(sql);
    }

    @Override
    public void cancel() throws SQLException {
        delegate.cancel();
    }

    @Override
    public void clearBatch() throws SQLException {
        delegate.clearBatch();
    }

    @Override
    public void clearWarnings() throws SQLException {
        delegate.clearWarnings();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        delegate.closeOnCompletion();
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        return delegate.enquoteIdentifier(identifier, alwaysQuote);
    }

    @Override
    public String enquoteLiteral(String val) throws SQLException {
        return delegate.enquoteLiteral(val);
    }

    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        return delegate.enquoteNCharLiteral(val);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return delegate.execute(sql, columnIndexes);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return delegate.execute(sql, columnNames);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return delegate.execute(sql, autoGeneratedKeys);
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return delegate.execute(sql);
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return delegate.executeBatch();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return delegate.executeLargeBatch();
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return delegate.executeLargeUpdate(sql, columnIndexes);
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return delegate.executeLargeUpdate(sql, columnNames);
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return delegate.executeLargeUpdate(sql, autoGeneratedKeys);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return delegate.executeLargeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return delegate.executeUpdate(sql, columnIndexes);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return delegate.executeUpdate(sql, columnNames);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return delegate.executeUpdate(sql, autoGeneratedKeys);
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return delegate.executeUpdate(sql);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return delegate.getFetchDirection();
    }

    @Override
    public int getFetchSize() throws SQLException {
        return delegate.getFetchSize();
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return delegate.getLargeMaxRows();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return delegate.getMaxFieldSize();
    }

    @Override
    public int getMaxRows() throws SQLException {
        return delegate.getMaxRows();
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return delegate.getQueryTimeout();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return delegate.getResultSetConcurrency();
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return delegate.getResultSetHoldability();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return delegate.getResultSetType();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return delegate.getWarnings();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return delegate.isCloseOnCompletion();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return delegate.isClosed();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return delegate.isPoolable();
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        return delegate.isSimpleIdentifier(identifier);
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        delegate.setCursorName(name);
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        delegate.setEscapeProcessing(enable);
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        delegate.setFetchDirection(direction);
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        delegate.setFetchSize(rows);
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        delegate.setLargeMaxRows(max);
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        delegate.setMaxFieldSize(max);
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        delegate.setMaxRows(max);
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        delegate.setPoolable(poolable);
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        delegate.setQueryTimeout(seconds);
    }
}
