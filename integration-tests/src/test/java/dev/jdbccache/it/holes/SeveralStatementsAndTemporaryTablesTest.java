package dev.jdbccache.it.holes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jdbccache.driver.cache.BypassReason;
import dev.jdbccache.driver.jdbc.CachingConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wrong answers that ordinary PostgreSQL statements produced (issue 15, items 1, 2 and 12), on
 * each store: a writer and a reader on two connections (two nodes for the shared stores).
 */
class SeveralStatementsAndTemporaryTablesTest {

    private PgSchemaFixture db;

    @BeforeEach
    void createTable() throws SQLException {
        db = new PgSchemaFixture("holes",
                "create table notes(id int primary key, v int not null)",
                "insert into notes values (1, 1)");
    }

    @AfterEach
    void dropTable() throws SQLException {
        db.close();
    }

    private Connection open(String store) throws SQLException {
        return db.open(store);
    }

    private static int value(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v from notes where id = 1")) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    /** Reads twice, so that the value is cached when it may be. */
    private static int cachedValue(Connection c) throws SQLException {
        value(c);
        return value(c);
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aWriteFollowedByASetInOneString_invalidates(String store) throws SQLException {
        try (Connection reader = open(store); Connection writer = open(store); Statement s = writer.createStatement()) {
            assertEquals(1, cachedValue(reader));
            s.execute("update notes set v = 2 where id = 1; set application_name = 'x'");
            assertEquals(2, value(reader));
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void beginUpdateCommitInOneString_invalidates(String store) throws SQLException {
        try (Connection reader = open(store); Connection writer = open(store); Statement s = writer.createStatement()) {
            assertEquals(1, cachedValue(reader));
            s.execute("BEGIN; UPDATE notes SET v = 3 WHERE id = 1; COMMIT");
            assertEquals(3, value(reader));
            // the string's COMMIT ended its transaction: the writer is back in autocommit and caches again
            assertEquals(3, cachedValue(writer));
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aStringThatLeavesItsTransactionOpen_keepsItsWriteLeasedUntilTheCommit(String store) throws SQLException {
        try (Connection reader = open(store); Connection writer = open(store); Statement s = writer.createStatement()) {
            assertEquals(1, cachedValue(reader));
            s.execute("BEGIN; UPDATE notes SET v = 4 WHERE id = 1");
            assertEquals(1, cachedValue(reader), "uncommitted: others see the old value");
            s.execute("COMMIT");
            assertEquals(4, value(reader), "committed: nobody sees the old value");
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aTemporaryTable_neverShadowsTheRealOneForOtherSessions(String store) throws SQLException {
        try (Connection owner = open(store); Connection other = open(store); Statement s = owner.createStatement()) {
            s.execute("create temp table notes(id int primary key, v int not null)");
            s.execute("insert into notes values (1, 99)");
            assertEquals(99, cachedValue(owner), "the owner sees its temporary table");
            assertEquals(1, cachedValue(other), "another session sees the real table");
            assertEquals(99, value(owner));
            assertEquals(3, owner.unwrap(CachingConnection.class).runtime().stats()
                    .bypasses(BypassReason.TEMPORARY_OBJECTS), "each of the owner's reads bypassed");
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aTemporaryTableCreatedBeforeTheRealOnesEntries_isNotServedFromThem(String store) throws SQLException {
        try (Connection owner = open(store); Connection other = open(store); Statement s = owner.createStatement()) {
            assertEquals(1, cachedValue(other));
            s.execute("create temp table notes as select 1 as id, 77 as v");
            assertEquals(77, value(owner), "the owner is never served the real table's entry");
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void beginIsolationLevelAsSql_bypassesLikeSetTransactionIsolation(String store) throws SQLException {
        try (Connection c = open(store); Statement s = c.createStatement()) {
            s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
            value(c);
            value(c);
            s.execute("COMMIT");
            assertEquals(2, c.unwrap(CachingConnection.class).runtime().stats().bypasses(BypassReason.SNAPSHOT_ISOLATION));
        }
    }
}
