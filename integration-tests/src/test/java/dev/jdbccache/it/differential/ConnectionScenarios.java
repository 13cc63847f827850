package dev.jdbccache.it.differential;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executor;

/** Connection state, client info, timeouts and the wrapper contract toward vendor classes. */
final class ConnectionScenarios {

    private ConnectionScenarios() {
    }

    private static final Executor DIRECT = Runnable::run;

    static List<Scenario> all() {
        return List.of(
                Scenario.everywhere("connectionState_reportsTheDriversDefaults", (c, t) -> {
                    t.connectionState("c", c);
                    t.eval("isValid(2)", () -> c.isValid(2));
                    t.eval("isValid(-1)", () -> c.isValid(-1));
                    t.eval("getNetworkTimeout()", c::getNetworkTimeout);
                    t.eval("getTypeMap()", c::getTypeMap);
                    t.eval("getClientInfo()", c::getClientInfo);
                }),
                Scenario.everywhere("connectionStateChanges_areReportedBack", (c, t) -> {
                    t.attempt("setAutoCommit(false)", () -> c.setAutoCommit(false));
                    t.attempt("setTransactionIsolation(SERIALIZABLE)",
                            () -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
                    t.attempt("setReadOnly(true)", () -> c.setReadOnly(true));
                    t.attempt("setCatalog(same)", () -> c.setCatalog(c.getCatalog()));
                    t.attempt("setSchema(same)", () -> c.setSchema(c.getSchema()));
                    t.attempt("setHoldability(CLOSE)",
                            () -> c.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT));
                    t.connectionState("c", c);
                    t.attempt("rollback", c::rollback);
                    t.attempt("setReadOnly(false)", () -> c.setReadOnly(false));
                    t.attempt("setAutoCommit(true)", () -> c.setAutoCommit(true));
                    t.connectionState("c", c);
                }),
                Scenario.everywhere("networkTimeout_isKeptAsSet", (c, t) -> {
                    t.eval("getNetworkTimeout()", c::getNetworkTimeout);
                    t.attempt("setNetworkTimeout(executor, 30000)",
                            () -> c.setNetworkTimeout(DIRECT, 30_000));
                    t.eval("getNetworkTimeout()", c::getNetworkTimeout);
                    t.attempt("setNetworkTimeout(executor, -1)",
                            () -> c.setNetworkTimeout(DIRECT, -1));
                    t.query(c, "select 1 as one");
                }),
                Scenario.everywhere("clientInfo_isStoredOrRejectedLikeTheDriverDoes", (c, t) -> {
                    t.eval("getClientInfo()", c::getClientInfo);
                    t.attempt("setClientInfo(ApplicationName)",
                            () -> c.setClientInfo("ApplicationName", "differential"));
                    t.eval("getClientInfo(ApplicationName)",
                            () -> c.getClientInfo("ApplicationName"));
                    Properties props = new Properties();
                    props.setProperty("ApplicationName", "differential-2");
                    t.attempt("setClientInfo(properties)", () -> c.setClientInfo(props));
                    t.eval("getClientInfo()", c::getClientInfo);
                    t.attempt("setClientInfo(unknown)", () -> c.setClientInfo("NoSuchKey", "x"));
                    t.eval("getClientInfo(unknown)", () -> c.getClientInfo("NoSuchKey"));
                    t.eval("warnings", () -> Render.warnings(c.getWarnings()));
                }),
                Scenario.everywhere("nativeSql_translatesEscapesLikeTheDriver", (c, t) -> {
                    t.eval("nativeSQL(fn)", () -> c.nativeSQL("select {fn ucase('a')}"));
                    t.eval("nativeSQL(d)", () -> c.nativeSQL("select {d '2024-01-01'}"));
                    t.eval("nativeSQL(call)", () -> c.nativeSQL("{call abs(?)}"));
                    t.eval("nativeSQL(plain)", () -> c.nativeSQL("select 1"));
                }),
                Scenario.both("unwrap_reachesTheVendorConnectionAndStatements",
                        ConnectionScenarios::unwrapping),
                Scenario.both("resultSetUnwrap_reachesTheVendorResultSet",
                        ConnectionScenarios::resultSetUnwrapping)
                        .differingOnHitsBecause("a hit is a recording, not the vendor's result set: "
                                + "unwrap to the vendor class works on misses and pass-through reads only"));
    }

    private static void unwrapping(Connection c, Transcript t) throws Exception {
        Fixtures.items(c, t);
        Class<?> vendorConnection = vendor(t.database(), "org.h2.jdbc.JdbcConnection",
                "org.postgresql.PGConnection");
        Class<?> vendorStatement = vendor(t.database(), "org.h2.jdbc.JdbcStatement",
                "org.postgresql.PGStatement");
        Class<?> vendorPrepared = vendor(t.database(), "org.h2.jdbc.JdbcPreparedStatement",
                "org.postgresql.PGStatement");
        wrapper(t, "connection", c, vendorConnection);
        wrapper(t, "connection", c, Connection.class);
        wrapper(t, "connection", c, String.class);
        try (Statement st = c.createStatement()) {
            wrapper(t, "statement", st, vendorStatement);
            wrapper(t, "statement", st, Statement.class);
        }
        try (PreparedStatement ps = c.prepareStatement("select label from items")) {
            wrapper(t, "prepared statement", ps, vendorPrepared);
        }
        wrapper(t, "metadata", c.getMetaData(), vendor(t.database(),
                "org.h2.jdbc.JdbcDatabaseMetaData", "org.postgresql.jdbc.PgDatabaseMetaData"));
        if (t.database().isPostgres()) {
            t.eval("unwrap(PGConnection).getBackendPID() > 0", () -> c.unwrap(
                    org.postgresql.PGConnection.class).getBackendPID() > 0);
        }
    }

    private static void resultSetUnwrapping(Connection c, Transcript t) throws Exception {
        Fixtures.items(c, t);
        Class<?> vendorResultSet = vendor(t.database(), "org.h2.jdbc.JdbcResultSet",
                "org.postgresql.jdbc.PgResultSet");
        Class<?> vendorMetaData = vendor(t.database(), "org.h2.jdbc.JdbcResultSetMetaData",
                "org.postgresql.PGResultSetMetaData");
        t.reads("result set unwrap", () -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select label from items order by id")) {
                wrapper(t, "  result set", rs, vendorResultSet);
                wrapper(t, "  result set", rs, ResultSet.class);
                wrapper(t, "  result set metadata", rs.getMetaData(), vendorMetaData);
                t.resultSet("  rs", rs);
            }
        });
    }

    private static Class<?> vendor(Database db, String h2, String postgres)
            throws ClassNotFoundException {
        return Class.forName(db.pick(h2, postgres));
    }

    /**
     * isWrapperFor and unwrap toward a vendor or standard type. For vendor types the class of the
     * unwrapped object is recorded; for standard interfaces only that unwrap succeeded, since a
     * wrapper legitimately answers with itself.
     */
    private static void wrapper(Transcript t, String label, java.sql.Wrapper w, Class<?> type) {
        t.eval(label + ".isWrapperFor(" + type.getSimpleName() + ")", () -> w.isWrapperFor(type));
        boolean vendorType = !type.getName().startsWith("java.");
        t.eval(label + ".unwrap(" + type.getSimpleName() + ")", () -> {
            Object unwrapped = w.unwrap(type);
            return type.isInstance(unwrapped)
                    ? (vendorType ? unwrapped.getClass().getName() : "an instance") : "WRONG TYPE";
        });
    }
}
