package dev.jdbccache.it.holes;

import static dev.jdbccache.it.holes.PgSchemaFixture.number;
import static dev.jdbccache.it.holes.PgSchemaFixture.run;
import static dev.jdbccache.it.holes.PgSchemaFixture.twice;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a read's key must hold of its statement and session (issue 15, items 6 and 7): the
 * statement's maximum field size, and the current value of each setting, not the history of
 * every {@code SET} a pooled connection was sent.
 */
class SessionKeyTest {

    private PgSchemaFixture db;

    @BeforeEach
    void createSchema() throws SQLException {
        db = new PgSchemaFixture("session",
                "create table notes(id int primary key, body text not null)",
                "insert into notes values (1, 'a body longer than five characters')",
                "create schema " + "session_other_" + Thread.currentThread().getId());
    }

    @AfterEach
    void dropSchema() throws SQLException {
        db.outside("drop schema if exists session_other_" + Thread.currentThread().getId() + " cascade");
        db.close();
    }

    private static String body(Connection c, int maxFieldSize) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setMaxFieldSize(maxFieldSize);
            try (ResultSet rs = s.executeQuery("select body from notes where id = 1")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aValueTruncatedByMaxFieldSize_isNeverServedToAnotherStatement(String store) throws SQLException {
        try (Connection c = db.open(store)) {
            assertEquals("a bod", body(c, 5));
            assertEquals("a bod", body(c, 5));
            assertEquals("a body longer than five characters", body(c, 0));
            assertEquals("a body longer than five characters", body(c, 0));
            assertEquals("a body", body(c, 6));
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aSetRepeatedForEveryRequest_keepsTheConnectionCaching(String store) throws SQLException {
        String read = "select length(body) from notes where id = 1";
        try (Connection c = db.open(store)) {
            for (int request = 0; request < 300; request++) {
                run(c, "SET search_path TO " + db.schema + ", public");
                run(c, "SET application_name = 'request " + request + "'");
                number(c, read);
            }
            db.outside("update notes set body = 'short' where id = 1");
            assertEquals(34, number(c, read), "still answered from the cache after 300 requests");
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aSetLocal_endsWithItsTransactionAndTheConnectionCachesAgain(String store) throws SQLException {
        String other = "session_other_" + Thread.currentThread().getId();
        db.outside("create table " + other + ".notes(id int primary key, body text not null)");
        db.outside("insert into " + other + ".notes values (1, 'x')");
        String read = "select length(body) from notes where id = 1";
        try (Connection c = db.open(store)) {
            assertEquals(34, twice(c, read));
            c.setAutoCommit(false);
            run(c, "SET LOCAL search_path TO " + other);
            assertEquals(1, twice(c, read), "inside the transaction the local search path holds");
            c.commit();
            c.setAutoCommit(true);
            assertEquals(34, number(c, read), "after it, the session's own");
            db.outside("update notes set body = 'short' where id = 1");
            assertEquals(34, number(c, read), "and the connection is served from the cache again");
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aSetUndoneByARollback_isUndoneInTheKey(String store) throws SQLException {
        String other = "session_other_" + Thread.currentThread().getId();
        db.outside("create table " + other + ".notes(id int primary key, body text not null)");
        db.outside("insert into " + other + ".notes values (1, 'x')");
        String read = "select length(body) from notes where id = 1";
        try (Connection c = db.open(store); Connection peer = db.open(store)) {
            run(peer, "SET search_path TO " + other);
            assertEquals(1, twice(peer, read));
            assertEquals(34, twice(c, read));
            run(c, "BEGIN");
            run(c, "SET search_path TO " + other);
            assertEquals(1, number(c, read));
            run(c, "ROLLBACK");
            assertEquals(34, number(c, read), "the rollback restored the search path");
            run(c, "RESET search_path");
            assertEquals(34, number(c, read));
        }
    }
}
