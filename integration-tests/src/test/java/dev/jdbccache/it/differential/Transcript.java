package dev.jdbccache.it.differential;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Everything a scenario observed through JDBC, one line per observation. Two transcripts of the
 * same scenario, one through the plain driver and one through {@code jdbc:cache:}, must be equal.
 *
 * <p>Reads ({@link #query}, {@link #statementQuery}, {@link #reads}) run twice in a row when the
 * mode repeats reads, so the second run is answered by the cache. Writes and other steps run once.
 * Not thread-safe: one transcript per scenario run.
 */
final class Transcript {

    private final Database database;
    private final boolean repeatReads;
    private final SqlSupplier<Connection> connectionSource;
    private final List<Connection> openedConnections = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    Transcript(Database database, boolean repeatReads, SqlSupplier<Connection> connectionSource) {
        this.database = database;
        this.repeatReads = repeatReads;
        this.connectionSource = connectionSource;
    }

    Database database() {
        return database;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    void add(String line) {
        lines.add(line);
    }

    /**
     * Opens another connection to the same sandbox through the same side (plain or cache); the
     * runner closes it after the scenario.
     */
    Connection openConnection() throws Exception {
        Connection c = connectionSource.get();
        openedConnections.add(c);
        return c;
    }

    List<Connection> openedConnections() {
        return List.copyOf(openedConnections);
    }

    // ---- plain observations ----

    void note(String text) {
        add("# " + text);
    }

    void check(String label, boolean value) {
        add(label + " = " + value);
    }

    /** Records the value {@code supplier} returns, or the exception it throws. */
    void eval(String label, SqlSupplier<?> supplier) {
        try {
            add(label + " = " + Render.value(supplier.get()));
        } catch (Exception e) {
            add(label + " = " + Render.throwable(e));
        }
    }

    /** Runs a step and records whether it completed or which exception it threw. */
    void attempt(String label, SqlAction action) {
        try {
            action.run();
            add(label + ": ok");
        } catch (Exception e) {
            add(label + ": " + Render.throwable(e));
        }
    }

    void warnings(String label, SQLWarning warning) {
        add(label + " warnings: " + Render.warnings(warning));
    }

    // ---- reads: repeated in the repeat mode ----

    /** Runs a read step once, or twice in a row when reads are repeated. */
    void reads(String label, SqlAction action) {
        int runs = repeatReads ? 2 : 1;
        for (int run = 1; run <= runs; run++) {
            add("read " + label + " #" + run);
            try {
                action.run();
            } catch (Exception e) {
                add("  failed: " + Render.throwable(e));
            }
        }
    }

    /** Prepares, binds, executes and records a query, closing everything afterwards. */
    void query(Connection c, String sql, Object... params) {
        reads(Render.text(sql) + describe(params), () -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    check("  rs.getStatement() == ps", rs.getStatement() == ps);
                    resultSet("  rs", rs);
                }
                afterResults("  ps", ps);
            }
        });
    }

    /** Executes and records a query through a plain {@link Statement}. */
    void statementQuery(Connection c, String sql) {
        reads("statement " + Render.text(sql), () -> {
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    check("  rs.getStatement() == st", rs.getStatement() == st);
                    resultSet("  rs", rs);
                }
                afterResults("  st", st);
            }
        });
    }

    private void afterResults(String label, Statement st) {
        eval(label + ".getMoreResults()", st::getMoreResults);
        eval(label + ".getUpdateCount()", st::getUpdateCount);
        eval(label + ".warnings", () -> Render.warnings(st.getWarnings()));
    }

    /** Records metadata, rows and warnings of a result set, reading it to the end. */
    void resultSet(String label, ResultSet rs) throws SQLException {
        ResultSetRecorder.record(this, label, rs);
    }

    // ---- steps that run once ----

    /** A prepared {@code executeUpdate}, recording the update count or the error. */
    void update(Connection c, String sql, Object... params) {
        String label = "update " + Render.text(sql) + describe(params);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            add(label + " = " + ps.executeUpdate());
            add("  warnings: " + Render.warnings(ps.getWarnings()));
        } catch (SQLException e) {
            add(label + " = " + Render.error(e));
        }
    }

    /**
     * {@link Statement#execute(String)} followed by a walk over every result it produced:
     * result sets, update counts and the {@code getMoreResults} sequence.
     */
    void execute(Connection c, String sql) {
        add("execute " + Render.text(sql));
        try (Statement st = c.createStatement()) {
            walkResults(st, st.execute(sql));
        } catch (SQLException e) {
            add("  failed: " + Render.error(e));
        }
    }

    /** Records all results of a statement that was just executed and returned {@code isResultSet}. */
    void walkResults(Statement st, boolean isResultSet) throws SQLException {
        boolean resultSetNext = isResultSet;
        for (int i = 0; i < 50; i++) {
            add("  result " + i + " isResultSet = " + resultSetNext);
            if (resultSetNext) {
                try (ResultSet rs = st.getResultSet()) {
                    check("  getResultSet().getStatement() == st", rs.getStatement() == st);
                    resultSet("  rs", rs);
                }
            } else {
                int count = st.getUpdateCount();
                add("  updateCount = " + count);
                if (count == -1) {
                    break;
                }
            }
            resultSetNext = st.getMoreResults();
        }
        add("  warnings: " + Render.warnings(st.getWarnings()));
    }

    /** Runs set-up statements, recording each outcome (they must succeed alike on both sides). */
    void setup(Connection c, String... sqls) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : sqls) {
                try {
                    st.execute(sql);
                    add("setup " + Render.text(sql) + ": ok");
                } catch (SQLException e) {
                    throw new IllegalStateException("set-up failed: " + sql + ": " + e, e);
                }
            }
        }
    }

    /** The observable state of a connection. */
    void connectionState(String label, Connection c) {
        eval(label + ".getAutoCommit()", c::getAutoCommit);
        eval(label + ".getTransactionIsolation()", c::getTransactionIsolation);
        eval(label + ".isReadOnly()", c::isReadOnly);
        eval(label + ".getCatalog()", c::getCatalog);
        eval(label + ".getSchema()", c::getSchema);
        eval(label + ".getHoldability()", c::getHoldability);
        eval(label + ".isClosed()", c::isClosed);
        eval(label + ".getWarnings()", () -> Render.warnings(c.getWarnings()));
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Bind b) {
                b.bind(ps, i + 1);
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
    }

    private static String describe(Object... params) {
        if (params.length == 0) {
            return "";
        }
        StringJoiner joiner = new StringJoiner(", ", " params=[", "]");
        for (Object p : params) {
            joiner.add(p instanceof Bind b ? b.describe() : Render.value(p));
        }
        return joiner.toString();
    }
}
