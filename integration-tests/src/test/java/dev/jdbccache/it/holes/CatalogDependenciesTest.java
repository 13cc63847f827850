package dev.jdbccache.it.holes;

import static dev.jdbccache.it.holes.PgSchemaFixture.number;
import static dev.jdbccache.it.holes.PgSchemaFixture.run;
import static dev.jdbccache.it.holes.PgSchemaFixture.twice;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the PostgreSQL catalog says and SQL text does not (issue 15, items 3, 4 and 5): the
 * volatility of functions, views over volatile or stable functions, partitions, inheritance
 * and rules. A read cached on one connection must see, or must not be cached past, what another
 * connection (another node for the shared stores) writes.
 */
class CatalogDependenciesTest {

    private PgSchemaFixture db;

    @BeforeEach
    void createSchema() throws SQLException {
        db = new PgSchemaFixture("catalog",
                "create table items(id int primary key, price int not null)",
                "insert into items values (1, 10)",
                "create table hits(id int)",
                "create function tax(p int) returns int immutable language sql as 'select p * 2'",
                "create function price_now(i int) returns int stable language sql as 'select price from items where id = i'",
                "create function bump(i int) returns int volatile language plpgsql as "
                        + "'begin insert into hits values (i); return i; end'",
                "create view recent as select id, price from items where now() > timestamp '2000-01-01'",
                "create view priced as select id, price_now(id) as p from items",
                "create view over_priced as select id, p from priced",
                "create view taxed as select id, tax(price) as t from items",
                "create view logged as select id, bump(id) as b from items",
                "create table events(id int, year int) partition by list (year)",
                "create table events_2025 partition of events for values in (2025)",
                "create table events_2026 partition of events for values in (2026)",
                "create table cities(name text, population int)",
                "create table capitals(country text) inherits (cities)",
                "create table orders(id int)",
                "create table orders_log(id int)",
                "create rule log_orders as on insert to orders do also insert into orders_log values (new.id)");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        db.close();
    }

    // ---- item 3: function volatility from pg_proc ------------------------------------------

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void anImmutableFunction_isACacheableRead(String store) throws SQLException {
        try (Connection c = db.open(store)) {
            assertEquals(20, twice(c, "select tax(price) from items where id = 1"));
            db.outside("update items set price = 11 where id = 1");
            assertEquals(20, number(c, "select tax(price) from items where id = 1"),
                    "served from the cache: a write the driver did not see is not seen");
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void anImmutableFunction_invalidatesNothing(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection caller = db.open(store)) {
            assertEquals(10, twice(reader, "select price from items where id = 1"));
            db.outside("update items set price = 12 where id = 1");
            assertEquals(2, number(caller, "select tax(1)"));
            assertEquals(10, number(reader, "select price from items where id = 1"), "still the cached entry");
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aStableFunction_isNeverCachedAndInvalidatesNothing(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection caller = db.open(store)) {
            assertEquals(10, twice(reader, "select price from items where id = 1"));
            assertEquals(10, twice(caller, "select price_now(1)"));
            db.outside("update items set price = 13 where id = 1");
            assertEquals(13, number(caller, "select price_now(1)"), "a stable function's read is not cached");
            assertEquals(10, number(reader, "select price from items where id = 1"), "and it invalidated nothing");
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aVolatileFunction_invalidatesWhatItMayWrite(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection caller = db.open(store)) {
            assertEquals(0, twice(reader, "select count(*) from hits"));
            assertEquals(1, number(caller, "select bump(1)"));
            assertEquals(1, number(reader, "select count(*) from hits"));
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aFunctionReplacedThroughTheDriver_isClassifiedAgain(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection writer = db.open(store)) {
            run(writer, "create function twice_of(p int) returns int immutable language sql as 'select p * 2'");
            assertEquals(20, twice(reader, "select twice_of(price) from items where id = 1"));
            run(writer, "create or replace function twice_of(p int) returns int volatile language plpgsql as "
                    + "'begin insert into hits values (p); return p * 2; end'");
            assertEquals(0, twice(reader, "select count(*) from hits"));
            assertEquals(20, number(writer, "select twice_of(price) from items where id = 1"));
            assertEquals(1, number(reader, "select count(*) from hits"), "the function now writes: its call invalidates");
        }
    }

    // ---- item 4: views follow their definitions -----------------------------------------------

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aViewOverATimeFunction_isNeverCached(String store) throws SQLException {
        try (Connection c = db.open(store)) {
            assertEquals(10, twice(c, "select price from recent where id = 1"));
            db.outside("update items set price = 14 where id = 1");
            assertEquals(14, number(c, "select price from recent where id = 1"));
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aViewOverAStableFunction_isNeverCachedNorAreViewsOverIt(String store) throws SQLException {
        try (Connection c = db.open(store)) {
            assertEquals(10, twice(c, "select p from priced where id = 1"));
            assertEquals(10, twice(c, "select p from over_priced where id = 1"));
            db.outside("update items set price = 15 where id = 1");
            assertEquals(15, number(c, "select p from priced where id = 1"));
            assertEquals(15, number(c, "select p from over_priced where id = 1"));
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aViewOverAnImmutableFunction_isCached(String store) throws SQLException {
        try (Connection c = db.open(store)) {
            assertEquals(20, twice(c, "select t from taxed where id = 1"));
            db.outside("update items set price = 16 where id = 1");
            assertEquals(20, number(c, "select t from taxed where id = 1"));
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aViewCallingAWritingFunction_invalidatesWhenRead(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection caller = db.open(store)) {
            assertEquals(0, twice(reader, "select count(*) from hits"));
            assertEquals(1, number(caller, "select b from logged where id = 1"));
            assertEquals(1, number(reader, "select count(*) from hits"));
        }
    }

    // ---- item 5: partitions, inheritance, rules -----------------------------------------------

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aWriteToAPartition_isSeenThroughItsParent(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection writer = db.open(store)) {
            assertEquals(0, twice(reader, "select count(*) from events"));
            run(writer, "insert into events_2026 values (1, 2026)");
            assertEquals(1, number(reader, "select count(*) from events"));
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aWriteThroughTheParent_isSeenInThePartition(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection writer = db.open(store)) {
            assertEquals(0, twice(reader, "select count(*) from events_2026"));
            assertEquals(0, twice(reader, "select count(*) from events_2025"));
            run(writer, "insert into events values (1, 2026)");
            assertEquals(1, number(reader, "select count(*) from events_2026"));
            run(writer, "update events set year = 2025");
            assertEquals(1, number(reader, "select count(*) from events_2025"), "a row moved to another partition");
            assertEquals(0, number(reader, "select count(*) from events_2026"));
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aWriteToAnInheritingTable_isSeenThroughItsParent(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection writer = db.open(store)) {
            assertEquals(0, twice(reader, "select count(*) from cities"));
            run(writer, "insert into capitals values ('Lisbon', 545000, 'PT')");
            assertEquals(1, number(reader, "select count(*) from cities"));
            assertEquals(1, twice(reader, "select count(*) from capitals"));
            run(writer, "update cities set population = 1 where name = 'Lisbon'");
            assertEquals(1, number(reader, "select min(population) from capitals"));
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aRule_writesWhatItsActionsName(String store) throws SQLException {
        try (Connection reader = db.open(store); Connection writer = db.open(store)) {
            assertEquals(0, twice(reader, "select count(*) from orders_log"));
            run(writer, "insert into orders values (1)");
            assertEquals(1, number(reader, "select count(*) from orders_log"));
        }
    }
}
