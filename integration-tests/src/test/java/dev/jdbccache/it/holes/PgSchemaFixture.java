package dev.jdbccache.it.holes;

import dev.jdbccache.it.redis.Nodes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh PostgreSQL schema per test, a plain connection to it (the truth, and where writes from
 * outside the cache come from) and caching connections on any store: two connections of the
 * local store share one cache, two of a shared store are two nodes of one Redis prefix.
 */
public final class PgSchemaFixture implements AutoCloseable {

    public static final String PG_URL = System.getProperty("jdbccache.test.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    public static final String REDIS = System.getProperty("jdbccache.test.redis.url", "redis://127.0.0.1:6379");

    public final String schema;
    private final String prefix = Nodes.prefix();
    private final String localName;
    public final Connection admin;

    /** Creates the schema and runs {@code ddl} in it. */
    public PgSchemaFixture(String purpose, String... ddl) throws SQLException {
        schema = purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        localName = purpose + "-" + schema;
        admin = DriverManager.getConnection(PG_URL);
        try (Statement s = admin.createStatement()) {
            s.execute("create schema " + schema);
            s.execute("set search_path to " + schema);
            for (String statement : ddl) {
                s.execute(statement);
            }
        }
    }

    /**
     * A caching connection on {@code store} ({@code local}, {@code redis}, {@code tiered}) with the
     * schema current; {@code more} are further {@code cache.*} key/value pairs of a shared store.
     */
    public Connection open(String store, String... more) throws SQLException {
        Properties p = store.equals("local") ? new Properties() : Nodes.node(store, REDIS, prefix, more);
        if (store.equals("local")) {
            p.setProperty("cache.name", localName);
        }
        return DriverManager.getConnection("jdbc:cache:" + PG_URL.substring("jdbc:".length())
                + "&currentSchema=" + schema, p);
    }

    /** Runs {@code sql} on the plain connection: a write the cache does not see. */
    public void outside(String sql) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute(sql);
        }
    }

    /** Runs {@code sql} through {@code c}. */
    public static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row of {@code sql}, read through {@code c}; -1 without rows. */
    public static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** Reads twice through {@code c}, so that the second read comes from the cache when it may. */
    public static long twice(Connection c, String sql) throws SQLException {
        number(c, sql);
        return number(c, sql);
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("drop schema " + schema + " cascade");
        } finally {
            admin.close();
            Nodes.deleteKeys(REDIS, prefix);
        }
    }
}
