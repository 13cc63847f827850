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
 * A schema change made through one node reaches the others (issue 15, item 9): each opened
 * connection of a shared store is another node, which read its catalog before the change.
 */
class OtherNodesDdlTest {

    private PgSchemaFixture db;

    @BeforeEach
    void createSchema() throws SQLException {
        db = new PgSchemaFixture("ddl",
                "create table parent(id int primary key)",
                "create table child(id int primary key, parent_id int not null)",
                "insert into parent values (1), (2)",
                "insert into child values (10, 1), (11, 1), (20, 2)");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        db.close();
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"redis", "tiered"})
    void aCascadeAddedOnOneNode_isFollowedByAnotherNodesDelete(String store) throws SQLException {
        try (Connection migrator = db.open(store); Connection deleter = db.open(store); Connection reader = db.open(store)) {
            assertEquals(2, twice(deleter, "select count(*) from parent")); // the deleter has read its catalog
            run(migrator, "alter table child add foreign key (parent_id) references parent(id) on delete cascade");
            assertEquals(3, twice(reader, "select count(*) from child"));
            run(deleter, "delete from parent where id = 1"); // cascades to two children
            assertEquals(1, number(reader, "select count(*) from child"));
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"redis", "tiered"})
    void aViewCreatedOnOneNode_isFollowedByAnotherNodesReads(String store) throws SQLException {
        try (Connection migrator = db.open(store); Connection reader = db.open(store)) {
            assertEquals(3, twice(reader, "select count(*) from child")); // the reader has read its catalog
            run(migrator, "create view children as select * from child");
            assertEquals(3, twice(reader, "select count(*) from children"));
            run(migrator, "insert into child values (30, 2)");
            assertEquals(4, number(reader, "select count(*) from children"));
        }
    }
}
