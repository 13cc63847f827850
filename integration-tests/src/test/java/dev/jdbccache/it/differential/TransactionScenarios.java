package dev.jdbccache.it.differential;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.List;

/**
 * Transactions: what a connection sees of its own and other connections' uncommitted, committed
 * and rolled-back writes, and the transaction settings it reports.
 */
final class TransactionScenarios {

    private TransactionScenarios() {
    }

    private static final String ITEMS = "select label, qty from items order by id";

    static List<Scenario> all() {
        return List.of(
                Scenario.both("commit_makesWritesVisibleToOtherConnections", (c, t) -> {
                    Fixtures.items(c, t);
                    Connection other = t.openConnection();
                    t.query(other, ITEMS);
                    c.setAutoCommit(false);
                    t.update(c, "update items set qty = 100 where label = 'apple'");
                    t.query(c, ITEMS);
                    t.query(other, ITEMS);
                    t.attempt("commit", c::commit);
                    t.query(other, ITEMS);
                    t.query(c, ITEMS);
                }),
                Scenario.both("rollback_discardsWritesTheTransactionHadRead", (c, t) -> {
                    Fixtures.items(c, t);
                    t.query(c, ITEMS);
                    c.setAutoCommit(false);
                    t.update(c, "insert into items (label, qty) values ('fig', 1)");
                    t.update(c, "update items set qty = -1 where label = 'apple'");
                    t.query(c, ITEMS);
                    t.attempt("rollback", c::rollback);
                    t.query(c, ITEMS);
                    c.setAutoCommit(true);
                    t.query(c, ITEMS);
                }),
                Scenario.both("savepoints_rollBackPartOfATransaction",
                        TransactionScenarios::savepoints),
                Scenario.both("isolationLevels_areReportedAndReadsWorkUnderEach",
                        TransactionScenarios::isolationLevels),
                Scenario.both("readOnlyConnection_reportsAndRejectsWrites", (c, t) -> {
                    Fixtures.items(c, t);
                    t.attempt("setReadOnly(true)", () -> c.setReadOnly(true));
                    t.eval("isReadOnly()", c::isReadOnly);
                    c.setAutoCommit(false);
                    t.query(c, ITEMS);
                    t.update(c, "update items set qty = 0");
                    t.attempt("rollback", c::rollback);
                    c.setAutoCommit(true);
                    t.attempt("setReadOnly(false)", () -> c.setReadOnly(false));
                    t.eval("isReadOnly()", c::isReadOnly);
                    t.update(c, "update items set qty = 1");
                    t.query(c, ITEMS);
                }),
                Scenario.both("enablingAutoCommit_commitsPendingWork", (c, t) -> {
                    Fixtures.items(c, t);
                    Connection other = t.openConnection();
                    c.setAutoCommit(false);
                    t.update(c, "delete from items where label = 'pear'");
                    t.query(other, ITEMS);
                    c.setAutoCommit(true);
                    t.query(other, ITEMS);
                    t.query(c, ITEMS);
                    t.attempt("commit in auto-commit", c::commit);
                    t.attempt("rollback in auto-commit", c::rollback);
                }),
                Scenario.both("uncommittedWrite_staysInvisibleToOtherConnectionUntilCommit",
                        (c, t) -> {
                            Fixtures.items(c, t);
                            Connection writer = t.openConnection();
                            writer.setAutoCommit(false);
                            t.query(c, ITEMS);
                            t.update(writer, "update items set qty = 42");
                            t.update(writer, "insert into items (label) values ('fig')");
                            t.query(c, ITEMS);
                            t.query(writer, ITEMS);
                            t.attempt("writer commit", writer::commit);
                            t.query(c, ITEMS);
                        }),
                Scenario.both("repeatableRead_keepsItsSnapshotWhileOthersCommit", (c, t) -> {
                    Fixtures.items(c, t);
                    Connection other = t.openConnection();
                    t.query(c, ITEMS);
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    t.query(c, ITEMS);
                    t.update(other, "update items set qty = qty + 1000");
                    t.query(c, ITEMS);
                    t.attempt("commit", c::commit);
                    t.query(c, ITEMS);
                    c.setAutoCommit(true);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    t.query(c, ITEMS);
                }),
                Scenario.both("holdability_isReportedAsSet", (c, t) -> {
                    Fixtures.items(c, t);
                    for (int h : new int[] {java.sql.ResultSet.HOLD_CURSORS_OVER_COMMIT,
                        java.sql.ResultSet.CLOSE_CURSORS_AT_COMMIT}) {
                        t.attempt("setHoldability(" + h + ")", () -> c.setHoldability(h));
                        t.eval("getHoldability()", c::getHoldability);
                        t.query(c, ITEMS);
                    }
                }),
                Scenario.everywhere("ddlInTransaction_followsTheDatabasesRollbackRules", (c, t) -> {
                    c.setAutoCommit(false);
                    t.update(c, "create table temp_ddl (x integer)");
                    t.update(c, "insert into temp_ddl values (1)");
                    t.query(c, "select x from temp_ddl");
                    t.attempt("rollback", c::rollback);
                    t.query(c, "select x from temp_ddl");
                    t.attempt("rollback", c::rollback);
                    c.setAutoCommit(true);
                }));
    }

    private static void savepoints(Connection c, Transcript t) throws Exception {
        Fixtures.items(c, t);
        c.setAutoCommit(false);
        t.update(c, "insert into items (label) values ('fig')");
        Savepoint named = c.setSavepoint("after_fig");
        t.eval("named.getSavepointName()", named::getSavepointName);
        t.eval("named.getSavepointId()", named::getSavepointId);
        t.update(c, "insert into items (label) values ('kiwi')");
        Savepoint unnamed = c.setSavepoint();
        t.eval("unnamed.getSavepointName()", unnamed::getSavepointName);
        t.update(c, "update items set qty = 99");
        t.query(c, ITEMS);
        t.attempt("rollback(unnamed)", () -> c.rollback(unnamed));
        t.query(c, ITEMS);
        t.attempt("rollback(named)", () -> c.rollback(named));
        t.query(c, ITEMS);
        t.attempt("releaseSavepoint(named)", () -> c.releaseSavepoint(named));
        t.attempt("rollback(released)", () -> c.rollback(named));
        t.attempt("commit", c::commit);
        c.setAutoCommit(true);
        t.query(c, ITEMS);
        t.attempt("setSavepoint in auto-commit", c::setSavepoint);
    }

    private static void isolationLevels(Connection c, Transcript t) throws Exception {
        Fixtures.items(c, t);
        t.eval("default isolation", c::getTransactionIsolation);
        for (int level : new int[] {Connection.TRANSACTION_READ_UNCOMMITTED,
            Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
            Connection.TRANSACTION_SERIALIZABLE}) {
            t.attempt("setTransactionIsolation(" + level + ")",
                    () -> c.setTransactionIsolation(level));
            t.eval("getTransactionIsolation()", c::getTransactionIsolation);
            c.setAutoCommit(false);
            t.query(c, ITEMS);
            t.update(c, "update items set qty = qty + 1 where label = 'pear'");
            t.query(c, ITEMS);
            t.attempt("commit", c::commit);
            c.setAutoCommit(true);
        }
        t.attempt("setTransactionIsolation(NONE)",
                () -> c.setTransactionIsolation(Connection.TRANSACTION_NONE));
        t.eval("getTransactionIsolation()", c::getTransactionIsolation);
    }
}
