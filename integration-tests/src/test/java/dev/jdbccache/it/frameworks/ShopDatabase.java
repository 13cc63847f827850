package dev.jdbccache.it.frameworks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The shop ({@code frameworks/shop-schema.sql}) in a PostgreSQL schema of its own, so that suites
 * can run twice in a row and beside other suites. Created and dropped through the plain driver;
 * its contents are (re)loaded by {@link ShopPool#reset()} through the application's own pool.
 */
public final class ShopDatabase implements AutoCloseable {

    static final String PG_URL = System.getProperty("jdbccache.test.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String schema;

    private ShopDatabase(String schema) {
        this.schema = schema;
    }

    /** A new schema named after {@code label}, holding the shop's tables and view, empty. */
    public static ShopDatabase create(String label) throws SQLException {
        String schema = ("fw_" + label + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        ShopDatabase db = new ShopDatabase(schema);
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
            try {
                s.execute("set search_path to " + schema);
                for (String sql : script("frameworks/shop-schema.sql")) {
                    s.execute(sql);
                }
            } catch (SQLException | RuntimeException e) {
                db.close();
                throw e;
            }
        }
        return db;
    }

    /** The plain PostgreSQL URL of this shop (its schema first on the search path). */
    public String url() {
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The same URL with the jdbc-cache prefix: the one change an application makes. */
    public String cacheUrl() {
        return "jdbc:cache:" + url().substring("jdbc:".length());
    }

    /**
     * Sequential plus index scans of {@code tables} so far, as the statistics collector counts
     * them. Backends report their counts lazily: see {@link ShopPool#databaseScans}.
     */
    long scans(String... tables) throws SQLException {
        long sum = 0;
        try (Connection c = DriverManager.getConnection(PG_URL);
             PreparedStatement ps = c.prepareStatement("select coalesce(seq_scan, 0) + coalesce(idx_scan, 0)"
                     + " from pg_stat_user_tables where schemaname = ? and relname = ?")) {
            for (String table : tables) {
                ps.setString(1, schema);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no table " + schema + "." + table);
                    }
                    sum += rs.getLong(1);
                }
            }
        }
        return sum;
    }

    /** The statements of a class-path SQL script: each ends with ';' at the end of a line. */
    static List<String> script(String resource) {
        try (InputStream in = ShopDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.strip().startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (line.stripTrailing().endsWith(";")) {
                    String sql = current.toString().strip();
                    statements.add(sql.substring(0, sql.length() - 1));
                    current.setLength(0);
                }
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Override
    public String toString() {
        return schema;
    }
}
