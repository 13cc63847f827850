package dev.jdbccache.it.differential;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/** The shapes of SELECT an application writes, and the statement settings that shape results. */
final class QueryScenarios {

    private QueryScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.everywhere("emptyResult_hasMetadataButNoRows", (c, t) -> {
                    Fixtures.people(c, t);
                    t.query(c, "select * from people where id < ?", 0);
                    t.query(c, "select count(*), sum(salary), max(name) from people where id < 0");
                }),
                Scenario.everywhere("maxRows_limitsRowsUntilReset", QueryScenarios::maxRows),
                Scenario.everywhere("fetchSize_doesNotChangeTheRowsRead", QueryScenarios::fetchSize),
                Scenario.everywhere("scrollInsensitiveResult_navigatesInEveryDirection",
                        QueryScenarios::scrolling),
                Scenario.everywhere("joins_innerLeftRightAndFull", (c, t) -> {
                    Fixtures.people(c, t);
                    t.query(c, "select p.name, d.title from people p join dept d"
                            + " on d.code = p.dept order by p.id");
                    t.query(c, "select p.name, d.title from people p left join dept d"
                            + " on d.code = p.dept order by p.id");
                    t.query(c, "select p.name, d.title from people p right join dept d"
                            + " on d.code = p.dept order by d.code, p.id");
                    t.query(c, "select p.name, d.code from people p full join dept d"
                            + " on d.code = p.dept order by d.code, p.name");
                }),
                Scenario.everywhere("aggregates_groupByAndHaving", (c, t) -> {
                    Fixtures.people(c, t);
                    t.query(c, "select dept, count(*) as n, count(salary), sum(salary),"
                            + " min(salary), max(salary), avg(salary) from people"
                            + " group by dept order by dept nulls first");
                    t.query(c, "select dept, sum(salary) from people group by dept"
                            + " having sum(salary) > ? order by dept", 5000);
                    t.query(c, "select count(distinct dept), sum(id), avg(id) from people");
                }),
                Scenario.everywhere("orderBy_placesNullsFirstOrLast", (c, t) -> {
                    Fixtures.people(c, t);
                    t.query(c, "select id, salary from people order by salary nulls first, id");
                    t.query(c, "select id, salary from people order by salary desc nulls last,"
                            + " id desc");
                    t.query(c, "select id, born from people order by born desc, id");
                }),
                Scenario.everywhere("commonTableExpressions_includingRecursive", (c, t) -> {
                    Fixtures.people(c, t);
                    t.query(c, "with eng as (select * from people where dept = 'ENG')"
                            + " select name, salary from eng where salary > ? order by name", 4500);
                    t.query(c, "with recursive n(x) as (select 1 union all select x + 1 from n"
                            + " where x < 10) select x, x * x as sq from n");
                }),
                Scenario.everywhere("view_reflectsWritesToItsBaseTable", (c, t) -> {
                    Fixtures.people(c, t);
                    t.setup(c, "create view eng as select id, name, salary from people"
                            + " where dept = 'ENG'");
                    t.query(c, "select * from eng order by id");
                    t.update(c, "update people set salary = salary + 1 where id = ?", 1);
                    t.query(c, "select * from eng order by id");
                    t.update(c, "update people set dept = 'ENG' where id = ?", 3);
                    t.query(c, "select * from eng order by id");
                }),
                Scenario.everywhere("subqueries_inSelectWhereAndFrom", (c, t) -> {
                    Fixtures.people(c, t);
                    t.query(c, "select name, (select title from dept d where d.code = p.dept)"
                            + " as title from people p order by id");
                    t.query(c, "select name from people p where exists (select 1 from dept d"
                            + " where d.code = p.dept and d.title like 'E%') order by name");
                    t.query(c, "select name from people where salary > (select avg(salary)"
                            + " from people) order by name");
                    t.query(c, "select x.dept, x.n from (select dept, count(*) as n from people"
                            + " group by dept) x where x.n > 1 order by x.dept");
                    t.query(c, "select name from people where dept not in (select code from dept"
                            + " where code <> 'ENG') order by name");
                }),
                Scenario.everywhere("setOperations_unionIntersectExcept", (c, t) -> {
                    Fixtures.people(c, t);
                    t.query(c, "select dept from people union select code from dept order by 1");
                    t.query(c, "select dept from people union all select code from dept"
                            + " order by 1 nulls first");
                    t.query(c, "select code from dept intersect select dept from people"
                            + " order by 1");
                    t.query(c, "select code from dept except select dept from people");
                }),
                Scenario.everywhere("limitAndOffset_pageThroughRows", (c, t) -> {
                    Fixtures.people(c, t);
                    t.query(c, "select id from people order by id limit 2");
                    t.query(c, "select id from people order by id limit 2 offset 2");
                    t.query(c, "select id from people order by id limit ? offset ?", 3, 4);
                    t.query(c, "select id from people order by id offset 1 rows"
                            + " fetch first 2 rows only");
                    t.query(c, "select id from people order by id limit 10 offset 100");
                }),
                Scenario.everywhere("distinctAndCase_computeDerivedColumns", (c, t) -> {
                    Fixtures.people(c, t);
                    t.query(c, "select distinct dept from people order by dept nulls last");
                    t.query(c, "select id, case when salary >= 5000 then 'high' when salary is"
                            + " null then 'unknown' else 'normal' end as band,"
                            + " coalesce(dept, '-') as d, nullif(dept, 'ENG') as ne"
                            + " from people order by id");
                }),
                Scenario.everywhere("stringFunctions_computeTheSameText", (c, t) -> {
                    Fixtures.people(c, t);
                    t.query(c, "select upper(name), lower(name), length(name),"
                            + " substring(name from 2 for 2), name || '-' || coalesce(dept, '?'),"
                            + " trim('  x  '), replace(name, 'a', 'A') from people order by id");
                }),
                Scenario.both("largeResult_readsEveryRow", (c, t) -> {
                    t.setup(c, "create table big (id integer primary key, label varchar(20),"
                            + " amount numeric(12,2))");
                    t.setup(c, t.database().pick(
                            "insert into big select x, 'row ' || x, x * 1.25"
                                    + " from system_range(1, 1500)",
                            "insert into big select x, 'row ' || x, x * 1.25"
                                    + " from generate_series(1, 1500) x"));
                    t.query(c, "select id, label, amount from big order by id");
                }),
                Scenario.everywhere("sequenceNextValue_advancesOnEveryRead", (c, t) -> {
                    t.setup(c, "create sequence seq start with 10 increment by 5");
                    String next = t.database().pick("select next value for seq",
                            "select nextval('seq')");
                    t.query(c, next);
                    t.query(c, next);
                    t.statementQuery(c, next);
                }),
                Scenario.both("schemaSwitch_resolvesTheSameNameInTheNewSchema",
                        QueryScenarios::schemaSwitch),
                Scenario.only(Database.POSTGRESQL, "setReturningFunctions_produceRows", (c, t) -> {
                    t.query(c, "select * from generate_series(1, 5) as g(x)");
                    t.query(c, "select unnest(array[3, 1, 2]) as v");
                    t.query(c, "select x, y from unnest(array[1,2], array['a','b']) as u(x, y)");
                }),
                Scenario.everywhere("windowFunctions_rankAndRunningTotals", (c, t) -> {
                    Fixtures.people(c, t);
                    t.query(c, "select id, dept, salary, rank() over (partition by dept order by"
                            + " salary desc nulls last) as r, sum(salary) over (order by id)"
                            + " as running from people order by id");
                }));
    }

    private static void maxRows(Connection c, Transcript t) throws Exception {
        Fixtures.people(c, t);
        String sql = "select id, name from people order by id";
        t.reads("maxRows on a statement", () -> {
            try (Statement st = c.createStatement()) {
                st.setMaxRows(2);
                t.eval("  getMaxRows()", st::getMaxRows);
                try (ResultSet rs = st.executeQuery(sql)) {
                    t.resultSet("  maxRows=2", rs);
                }
                st.setMaxRows(0);
                try (ResultSet rs = st.executeQuery(sql)) {
                    t.resultSet("  maxRows=0", rs);
                }
            }
        });
        t.reads("maxRows on a prepared statement", () -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setMaxRows(4);
                try (ResultSet rs = ps.executeQuery()) {
                    t.resultSet("  maxRows=4", rs);
                }
            }
        });
        t.query(c, sql);
    }

    private static void fetchSize(Connection c, Transcript t) throws Exception {
        Fixtures.people(c, t);
        c.setAutoCommit(false);
        t.reads("fetchSize 2 in a transaction", () -> {
            try (PreparedStatement ps = c.prepareStatement("select * from people order by id")) {
                ps.setFetchSize(2);
                t.eval("  getFetchSize()", ps::getFetchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    t.resultSet("  rs", rs);
                }
            }
        });
        c.commit();
        c.setAutoCommit(true);
        t.reads("result set fetch size changed while reading", () -> {
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("select id from people order by id")) {
                    rs.setFetchSize(3);
                    t.resultSet("  rs", rs);
                }
            }
        });
    }

    private static void scrolling(Connection c, Transcript t) throws Exception {
        Fixtures.people(c, t);
        t.reads("scroll insensitive, read forward", () -> {
            try (Statement st = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE,
                    ResultSet.CONCUR_READ_ONLY);
                 ResultSet rs = st.executeQuery("select id, name from people order by id")) {
                t.resultSet("  rs", rs);
            }
        });
        t.reads("scroll insensitive, navigated", () -> {
            try (Statement st = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE,
                    ResultSet.CONCUR_READ_ONLY);
                 ResultSet rs = st.executeQuery("select id, name from people order by id")) {
                t.add("  " + ResultSetRecorder.properties(rs));
                t.eval("  last()", rs::last);
                t.eval("  getRow()", rs::getRow);
                t.eval("  getInt(1)", () -> rs.getInt(1));
                t.eval("  isLast()", rs::isLast);
                t.eval("  absolute(2)", () -> rs.absolute(2));
                t.eval("  getString(2)", () -> rs.getString(2));
                t.eval("  relative(2)", () -> rs.relative(2));
                t.eval("  getInt(1)", () -> rs.getInt(1));
                t.eval("  previous()", rs::previous);
                t.eval("  getInt(1)", () -> rs.getInt(1));
                t.eval("  absolute(-1)", () -> rs.absolute(-1));
                t.eval("  getInt(1)", () -> rs.getInt(1));
                t.eval("  first()", rs::first);
                t.eval("  isFirst()", rs::isFirst);
                t.eval("  previous()", rs::previous);
                t.eval("  isBeforeFirst()", rs::isBeforeFirst);
                t.eval("  absolute(100)", () -> rs.absolute(100));
                t.eval("  isAfterLast()", rs::isAfterLast);
                t.eval("  getInt(1) after last", () -> rs.getInt(1));
                t.attempt("  beforeFirst()", rs::beforeFirst);
                t.eval("  next()", rs::next);
                t.eval("  getRow()", rs::getRow);
                t.attempt("  afterLast()", rs::afterLast);
                t.eval("  previous()", rs::previous);
                t.eval("  getInt(1)", () -> rs.getInt(1));
                t.eval("  relative(-10)", () -> rs.relative(-10));
                t.eval("  getRow()", rs::getRow);
            }
        });
        t.reads("forward only rejects scrolling", () -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select id from people order by id")) {
                t.eval("  next()", rs::next);
                t.eval("  previous()", rs::previous);
                t.eval("  absolute(3)", () -> rs.absolute(3));
                t.eval("  first()", rs::first);
            }
        });
    }

    private static void schemaSwitch(Connection c, Transcript t) throws Exception {
        String home = c.getSchema();
        String other = t.database().pick("OTHER_SCHEMA", home + "_other");
        t.setup(c, "create table t (v varchar(10))", "insert into t values ('home')",
                "create schema " + other,
                "create table " + other + ".t (v varchar(10))",
                "insert into " + other + ".t values ('other')");
        t.query(c, "select v from t");
        c.setSchema(other);
        t.eval("getSchema()", c::getSchema);
        t.query(c, "select v from t");
        c.setSchema(home);
        t.query(c, "select v from t");
    }
}
