package dev.jdbccache.driver.jdbc;

import dev.jdbccache.parser.SqlAnalysis;
import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A {@link CallableStatement}: never cached. A procedure may write tables the SQL does not name,
 * so a call invalidates as the analysis says (for {@code {call ...}}: every table, through the
 * global version). Not thread-safe.
 */
final class CachingCallableStatement extends DelegatingCallableStatement {

    private final CachingConnection connection;
    private final SqlAnalysis analysis;

    CachingCallableStatement(CallableStatement delegate, CachingConnection connection, SqlAnalysis analysis) {
        super(delegate, connection);
        this.connection = connection;
        this.analysis = analysis;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return connection.execute(analysis, () -> wrap(delegate.executeQuery()));
    }

    @Override
    public boolean execute() throws SQLException {
        return connection.execute(analysis, delegate::execute);
    }

    @Override
    public int executeUpdate() throws SQLException {
        return connection.execute(analysis, delegate::executeUpdate);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return connection.execute(analysis, delegate::executeLargeUpdate);
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return connection.write(connection.writePlan(analysis), delegate::executeBatch);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return connection.write(connection.writePlan(analysis), delegate::executeLargeBatch);
    }
}
