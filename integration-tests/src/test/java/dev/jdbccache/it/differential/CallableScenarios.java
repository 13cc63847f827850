package dev.jdbccache.it.differential;

import static dev.jdbccache.it.differential.Database.H2;
import static dev.jdbccache.it.differential.Database.POSTGRESQL;

import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.List;

/** CallableStatement: return values, OUT and INOUT parameters, CALL as a query. */
final class CallableScenarios {

    private CallableScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.only(POSTGRESQL, "callableFunction_returnsValueThroughEscapeCall",
                        (c, t) -> {
                            t.setup(c, "create function add_one(x integer) returns integer"
                                    + " language sql as $$ select x + 1 $$");
                            t.reads("{? = call add_one(?)}", () -> {
                                try (CallableStatement cs = c.prepareCall("{? = call add_one(?)}")) {
                                    cs.registerOutParameter(1, Types.INTEGER);
                                    cs.setInt(2, 41);
                                    t.eval("  execute()", cs::execute);
                                    t.eval("  getInt(1)", () -> cs.getInt(1));
                                    t.eval("  getObject(1)", () -> cs.getObject(1));
                                    t.eval("  wasNull()", cs::wasNull);
                                    t.eval("  getUpdateCount()", cs::getUpdateCount);
                                }
                            });
                        }),
                Scenario.only(POSTGRESQL, "callableFunction_returnsOutParameters", (c, t) -> {
                    t.setup(c, "create function split_name(full_name text, out first_name text,"
                            + " out last_name text) language sql as"
                            + " $$ select split_part(full_name, ' ', 1),"
                            + " split_part(full_name, ' ', 2) $$");
                    t.reads("{call split_name(?, ?, ?)}", () -> {
                        try (CallableStatement cs = c.prepareCall("{call split_name(?, ?, ?)}")) {
                            cs.setString(1, "Ada Lovelace");
                            cs.registerOutParameter(2, Types.VARCHAR);
                            cs.registerOutParameter(3, Types.VARCHAR);
                            t.eval("  execute()", cs::execute);
                            t.eval("  getString(2)", () -> cs.getString(2));
                            t.eval("  getObject(3)", () -> cs.getObject(3));
                            t.eval("  getInt(2)", () -> cs.getInt(2));
                        }
                    });
                }),
                Scenario.only(POSTGRESQL, "callableProcedure_updatesInoutParameterAndTable",
                        (c, t) -> {
                            Fixtures.items(c, t);
                            t.setup(c, "create procedure bump(inout n integer) language plpgsql"
                                    + " as $$ begin update items set qty = qty + n; n := n + 1;"
                                    + " end $$");
                            t.query(c, "select label, qty from items order by id");
                            try (CallableStatement cs = c.prepareCall("call bump(?)")) {
                                cs.setInt(1, 5);
                                cs.registerOutParameter(1, Types.INTEGER);
                                t.eval("execute()", cs::execute);
                                t.eval("getInt(1)", () -> cs.getInt(1));
                            } catch (Exception e) {
                                t.add("call bump: " + Render.throwable(e));
                            }
                            t.query(c, "select label, qty from items order by id");
                        }),
                Scenario.only(H2, "callableBuiltin_returnsValueThroughEscapeCall", (c, t) ->
                        t.reads("{? = call ABS(?)}", () -> {
                            try (CallableStatement cs = c.prepareCall("{? = call ABS(?)}")) {
                                cs.registerOutParameter(1, Types.INTEGER);
                                cs.setInt(2, -41);
                                t.eval("  execute()", cs::execute);
                                t.eval("  getInt(1)", () -> cs.getInt(1));
                                t.eval("  getObject(1)", () -> cs.getObject(1));
                            }
                        })),
                Scenario.only(H2, "callStatement_returnsAResultSet", (c, t) -> {
                    t.statementQuery(c, "CALL ABS(-5)");
                    t.query(c, "CALL UPPER(?)", "abc");
                    t.reads("prepareCall(CALL) executeQuery", () -> {
                        try (CallableStatement cs = c.prepareCall("CALL LOWER(?)")) {
                            cs.setString(1, "XYZ");
                            try (ResultSet rs = cs.executeQuery()) {
                                t.check("  rs.getStatement() == cs", rs.getStatement() == cs);
                                t.resultSet("  rs", rs);
                            }
                        }
                    });
                }),
                Scenario.both("preparedCallOfAQuery_behavesLikeAPreparedStatement", (c, t) -> {
                    Fixtures.items(c, t);
                    t.reads("prepareCall(select)", () -> {
                        try (CallableStatement cs = c.prepareCall(
                                "select label from items where qty > ? order by id")) {
                            cs.setInt(1, 3);
                            try (ResultSet rs = cs.executeQuery()) {
                                t.check("  rs.getStatement() == cs", rs.getStatement() == cs);
                                t.resultSet("  rs", rs);
                            }
                        }
                    });
                }));
    }
}
