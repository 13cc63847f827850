package dev.jdbccache.it.differential;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Statement behaviour around the results: update counts, execute flags, generated keys,
 * identities, settings and the lifecycle of statements and result sets.
 */
final class StatementScenarios {

    private StatementScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.both("updateCounts_ofInsertUpdateDeleteAndNoMatch", (c, t) -> {
                    Fixtures.items(c, t);
                    t.update(c, "insert into items (label, qty) values (?, ?)", "plum", 1);
                    t.update(c, "insert into items (label) values ('fig'), ('kiwi'), ('lime')");
                    t.update(c, "update items set qty = qty + 1 where qty < ?", 4);
                    t.update(c, "update items set qty = 0 where label = ?", "none");
                    t.update(c, "delete from items where label like ?", "%i%");
                    t.update(c, "delete from items where id < 0");
                    t.update(c, "create table side (x integer)");
                    t.query(c, "select id, label, qty from items order by id");
                }),
                Scenario.both("execute_reportsResultKindAndWalksAllResults", (c, t) -> {
                    Fixtures.items(c, t);
                    t.execute(c, "select label from items order by id");
                    t.execute(c, "update items set qty = 7 where label = 'apple'");
                    t.execute(c, "create table other (x integer)");
                    t.execute(c, "insert into other values (1), (2)");
                    t.execute(c, "select * from other order by x");
                }),
                Scenario.both("multipleStatementsInOneExecute_returnEachResultInOrder", (c, t) -> {
                    Fixtures.items(c, t);
                    t.execute(c, "select count(*) from items; update items set qty = 1;"
                            + " select label, qty from items order by id");
                    t.execute(c, "insert into items (label) values ('x'); delete from items"
                            + " where label = 'x'");
                    t.query(c, "select label, qty from items order by id");
                }),
                Scenario.both("generatedKeys_returnedForReturnGeneratedKeys",
                        StatementScenarios::generatedKeysFlag),
                Scenario.both("generatedKeys_returnedForNamedAndIndexedColumns",
                        StatementScenarios::generatedKeysByColumn),
                Scenario.both("generatedKeys_withoutRequest_areEmptyOrRejected", (c, t) -> {
                    Fixtures.items(c, t);
                    try (Statement st = c.createStatement()) {
                        t.eval("executeUpdate", () -> st.executeUpdate(
                                "insert into items (label) values ('nokeys')"));
                        t.attempt("getGeneratedKeys", () -> {
                            try (ResultSet keys = st.getGeneratedKeys()) {
                                t.resultSet("  keys", keys);
                            }
                        });
                    }
                }),
                Scenario.both("closeOnCompletion_closesTheStatementWithItsResult", (c, t) -> {
                    Fixtures.items(c, t);
                    t.reads("closeOnCompletion", () -> {
                        Statement st = c.createStatement();
                        t.eval("  isCloseOnCompletion before", st::isCloseOnCompletion);
                        st.closeOnCompletion();
                        t.eval("  isCloseOnCompletion after", st::isCloseOnCompletion);
                        ResultSet rs = st.executeQuery("select label from items order by id");
                        t.resultSet("  rs", rs);
                        t.eval("  statement closed before rs.close()", st::isClosed);
                        rs.close();
                        t.eval("  statement closed after rs.close()", st::isClosed);
                        st.close();
                    });
                }),
                Scenario.both("queryTimeout_isKeptAndQueriesStillRun", (c, t) -> {
                    Fixtures.items(c, t);
                    t.reads("query timeout", () -> {
                        try (PreparedStatement ps = c.prepareStatement("select count(*) from items")) {
                            t.eval("  default getQueryTimeout()", ps::getQueryTimeout);
                            ps.setQueryTimeout(7);
                            t.eval("  getQueryTimeout()", ps::getQueryTimeout);
                            try (ResultSet rs = ps.executeQuery()) {
                                t.resultSet("  rs", rs);
                            }
                            t.attempt("  setQueryTimeout(-1)", () -> ps.setQueryTimeout(-1));
                        }
                    });
                }),
                Scenario.everywhere("statementSettings_areReportedAsSet",
                        StatementScenarios::statementSettings),
                Scenario.both("getStatement_isTheStatementThatProducedTheResult",
                        StatementScenarios::statementIdentity),
                Scenario.both("closedStatementsAndResults_rejectFurtherUse",
                        StatementScenarios::closedObjects),
                Scenario.both("largeUpdates_reportLongCountsAndLargeMaxRows", (c, t) -> {
                    Fixtures.items(c, t);
                    try (Statement st = c.createStatement()) {
                        t.eval("executeLargeUpdate", () -> st.executeLargeUpdate(
                                "update items set qty = qty * 2"));
                        t.eval("getLargeUpdateCount", st::getLargeUpdateCount);
                        t.attempt("setLargeMaxRows(1)", () -> st.setLargeMaxRows(1L));
                        t.eval("getLargeMaxRows", st::getLargeMaxRows);
                        try (ResultSet rs = st.executeQuery("select label, qty from items"
                                + " order by id")) {
                            t.resultSet("rs", rs);
                        }
                    }
                }),
                Scenario.everywhere("escapeSyntax_isTranslatedUnlessDisabled", (c, t) -> {
                    t.statementQuery(c, "select {fn ucase('abc')} as u, {d '2024-02-29'} as d,"
                            + " {ts '2024-02-29 13:45:56'} as ts, {fn concat('a', 'b')} as ab");
                    t.query(c, "select {fn abs(?)} as a", -3);
                    t.reads("escape processing off", () -> {
                        try (Statement st = c.createStatement()) {
                            st.setEscapeProcessing(false);
                            try (ResultSet rs = st.executeQuery("select {fn ucase('abc')}")) {
                                t.resultSet("  rs", rs);
                            }
                        }
                    });
                }),
                Scenario.everywhere("statementAndPreparedStatement_returnTheSameRows", (c, t) -> {
                    Fixtures.people(c, t);
                    t.statementQuery(c, "select id, name, salary from people where id <= 3"
                            + " order by id");
                    t.query(c, "select id, name, salary from people where id <= 3 order by id");
                    t.query(c, "select id, name, salary from people where id <= ? order by id",
                            3);
                }),
                Scenario.both("readingOutsideTheRows_throws", (c, t) -> {
                    Fixtures.items(c, t);
                    t.statementQuery(c, "select id, label from items order by id");
                    t.reads("outside the rows", () -> {
                        try (Statement st = c.createStatement();
                             ResultSet rs = st.executeQuery(
                                     "select id, label from items order by id")) {
                            t.eval("  getInt(1) before first", () -> rs.getInt(1));
                            t.eval("  next()", rs::next);
                            t.eval("  getInt(0)", () -> rs.getInt(0));
                            t.eval("  getInt(3)", () -> rs.getInt(3));
                            t.eval("  getString(nope)", () -> rs.getString("nope"));
                            t.eval("  next()", rs::next);
                            t.eval("  next()", rs::next);
                            t.eval("  getInt(1) after last", () -> rs.getInt(1));
                            t.eval("  wasNull() after last", rs::wasNull);
                        }
                    });
                }),
                Scenario.everywhere("preparedStatementMetadata_describesResultAndParameters",
                        StatementScenarios::preparedMetadata),
                Scenario.both("reexecutingAStatement_closesItsPreviousResult", (c, t) -> {
                    Fixtures.items(c, t);
                    t.reads("re-execution", () -> {
                        try (PreparedStatement ps = c.prepareStatement(
                                "select label from items where qty > ? order by id")) {
                            ps.setInt(1, 0);
                            ResultSet first = ps.executeQuery();
                            t.eval("  first.next()", first::next);
                            ps.setInt(1, 4);
                            ResultSet second = ps.executeQuery();
                            t.eval("  first.isClosed() after re-execution", first::isClosed);
                            t.resultSet("  second", second);
                            t.eval("  second.isClosed()", second::isClosed);
                            second.close();
                        }
                    });
                }));
    }

    private static void generatedKeysFlag(Connection c, Transcript t) throws Exception {
        Fixtures.items(c, t);
        try (Statement st = c.createStatement()) {
            t.eval("executeUpdate(RETURN_GENERATED_KEYS)", () -> st.executeUpdate(
                    "insert into items (label, qty) values ('plum', 9)",
                    Statement.RETURN_GENERATED_KEYS));
            keys(t, "statement keys", st);
            t.eval("execute(RETURN_GENERATED_KEYS)", () -> st.execute(
                    "insert into items (label) values ('fig'), ('kiwi')",
                    Statement.RETURN_GENERATED_KEYS));
            keys(t, "multi-row keys", st);
        }
        try (PreparedStatement ps = c.prepareStatement("insert into items (label, qty)"
                + " values (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "lime");
            ps.setInt(2, 4);
            t.eval("prepared executeUpdate", ps::executeUpdate);
            keys(t, "prepared keys", ps);
        }
        t.query(c, "select id, label, qty from items order by id");
    }

    private static void generatedKeysByColumn(Connection c, Transcript t) throws Exception {
        Fixtures.items(c, t);
        try (Statement st = c.createStatement()) {
            t.eval("executeUpdate(columnNames)", () -> st.executeUpdate(
                    "insert into items (label, qty) values ('plum', 9)",
                    new String[] {t.database().pick("ID", "id"), t.database().pick("QTY", "qty")}));
            keys(t, "named keys", st);
            t.eval("executeUpdate(columnIndexes)", () -> st.executeUpdate(
                    "insert into items (label) values ('fig')", new int[] {1}));
            keys(t, "indexed keys", st);
        }
        try (PreparedStatement ps = c.prepareStatement("insert into items (label) values (?)",
                new String[] {t.database().pick("ID", "id")})) {
            ps.setString(1, "lime");
            t.eval("prepared executeUpdate", ps::executeUpdate);
            keys(t, "prepared named keys", ps);
        }
    }

    private static void keys(Transcript t, String label, Statement st) {
        try (ResultSet keys = st.getGeneratedKeys()) {
            t.check(label + ".getStatement() == st", keys.getStatement() == st);
            t.resultSet(label, keys);
        } catch (Exception e) {
            t.add(label + ": " + Render.throwable(e));
        }
    }

    private static void statementSettings(Connection c, Transcript t) throws Exception {
        try (Statement st = c.createStatement()) {
            t.eval("getMaxFieldSize", st::getMaxFieldSize);
            t.eval("getMaxRows", st::getMaxRows);
            t.eval("getFetchSize", st::getFetchSize);
            t.eval("getFetchDirection", st::getFetchDirection);
            t.eval("getResultSetType", st::getResultSetType);
            t.eval("getResultSetConcurrency", st::getResultSetConcurrency);
            t.eval("getResultSetHoldability", st::getResultSetHoldability);
            t.eval("isPoolable", st::isPoolable);
            t.eval("getUpdateCount before execution", st::getUpdateCount);
            t.eval("getResultSet before execution", st::getResultSet);
            t.eval("getWarnings", () -> Render.warnings(st.getWarnings()));
            t.attempt("setMaxFieldSize(100)", () -> st.setMaxFieldSize(100));
            t.eval("getMaxFieldSize", st::getMaxFieldSize);
            t.attempt("setFetchSize(25)", () -> st.setFetchSize(25));
            t.eval("getFetchSize", st::getFetchSize);
            t.attempt("setFetchDirection(FETCH_REVERSE)",
                    () -> st.setFetchDirection(ResultSet.FETCH_REVERSE));
            t.eval("getFetchDirection", st::getFetchDirection);
            t.attempt("setPoolable(false)", () -> st.setPoolable(false));
            t.eval("isPoolable", st::isPoolable);
            t.attempt("setMaxRows(-1)", () -> st.setMaxRows(-1));
            t.attempt("setFetchSize(-1)", () -> st.setFetchSize(-1));
            t.attempt("setCursorName(cur)", () -> st.setCursorName("cur"));
        }
        try (PreparedStatement ps = c.prepareStatement("select 1",
                ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY,
                ResultSet.CLOSE_CURSORS_AT_COMMIT)) {
            t.eval("prepared getResultSetType", ps::getResultSetType);
            t.eval("prepared getResultSetConcurrency", ps::getResultSetConcurrency);
            t.eval("prepared getResultSetHoldability", ps::getResultSetHoldability);
            t.eval("prepared getConnection() == c", () -> ps.getConnection() == c);
        }
    }

    private static void statementIdentity(Connection c, Transcript t) throws Exception {
        Fixtures.items(c, t);
        t.reads("identities", () -> {
            try (Statement st = c.createStatement()) {
                t.check("  st.getConnection() == c", st.getConnection() == c);
                ResultSet rs = st.executeQuery("select label from items");
                t.check("  rs.getStatement() == st", rs.getStatement() == st);
                t.check("  st.getResultSet() == rs", st.getResultSet() == rs);
                rs.close();
                t.check("  execute", st.execute("select qty from items"));
                ResultSet rs2 = st.getResultSet();
                t.check("  getResultSet().getStatement() == st", rs2.getStatement() == st);
                t.check("  getResultSet() twice is the same", st.getResultSet() == rs2);
                rs2.close();
            }
            try (PreparedStatement ps = c.prepareStatement("select label from items")) {
                t.check("  ps.getConnection() == c", ps.getConnection() == c);
                try (ResultSet rs = ps.executeQuery()) {
                    t.check("  rs.getStatement() == ps", rs.getStatement() == ps);
                    t.check("  ps.getResultSet() == rs", ps.getResultSet() == rs);
                }
            }
            try (ResultSet tables = c.getMetaData().getTables(null, null, "%", null)) {
                t.check("  metadata rs.getStatement() == null", tables.getStatement() == null);
                t.check("  metadata rs statement connection is c", tables.getStatement() != null
                        && tables.getStatement().getConnection() == c);
            }
        });
    }

    private static void closedObjects(Connection c, Transcript t) throws Exception {
        Fixtures.items(c, t);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select label from items order by id");
        t.eval("rs.isClosed()", rs::isClosed);
        rs.close();
        t.eval("rs.isClosed() after close", rs::isClosed);
        t.attempt("rs.close() again", rs::close);
        t.eval("rs.next() after close", rs::next);
        t.eval("rs.getMetaData() after close", () -> rs.getMetaData().getColumnCount());
        t.eval("st.isClosed()", st::isClosed);
        st.close();
        t.eval("st.isClosed() after close", st::isClosed);
        t.eval("executeQuery on closed statement", () -> st.executeQuery("select 1"));
        t.eval("getResultSet on closed statement", st::getResultSet);
        Connection other = t.openConnection();
        Statement open = other.createStatement();
        other.close();
        t.eval("other.isClosed()", other::isClosed);
        t.eval("statement of closed connection isClosed()", open::isClosed);
        t.eval("createStatement on closed connection", other::createStatement);
        t.eval("isValid on closed connection", () -> other.isValid(1));
        t.attempt("close closed connection", other::close);
    }

    private static void preparedMetadata(Connection c, Transcript t) throws Exception {
        Fixtures.people(c, t);
        t.reads("prepared metadata", () -> {
            try (PreparedStatement ps = c.prepareStatement("select id, name, salary from people"
                    + " where dept = ? and salary > ?")) {
                t.attempt("  getMetaData()", () -> ResultSetRecorder.metadata(t, "  ps",
                        ps.getMetaData()));
                ParameterMetaData pmd = ps.getParameterMetaData();
                t.eval("  getParameterCount()", pmd::getParameterCount);
                for (int i = 1; i <= pmd.getParameterCount(); i++) {
                    int p = i;
                    t.eval("  parameter " + p + " type", () -> pmd.getParameterType(p));
                    t.eval("  parameter " + p + " typeName", () -> pmd.getParameterTypeName(p));
                    t.eval("  parameter " + p + " mode", () -> pmd.getParameterMode(p));
                    t.eval("  parameter " + p + " nullable", () -> pmd.isNullable(p));
                    t.eval("  parameter " + p + " class", () -> pmd.getParameterClassName(p));
                }
            }
        });
    }
}
