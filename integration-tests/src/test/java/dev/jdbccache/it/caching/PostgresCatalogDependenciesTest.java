package dev.jdbccache.it.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes the SQL does not show, on the real PostgreSQL: views, cascading foreign keys, triggers. */
class PostgresCatalogDependenciesTest {

    private static final String PG_URL = System.getProperty("jdbccache.test.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String schema = "catalog_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Connection admin;
    private Connection cached;

    @BeforeEach
    void createSchema() throws SQLException {
        admin = DriverManager.getConnection(PG_URL + "&currentSchema=" + schema);
        try (Statement s = admin.createStatement()) {
            s.execute("create schema " + schema);
            s.execute("create table customer(id int primary key, name text)");
            s.execute("create table orders(id int primary key, customer_id int references customer(id) on delete cascade, "
                    + "amount numeric(10,2))");
            s.execute("create table order_note(id int primary key, order_id int references orders(id) on delete set null)");
            s.execute("create view customer_totals as select c.id, sum(o.amount) as total from customer c "
                    + "left join orders o on o.customer_id = c.id group by c.id");
            s.execute("create view big_customers as select id from customer_totals where total > 100");
            s.execute("create table audit(id serial primary key, what text)");
            s.execute("create function audit_orders() returns trigger language plpgsql as $$ begin "
                    + "insert into audit(what) values (tg_op); return null; end $$");
            s.execute("create trigger orders_audit after insert or update or delete on orders "
                    + "for each row execute function audit_orders()");
            s.execute("create table dyn(id int primary key)");
            s.execute("create function dyn_write() returns trigger language plpgsql as $$ begin "
                    + "execute 'insert into audit(what) values (''dyn'')'; return null; end $$");
            s.execute("create trigger dyn_audit after insert on dyn for each row execute function dyn_write()");
            s.execute("insert into customer values (1, 'ada'), (2, 'bob')");
            s.execute("insert into orders values (10, 1, 80), (11, 1, 50), (12, 2, 20)");
            s.execute("insert into order_note values (100, 10), (101, 12)");
        }
        Properties p = new Properties();
        p.setProperty("cache.name", "pg-catalog-" + schema);
        cached = DriverManager.getConnection("jdbc:cache:" + PG_URL.substring("jdbc:".length()) + "&currentSchema=" + schema, p);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        cached.close();
        try (Statement s = admin.createStatement()) {
            s.execute("drop schema " + schema + " cascade");
        }
        admin.close();
    }

    private long number(String sql) throws SQLException {
        try (Statement s = cached.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void write(String sql) throws SQLException {
        try (Statement s = cached.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void aViewOfAViewFollowsWritesToTheBaseTables() throws SQLException {
        assertEquals(1, number("select count(*) from big_customers"));
        assertEquals(1, number("select count(*) from big_customers"));
        write("update orders set amount = 200 where id = 12");
        assertEquals(2, number("select count(*) from big_customers"));
    }

    @Test
    void aPreparedStatementKeptAcrossDdlFollowsTheViewsNewTables() throws SQLException {
        try (Statement s = cached.createStatement()) {
            s.execute("create view current_names as select name from customer");
        }
        try (PreparedStatement ps = cached.prepareStatement("select count(*) from current_names where name <> ?")) {
            assertEquals(2, count(ps, "nobody"));
            try (Statement s = cached.createStatement()) {
                // through the driver: the view now reads another table; the statement's plan must follow
                s.execute("create or replace view current_names as select cast(id as text) as name from orders");
            }
            assertEquals(3, count(ps, "nobody"));
            assertEquals(3, count(ps, "nobody"), "a hit");
            write("delete from orders where id = 12");
            assertEquals(2, count(ps, "nobody"), "a write to the view's new table invalidates the statement's entry");
        }
    }

    private static long count(PreparedStatement ps, String name) throws SQLException {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void cascadingDeletesAndSetNullReachTheChildTables() throws SQLException {
        assertEquals(3, number("select count(*) from orders"));
        assertEquals(2, number("select count(order_id) from order_note"));
        write("delete from customer where id = 1");
        assertEquals(1, number("select count(*) from orders"), "on delete cascade");
        assertEquals(1, number("select count(order_id) from order_note"), "on delete set null, two levels down");
    }

    @Test
    void triggerTargetsAreReadFromTheTriggerFunction() throws SQLException {
        long before = number("select count(*) from audit");
        assertEquals(before, number("select count(*) from audit"));
        write("update orders set amount = amount + 1 where id = 10");
        assertEquals(before + 1, number("select count(*) from audit"));
    }

    @Test
    void aTriggerRunningDynamicSqlInvalidatesEverything() throws SQLException {
        long before = number("select count(*) from audit");
        assertEquals(before, number("select count(*) from audit"));
        write("insert into dyn values (1)");
        assertEquals(before + 1, number("select count(*) from audit"));
    }
}
