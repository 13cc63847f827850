package dev.jdbccache.it.differential;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Errors and warnings: the database's SQLState, vendor code and message must reach the
 * application unchanged, and a failed read must fail again when repeated.
 */
final class ErrorScenarios {

    private ErrorScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                failingRead("syntaxError_reportsTheDatabasesSqlState", "selec 1 from nowhere"),
                failingRead("unknownTable_reportsTheDatabasesSqlState",
                        "select * from no_such_table"),
                failingRead("unknownColumn_reportsTheDatabasesSqlState",
                        "select no_such_column from items"),
                failingRead("divisionByZero_reportsTheDatabasesSqlState",
                        "select qty / (qty - qty) from items"),
                failingRead("badCast_reportsTheDatabasesSqlState",
                        "select cast(label as integer) from items"),
                Scenario.both("uniqueViolation_reportsTheDatabasesSqlState", (c, t) -> {
                    Fixtures.items(c, t);
                    t.update(c, "insert into items (label) values (?)", "apple");
                    t.update(c, "update items set label = 'apple' where label = 'pear'");
                    t.query(c, "select label from items order by id");
                }),
                Scenario.both("notNullViolation_reportsTheDatabasesSqlState", (c, t) -> {
                    Fixtures.items(c, t);
                    t.update(c, "insert into items (label, qty) values (?, ?)", "fig", null);
                    t.update(c, "update items set label = null");
                }),
                Scenario.everywhere("foreignKeyViolation_reportsTheDatabasesSqlState", (c, t) -> {
                    Fixtures.people(c, t);
                    t.update(c, "insert into people (id, name, dept) values (9, 'Zed', 'XXX')");
                    t.update(c, "delete from dept where code = 'ENG'");
                    t.query(c, "select count(*) from dept");
                }),
                Scenario.everywhere("checkAndLengthViolations_reportTheDatabasesSqlState", (c, t) -> {
                    t.setup(c, "create table limited (v varchar(3), n numeric(4,2)"
                            + " check (n >= 0))");
                    t.update(c, "insert into limited values ('abcd', 1)");
                    t.update(c, "insert into limited values ('ab', 1000)");
                    t.update(c, "insert into limited values ('ab', -1)");
                    t.update(c, "insert into limited values (?, ?)", "ok", 1.5);
                    t.query(c, "select * from limited");
                }),
                Scenario.both("unboundParameter_failsAtExecution", (c, t) -> {
                    Fixtures.items(c, t);
                    t.reads("unbound", () -> {
                        try (PreparedStatement ps = c.prepareStatement(
                                "select label from items where id = ? and qty > ?")) {
                            ps.setInt(1, 1);
                            t.eval("  executeQuery", () -> {
                                try (ResultSet rs = ps.executeQuery()) {
                                    return rs.next();
                                }
                            });
                            t.eval("  setInt(3)", () -> {
                                ps.setInt(3, 1);
                                return "bound";
                            });
                        }
                    });
                }),
                Scenario.everywhere("failedRead_succeedsOnceTheTableExists", (c, t) -> {
                    t.query(c, "select v from later");
                    t.setup(c, "create table later (v integer)", "insert into later values (1)");
                    t.query(c, "select v from later");
                    t.setup(c, "drop table later");
                    t.query(c, "select v from later");
                }),
                Scenario.both("executeQueryOfAWrite_failsAfterTheWriteRan", (c, t) -> {
                    Fixtures.items(c, t);
                    try (Statement st = c.createStatement()) {
                        t.eval("executeQuery(insert)", () -> st.executeQuery(
                                "insert into items (label) values ('fig')").next());
                        t.eval("executeUpdate(select)", () -> st.executeUpdate(
                                "select * from items"));
                    }
                    t.query(c, "select label from items order by id");
                }),
                Scenario.both("errorInTransaction_affectsLaterStatementsUntilRollback", (c, t) -> {
                    Fixtures.items(c, t);
                    c.setAutoCommit(false);
                    t.update(c, "insert into items (label) values ('fig')");
                    t.update(c, "insert into items (label) values ('apple')");
                    t.query(c, "select label from items order by id");
                    t.attempt("rollback", c::rollback);
                    t.query(c, "select label from items order by id");
                    c.setAutoCommit(true);
                }),
                Scenario.everywhere("dropIfExists_ofMissingTable_warnsOnlyWhereTheDatabaseDoes",
                        (c, t) -> {
                            t.execute(c, "drop table if exists no_such_table");
                            t.eval("connection warnings", () -> Render.warnings(c.getWarnings()));
                        }),
                Scenario.only(Database.POSTGRESQL, "raiseInDoBlock_yieldsStatementWarnings",
                        (c, t) -> {
                            t.execute(c, "do $$ begin raise notice 'hello %', 42;"
                                    + " raise warning 'careful'; end $$");
                            t.execute(c, "do $$ begin raise exception 'boom' using"
                                    + " errcode = '22012'; end $$");
                            t.execute(c, "do $$ begin raise exception 'custom' using"
                                    + " errcode = 'P0042', hint = 'a hint'; end $$");
                        }),
                Scenario.only(Database.POSTGRESQL, "noticeFromFunctionInSelect_isAWarningEveryTime",
                        ErrorScenarios::noticeInSelect),
                Scenario.everywhere("clearWarnings_emptiesTheChains", (c, t) -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("drop table if exists nothing_here");
                        t.warnings("statement", st.getWarnings());
                        st.clearWarnings();
                        t.warnings("statement after clear", st.getWarnings());
                    }
                    c.clearWarnings();
                    t.warnings("connection after clear", c.getWarnings());
                }));
    }

    /** A read against the items fixture that fails; repeated reads must fail alike. */
    private static Scenario failingRead(String name, String sql) {
        return Scenario.both(name, (c, t) -> {
            Fixtures.items(c, t);
            t.query(c, sql);
            t.statementQuery(c, sql);
            t.query(c, "select count(*) from items");
        });
    }

    private static void noticeInSelect(Connection c, Transcript t) throws Exception {
        Fixtures.items(c, t);
        t.setup(c, "create function noisy(x integer) returns integer language plpgsql as $$"
                + " begin raise notice 'noisy %', x; return x * 2; end $$");
        t.reads("select with notice", () -> {
            try (PreparedStatement ps = c.prepareStatement("select noisy(qty) from items"
                    + " order by id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    t.resultSet("  rs", rs);
                }
                t.warnings("  statement", ps.getWarnings());
            }
        });
    }
}
