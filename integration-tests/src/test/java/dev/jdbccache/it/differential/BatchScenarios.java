package dev.jdbccache.it.differential;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/** Statement and prepared batches: counts, partial failures, keys, and reads after a batch. */
final class BatchScenarios {

    private BatchScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.both("statementBatch_runsEveryStatementAndReportsEachCount", (c, t) -> {
                    Fixtures.items(c, t);
                    statementBatch(c, t, "insert into items (label, qty) values ('fig', 1)",
                            "update items set qty = qty + 10",
                            "delete from items where label = 'pear'",
                            "insert into items (label) values ('kiwi'), ('lime')");
                    t.query(c, "select label, qty from items order by id");
                }),
                Scenario.both("preparedBatch_insertsEveryParameterSet", (c, t) -> {
                    Fixtures.items(c, t);
                    preparedBatch(c, t, "insert into items (label, qty) values (?, ?)",
                            new Object[] {"fig", 1}, new Object[] {"kiwi", 2},
                            new Object[] {"lime", 7});
                    preparedBatch(c, t, "update items set qty = ? where label = ?",
                            new Object[] {0, "fig"}, new Object[] {5, "none"});
                    t.query(c, "select label, qty from items order by id");
                }),
                Scenario.both("statementBatchFailingPartWay_reportsCountsAndSqlState", (c, t) -> {
                    Fixtures.items(c, t);
                    statementBatch(c, t, "insert into items (label) values ('fig')",
                            "update items set qty = 1",
                            "insert into items (label) values ('apple')",
                            "insert into items (label) values ('kiwi')");
                    t.query(c, "select label, qty from items order by id");
                }),
                Scenario.both("preparedBatchFailingPartWay_reportsCountsAndSqlState", (c, t) -> {
                    Fixtures.items(c, t);
                    preparedBatch(c, t, "insert into items (label, qty) values (?, ?)",
                            new Object[] {"fig", 1}, new Object[] {null, 2},
                            new Object[] {"kiwi", 3});
                    t.query(c, "select label, qty from items order by id");
                }),
                Scenario.both("batchInTransaction_failureThenRollbackKeepsNothing", (c, t) -> {
                    Fixtures.items(c, t);
                    c.setAutoCommit(false);
                    statementBatch(c, t, "insert into items (label) values ('fig')",
                            "insert into items (label) values ('fig')");
                    t.attempt("rollback", c::rollback);
                    t.query(c, "select label from items order by id");
                    preparedBatch(c, t, "insert into items (label) values (?)",
                            new Object[] {"kiwi"}, new Object[] {"lime"});
                    t.attempt("commit", c::commit);
                    c.setAutoCommit(true);
                    t.query(c, "select label from items order by id");
                }),
                Scenario.both("clearedAndEmptyBatches_executeNothing", (c, t) -> {
                    Fixtures.items(c, t);
                    try (Statement st = c.createStatement()) {
                        t.eval("empty executeBatch", () -> Arrays.toString(st.executeBatch()));
                        st.addBatch("delete from items");
                        st.clearBatch();
                        t.eval("cleared executeBatch", () -> Arrays.toString(st.executeBatch()));
                    }
                    try (PreparedStatement ps = c.prepareStatement("delete from items where"
                            + " label = ?")) {
                        ps.setString(1, "apple");
                        ps.addBatch();
                        ps.clearBatch();
                        t.eval("cleared prepared executeBatch",
                                () -> Arrays.toString(ps.executeBatch()));
                    }
                    t.query(c, "select label from items order by id");
                }),
                Scenario.both("preparedBatchWithGeneratedKeys_returnsKeysOfAllRows", (c, t) -> {
                    Fixtures.items(c, t);
                    try (PreparedStatement ps = c.prepareStatement("insert into items (label)"
                            + " values (?)", Statement.RETURN_GENERATED_KEYS)) {
                        for (String label : List.of("fig", "kiwi", "lime")) {
                            ps.setString(1, label);
                            ps.addBatch();
                        }
                        t.eval("executeBatch", () -> Arrays.toString(ps.executeBatch()));
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            t.resultSet("keys", keys);
                        } catch (Exception e) {
                            t.add("keys: " + Render.throwable(e));
                        }
                    }
                }),
                Scenario.both("readAfterBatch_seesTheBatchedRows", (c, t) -> {
                    Fixtures.items(c, t);
                    t.query(c, "select count(*), sum(qty) from items");
                    preparedBatch(c, t, "insert into items (label, qty) values (?, ?)",
                            new Object[] {"fig", 10}, new Object[] {"kiwi", 20});
                    t.query(c, "select count(*), sum(qty) from items");
                    statementBatch(c, t, "update items set qty = 0 where label = 'fig'");
                    t.query(c, "select count(*), sum(qty) from items");
                }),
                Scenario.both("largeBatch_reportsLongCounts", (c, t) -> {
                    Fixtures.items(c, t);
                    try (PreparedStatement ps = c.prepareStatement("update items set qty = ?")) {
                        ps.setInt(1, 1);
                        ps.addBatch();
                        ps.setInt(1, 2);
                        ps.addBatch();
                        t.eval("executeLargeBatch", () -> Arrays.toString(ps.executeLargeBatch()));
                    }
                    t.query(c, "select label, qty from items order by id");
                }));
    }

    static void statementBatch(Connection c, Transcript t, String... sqls) {
        try (Statement st = c.createStatement()) {
            for (String sql : sqls) {
                st.addBatch(sql);
            }
            t.add("statement batch " + Arrays.toString(sqls) + " = "
                    + Arrays.toString(st.executeBatch()));
        } catch (BatchUpdateException e) {
            t.add("statement batch " + Arrays.toString(sqls) + " = " + Render.error(e));
        } catch (Exception e) {
            t.add("statement batch " + Arrays.toString(sqls) + " = " + Render.throwable(e));
        }
    }

    static void preparedBatch(Connection c, Transcript t, String sql, Object[]... rows) {
        String label = "prepared batch " + Render.text(sql) + " x" + rows.length;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                Transcript.bind(ps, row);
                ps.addBatch();
            }
            t.add(label + " = " + Arrays.toString(ps.executeBatch()));
        } catch (Exception e) {
            t.add(label + " = " + Render.throwable(e));
        }
    }
}
