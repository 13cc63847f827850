package dev.jdbccache.it.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.CacheDriver;
import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.DatabaseScope;
import dev.jdbccache.driver.cache.ReadPlan;
import dev.jdbccache.driver.cache.WritePlan;
import dev.jdbccache.parser.SqlDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes through {@code jdbc:cache:mariadb:} on the real MariaDB: every MySQL-only write form
 * runs (so the SQL is MariaDB's own) and its write plan, computed by the cache from the parser
 * and from the catalog MariaDB reports, must cover every table a cached read of the changed rows
 * depends on, including children reached by {@code ON DELETE CASCADE} / {@code ON UPDATE
 * CASCADE} / {@code SET NULL}.
 *
 * <p>Plans are checked rather than stale reads, because MariaDB results are not cached yet (see
 * docs/consistency.md): a read served from the cache would prove nothing more about invalidation.
 * The plans are what a cache hit would be invalidated by.
 */
class MariaDbInvalidationTest {

    private static final String URL = System.getProperty("jdbccache.test.mariadb.url",
            "jdbc:mariadb://127.0.0.1:3306/test?user=root");

    private final String database = "inval_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Connection admin;
    private Connection cached;
    private Connection real;
    private DatabaseScope scope;

    @BeforeEach
    void createDatabase() throws SQLException {
        admin = DriverManager.getConnection(URL);
        try (Statement s = admin.createStatement()) {
            s.execute("create database " + database);
        }
        real = DriverManager.getConnection(urlOf(database));
        try (Statement s = real.createStatement()) {
            s.execute("create table customer (id int primary key, name varchar(20))");
            s.execute("create table orders (id int primary key, customer_id int,"
                    + " amount decimal(10,2), foreign key (customer_id) references customer(id)"
                    + " on delete cascade)");
            s.execute("create table order_note (id int primary key, order_id int,"
                    + " foreign key (order_id) references orders(id) on delete set null)");
            s.execute("create table tag (id int primary key, customer_id int,"
                    + " foreign key (customer_id) references customer(id) on update cascade)");
            s.execute("create table plain_child (id int primary key, customer_id int,"
                    + " foreign key (customer_id) references customer(id))");
            s.execute("create table counter (k varchar(10) primary key, n int)");
            s.execute("create table audit (id int auto_increment primary key, what varchar(20))");
            s.execute("create table logged (k varchar(10) primary key)");
            s.execute("create trigger logged_audit after insert on logged for each row"
                    + " insert into audit (what) values (new.k)");
            s.execute("create table MixedCase (id int primary key)");
            s.execute("create view big_orders as select id, amount from orders where amount > 50");
            s.execute("insert into customer values (1, 'ada'), (2, 'bob'), (3, 'cy')");
            s.execute("insert into orders values (10, 1, 80), (11, 2, 20)");
            s.execute("insert into order_note values (100, 10)");
            s.execute("insert into tag values (1, 3)");
            s.execute("insert into counter values ('a', 1)");
        }
        Properties p = new Properties();
        String cacheName = "mariadb-inval-" + database;
        p.setProperty("cache.name", cacheName);
        cached = DriverManager.getConnection("jdbc:cache:" + urlOf(database).substring("jdbc:".length()), p);
        CacheRuntime runtime = CacheDriver.registered().runtimes().get(cacheName).orElseThrow();
        scope = runtime.database(database, SqlDialect.MYSQL);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        cached.close();
        real.close();
        try (Statement s = admin.createStatement()) {
            s.execute("drop database " + database);
        }
        admin.close();
    }

    @Test
    void url_isReadInTheMySqlDialect() {
        assertEquals(SqlDialect.MYSQL, SqlDialect.fromJdbcUrl(urlOf(database)));
    }

    @Test
    void deleteFromParent_invalidatesCascadedChildrenTransitively() throws SQLException {
        assertWriteCovers("delete from customer where id = 1",
                "select * from orders", "select * from order_note");
    }

    @Test
    void updateOfParentKey_invalidatesOnUpdateCascadeChild_butNotARestrictChild() throws SQLException {
        Set<String> written = writeAndPlan("update customer set id = 4 where id = 3");
        assertTrue(written.containsAll(readTables("select * from tag")), written.toString());
        // a RESTRICT key cannot change the child's rows: its cached reads stay valid
        assertFalse(written.containsAll(readTables("select * from plain_child")), written.toString());
    }

    @Test
    void replace_invalidatesItsTable_andCascadesLikeADelete() throws SQLException {
        // REPLACE deletes the old row, which fires ON DELETE CASCADE.
        assertWriteCovers("replace into customer values (1, 'ada2')",
                "select * from customer", "select * from orders");
    }

    @Test
    void insertOnDuplicateKeyUpdate_invalidatesItsTable() throws SQLException {
        assertWriteCovers("insert into counter values ('a', 1) on duplicate key update n = n + 1",
                "select n from counter where k = 'a'");
    }

    @Test
    void multiTableUpdate_invalidatesEveryTableItChanges() throws SQLException {
        assertWriteCovers("update customer c join orders o on o.customer_id = c.id"
                        + " set c.name = 'x', o.amount = 0 where c.id = 1",
                "select * from customer", "select * from orders");
    }

    @Test
    void multiTableDelete_invalidatesEveryTableItDeletesFrom() throws SQLException {
        assertWriteCovers("delete o, n from orders o join order_note n on n.order_id = o.id"
                        + " where o.id = 10",
                "select * from orders", "select * from order_note");
    }

    @Test
    void deleteUsingJoin_invalidatesTheTargetAndItsCascades() throws SQLException {
        assertWriteCovers("delete c from customer c join orders o on o.customer_id = c.id"
                        + " where o.amount < 50",
                "select * from customer", "select * from orders");
    }

    @Test
    void truncate_invalidatesItsTable() throws SQLException {
        assertWriteCovers("truncate table order_note", "select * from order_note");
    }

    @Test
    void plainInsertUpdateDelete_invalidateTheirTable() throws SQLException {
        assertWriteCovers("insert into counter values ('b', 2)", "select * from counter");
        assertWriteCovers("update counter set n = 5 where k = 'b'", "select * from counter");
        assertWriteCovers("delete from counter where k = 'b'", "select * from counter");
    }

    @Test
    void insertIntoTableWithTrigger_invalidatesWhatTheTriggerMayWrite() throws SQLException {
        // The trigger writes audit; its body is not scanned, so the write counts as unknown.
        try (Statement s = cached.createStatement()) {
            s.execute("insert into logged values ('t')");
        }
        WritePlan plan = scope.writePlan(scope.analyzer().analyze("insert into logged values ('t')"), real);
        assertTrue(plan.unknownTables()
                || plan.tables().containsAll(readTables("select * from audit")), plan.toString());
    }

    @Test
    void writeToViewsBaseTable_invalidatesReadsOfTheView() throws SQLException {
        assertWriteCovers("update orders set amount = 90 where id = 11", "select * from big_orders");
    }

    @Test
    void quotedAndUnquotedSpellingsOfOneTable_shareAnInvalidationKey() throws SQLException {
        // lower_case_table_names=0: `MixedCase` and MixedCase are the same table on MariaDB
        assertWriteCovers("insert into `MixedCase` values (1)", "select * from MixedCase");
        assertWriteCovers("delete from MixedCase", "select * from `MixedCase`");
    }

    /** Runs {@code write} through the cache and checks its plan invalidates every read. */
    private void assertWriteCovers(String write, String... reads) throws SQLException {
        Set<String> written = writeAndPlan(write);
        for (String read : reads) {
            Set<String> needed = readTables(read);
            assertFalse(needed.isEmpty(), read);
            // a cached read is invalidated when any table it depends on is written
            assertTrue(needed.stream().anyMatch(written::contains),
                    write + " writes " + written + " but " + read + " depends on " + needed);
        }
    }

    private Set<String> writeAndPlan(String write) throws SQLException {
        try (Statement s = cached.createStatement()) {
            s.execute(write); // MariaDB accepts the statement as written
        }
        WritePlan plan = scope.writePlan(scope.analyzer().analyze(write), real);
        assertFalse(plan.unknownTables(), write + ": catalog unreadable or tables unknown");
        return plan.tables();
    }

    private Set<String> readTables(String read) {
        ReadPlan plan = scope.readPlan(scope.analyzer().analyze(read), real);
        assertEquals(null, plan.bypass(), read + " would not be cached");
        Set<String> tables = new HashSet<>(Arrays.asList(plan.tables()));
        assertTrue(tables.remove(DatabaseScope.CATALOG_TAG), "every cacheable read depends on the catalog");
        return tables;
    }

    private static String urlOf(String database) {
        return URL.replaceFirst("(//[^/]*/)[^?]*", "$1" + database);
    }
}
