package dev.jdbccache.it.consistency;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The table the consistency tests write and read, {@code counter(id int primary key, version
 * bigint)} with every version starting at 0, in a schema of its own (unique per run, dropped by
 * {@link #close}), so runs can repeat and sit beside other tests.
 */
final class CounterTable implements AutoCloseable {

    static final String PG_URL = System.getProperty("jdbccache.test.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String url;
    private final String schema;
    private final int rows;

    private CounterTable(String url, String schema, int rows) {
        this.url = url;
        this.schema = schema;
        this.rows = rows;
    }

    /** Creates the schema and the table with rows {@code 1..rows}. */
    static CounterTable create(String prefix, int rows) throws SQLException {
        return create(prefix, rows, PG_URL);
    }

    /** As {@link #create(String, int)}, in the PostgreSQL of {@code url}. */
    static CounterTable create(String prefix, int rows, String url) throws SQLException {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
            s.execute("create table " + schema + ".counter(id int primary key, version bigint not null)");
            s.execute("insert into " + schema + ".counter select g, 0 from generate_series(1, " + rows + ") g");
        }
        return new CounterTable(url, schema, rows);
    }

    String schema() {
        return schema;
    }

    int rows() {
        return rows;
    }

    /** The real driver's URL, with the table's schema as the current one. */
    String realUrl() {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The same database through {@code jdbc:cache:}. */
    String cacheUrl() {
        return "jdbc:cache:" + realUrl().substring("jdbc:".length());
    }

    /** A connection of the real driver: it never sees the cache. */
    Connection openPlain() throws SQLException {
        return DriverManager.getConnection(realUrl());
    }

    /** The committed version of a row, read by the real driver. */
    long committedVersion(int id) throws SQLException {
        try (Connection c = openPlain(); PreparedStatement ps = c.prepareStatement("select version from counter where id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // a connection a test failed to release would make the drop wait forever: fail instead
            s.execute("set lock_timeout = '20s'");
            s.execute("drop schema " + schema + " cascade");
        }
    }
}
