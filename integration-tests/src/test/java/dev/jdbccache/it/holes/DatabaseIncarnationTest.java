package dev.jdbccache.it.holes;

import static dev.jdbccache.it.holes.PgSchemaFixture.number;
import static dev.jdbccache.it.holes.PgSchemaFixture.twice;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jdbccache.it.redis.Nodes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database dropped and created again under the same name is another database (issue 15,
 * item 10): the cache, which outlives it (in the JVM, or in Redis), never answers the new one
 * with the old one's entries.
 */
class DatabaseIncarnationTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String database = "jc_incarnation_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String prefix = Nodes.prefix();
    private final Properties node = new Properties();

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres?user=postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Creates the database with one row whose value is {@code v}, through the plain driver. */
    private void create(int v) throws SQLException {
        admin("create database " + database);
        try (Connection c = DriverManager.getConnection(SERVER + database + "?user=postgres"); Statement s = c.createStatement()) {
            s.execute("create table t(id int primary key, v int not null)");
            s.execute("insert into t values (1, " + v + ")");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        admin("drop database if exists " + database + " with (force)");
        Nodes.deleteKeys(PgSchemaFixture.REDIS, prefix);
    }

    private Connection open(String store) throws SQLException {
        if (node.isEmpty()) {
            node.putAll(store.equals("local") ? new Properties() : Nodes.node(store, PgSchemaFixture.REDIS, prefix));
            node.setProperty("cache.name", "incarnation-" + database);
        }
        return DriverManager.getConnection("jdbc:cache:postgresql://127.0.0.1:5432/" + database + "?user=postgres", node);
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void aDatabaseCreatedAgainUnderTheSameName_isNotAnsweredWithTheOldOnesEntries(String store) throws SQLException {
        create(1);
        try (Connection c = open(store)) {
            assertEquals(1, twice(c, "select v from t where id = 1"));
        }
        admin("drop database " + database + " with (force)");
        create(2);
        try (Connection c = open(store)) {
            assertEquals(2, number(c, "select v from t where id = 1"));
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"local", "redis", "tiered"})
    void theSameIncarnation_keepsItsEntriesAcrossConnections(String store) throws SQLException {
        create(1);
        try (Connection c = open(store)) {
            assertEquals(1, twice(c, "select v from t where id = 1"));
        }
        try (Connection plain = DriverManager.getConnection(SERVER + database + "?user=postgres"); Statement s = plain.createStatement()) {
            s.execute("update t set v = 3");
        }
        try (Connection c = open(store)) {
            assertEquals(1, number(c, "select v from t where id = 1"), "a new connection to the same database hits");
        }
    }
}
