package dev.jdbccache.it.differential;

import static dev.jdbccache.it.differential.Database.POSTGRESQL;

import java.sql.Connection;
import java.util.List;

/**
 * Reads after writes: once a write through the driver is done, no read may answer with data
 * that misses it, whichever way the write was spelled or routed.
 */
final class CoherenceScenarios {

    private CoherenceScenarios() {
    }

    private static final String ITEMS = "select id, label, qty from items order by id";

    static List<Scenario> all() {
        return List.of(
                Scenario.both("readAfterUpdate_seesTheNewValue", (c, t) -> {
                    Fixtures.items(c, t);
                    t.query(c, "select qty from items where label = ?", "apple");
                    t.update(c, "update items set qty = ? where label = ?", 77, "apple");
                    t.query(c, "select qty from items where label = ?", "apple");
                    t.statementQuery(c, ITEMS);
                }),
                Scenario.both("readAfterInsertAndDelete_seesTheRowCountChange", (c, t) -> {
                    Fixtures.items(c, t);
                    t.query(c, "select count(*) from items");
                    t.update(c, "insert into items (label, qty) values ('fig', 1)");
                    t.query(c, "select count(*) from items");
                    t.update(c, "delete from items where qty < ?", 4);
                    t.query(c, "select count(*) from items");
                    t.query(c, ITEMS);
                }),
                Scenario.both("writeOnOtherConnection_isSeenByTheNextRead", (c, t) -> {
                    Fixtures.items(c, t);
                    Connection other = t.openConnection();
                    t.query(c, ITEMS);
                    t.update(other, "update items set qty = qty * 10");
                    t.query(c, ITEMS);
                    t.update(other, "delete from items where label = 'pear'");
                    t.query(c, ITEMS);
                }),
                Scenario.both("readAfterTruncate_seesAnEmptyTable", (c, t) -> {
                    Fixtures.items(c, t);
                    t.query(c, ITEMS);
                    t.execute(c, "truncate table items");
                    t.query(c, ITEMS);
                }),
                Scenario.both("readAfterAlterTable_seesTheNewShape", (c, t) -> {
                    Fixtures.items(c, t);
                    t.query(c, "select * from items order by id");
                    t.execute(c, "alter table items add column note varchar(20) default 'n/a'");
                    t.query(c, "select * from items order by id");
                    t.execute(c, "alter table items drop column note");
                    t.query(c, "select * from items order by id");
                }),
                Scenario.everywhere("readAfterDropAndRecreate_seesTheNewTable", (c, t) -> {
                    t.setup(c, "create table t (v integer)", "insert into t values (1)");
                    t.query(c, "select * from t");
                    t.execute(c, "drop table t");
                    t.query(c, "select * from t");
                    t.execute(c, "create table t (v varchar(5), w integer)");
                    t.execute(c, "insert into t values ('x', 2)");
                    t.query(c, "select * from t");
                }),
                Scenario.both("readAfterUpsert_seesMergedRows", (c, t) -> {
                    Fixtures.items(c, t);
                    t.query(c, ITEMS);
                    t.update(c, t.database().pick(
                            "merge into items (id, label, qty) key (id) values (1, 'apple', 50),"
                                    + " (10, 'fig', 1)",
                            "insert into items (id, label, qty) values (1, 'apple', 50),"
                                    + " (10, 'fig', 1) on conflict (id) do update set"
                                    + " qty = excluded.qty"));
                    t.query(c, ITEMS);
                }),
                Scenario.both("readAfterWriteToQualifiedName_seesTheWrite", (c, t) -> {
                    Fixtures.items(c, t);
                    String schema = c.getSchema();
                    t.query(c, ITEMS);
                    t.update(c, "update " + schema + ".items set qty = 5 where id = 1");
                    t.query(c, ITEMS);
                    t.update(c, "update \"" + schema + "\"." + t.database().pick("\"ITEMS\"",
                            "\"items\"") + " set qty = 6 where id = 2");
                    t.query(c, ITEMS);
                    t.update(c, "UPDATE ITEMS SET QTY = 7 WHERE ID = 1");
                    t.query(c, ITEMS);
                }),
                Scenario.both("differentlySpelledReads_allSeeTheWrite", (c, t) -> {
                    Fixtures.items(c, t);
                    t.query(c, "select qty from items where id = 1");
                    t.query(c, "SELECT qty FROM items WHERE id = 1");
                    t.query(c, "select  qty  from  items  where  id = 1");
                    t.update(c, "update items set qty = 123 where id = 1");
                    t.query(c, "select qty from items where id = 1");
                    t.query(c, "SELECT qty FROM items WHERE id = 1");
                    t.query(c, "select  qty  from  items  where  id = 1");
                }),
                Scenario.everywhere("readAfterCascadingDelete_seesChildRowsGone", (c, t) -> {
                    t.setup(c, "create table parent (id integer primary key)",
                            "create table child (id integer primary key, parent_id integer"
                                    + " references parent(id) on delete cascade)",
                            "insert into parent values (1), (2)",
                            "insert into child values (10, 1), (11, 1), (20, 2)");
                    t.query(c, "select id, parent_id from child order by id");
                    t.update(c, "delete from parent where id = 1");
                    t.query(c, "select id, parent_id from child order by id");
                }),
                Scenario.both("writeThroughStatementExecute_isSeen", (c, t) -> {
                    Fixtures.items(c, t);
                    t.statementQuery(c, ITEMS);
                    t.execute(c, "update items set qty = 0 where label = 'pear'");
                    t.statementQuery(c, ITEMS);
                    t.execute(c, "insert into items (label) values ('fig'); update items"
                            + " set qty = 9 where label = 'fig'");
                    t.statementQuery(c, ITEMS);
                }),
                Scenario.only(POSTGRESQL, "selectCallingAWritingFunction_doesNotHideItsWrite",
                        (c, t) -> {
                            Fixtures.items(c, t);
                            t.setup(c, "create function restock(n integer) returns integer"
                                    + " language plpgsql as $$ begin update items set"
                                    + " qty = qty + n; return n; end $$");
                            t.query(c, ITEMS);
                            t.query(c, "select restock(?)", 100);
                            t.query(c, ITEMS);
                        }),
                Scenario.only(POSTGRESQL, "dataModifyingCte_doesNotHideItsWrite", (c, t) -> {
                    Fixtures.items(c, t);
                    t.query(c, ITEMS);
                    t.query(c, "with d as (delete from items where label = ? returning id)"
                            + " select count(*) from d", "pear");
                    t.query(c, ITEMS);
                }),
                Scenario.only(POSTGRESQL, "triggerTarget_readAfterTriggeringWriteSeesTheRow",
                        (c, t) -> {
                            Fixtures.items(c, t);
                            t.setup(c, "create table audit (label varchar(30))",
                                    "create function audit_insert() returns trigger language"
                                            + " plpgsql as $$ begin insert into audit values"
                                            + " (new.label); return new; end $$",
                                    "create trigger items_audit after insert on items for each"
                                            + " row execute function audit_insert()");
                            t.query(c, "select label from audit order by label");
                            t.update(c, "insert into items (label) values ('fig')");
                            t.query(c, "select label from audit order by label");
                        }),
                Scenario.both("selectForUpdate_readsCurrentRowsInTransaction",
                        (c, t) -> {
                            Fixtures.items(c, t);
                            c.setAutoCommit(false);
                            t.query(c, "select qty from items where id = 1 for update");
                            t.update(c, "update items set qty = 0 where id = 1");
                            t.query(c, "select qty from items where id = 1 for update");
                            t.attempt("commit", c::commit);
                            c.setAutoCommit(true);
                            t.query(c, "select qty from items where id = 1");
                        }));
    }
}
