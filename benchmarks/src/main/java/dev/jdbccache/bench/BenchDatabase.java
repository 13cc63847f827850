package dev.jdbccache.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The PostgreSQL database the JMH benchmarks read: its URL (system property
 * {@code jdbccache.bench.pg.url}), the {@code bench_item} table of {@value #ROWS} rows, and
 * connections through the plain or the {@code jdbc:cache:} URL.
 */
final class BenchDatabase {
    static final int ROWS = 10_000;
    static final String URL_PROPERTY = "jdbccache.bench.pg.url";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private BenchDatabase() {
    }

    static String plainUrl() {
        return System.getProperty(URL_PROPERTY, DEFAULT_URL);
    }

    static String cacheUrl() {
        String plain = plainUrl();
        if (!plain.startsWith("jdbc:")) {
            throw new IllegalArgumentException(URL_PROPERTY + " is not a JDBC URL: " + plain);
        }
        return "jdbc:cache:" + plain.substring("jdbc:".length());
    }

    /** Creates {@code bench_item} if it does not exist and fills in any of rows 1..{@value #ROWS} that are missing. */
    static void ensureTable() throws SQLException {
        try (Connection connection = DriverManager.getConnection(plainUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists bench_item (id int primary key,"
                    + " name varchar(100) not null, price numeric(10, 2) not null)");
            statement.executeUpdate("insert into bench_item (id, name, price)"
                    + " select g, 'item ' || g, (g % 1000) + 0.99 from generate_series(1, " + ROWS + ") g"
                    + " on conflict (id) do nothing");
            statement.execute("analyze bench_item");
        }
    }

    static Connection connectPlain() throws SQLException {
        return DriverManager.getConnection(plainUrl());
    }

    static final String H2_DATABASE = "h2:mem:bench_item;DB_CLOSE_DELAY=-1";

    /** The in-memory H2 twin of the PostgreSQL table (same rows), created once per JVM. */
    static void ensureH2Table() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:" + H2_DATABASE); java.sql.Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_item (id int primary key, name varchar(40) not null,"
                    + " price decimal(10, 2) not null)");
            s.execute("merge into bench_item key (id) select x, 'item ' || x, x / 100.0 from system_range(1, " + ROWS + ")");
        }
    }

    /** An H2 connection: plain, or through {@code jdbc:cache:} with the cache disabled. */
    static Connection connectH2(boolean wrapped) throws SQLException {
        if (!wrapped) {
            return DriverManager.getConnection("jdbc:" + H2_DATABASE);
        }
        Properties properties = new Properties();
        properties.setProperty("cache.enabled", "false");
        return DriverManager.getConnection("jdbc:cache:" + H2_DATABASE, properties);
    }

    /** A connection through {@code jdbc:cache:}; {@code settings} are {@code cache.*} key/value pairs. */
    static Connection connectCached(String... settings) throws SQLException {
        Properties properties = new Properties();
        for (int i = 0; i + 1 < settings.length; i += 2) {
            properties.setProperty(settings[i], settings[i + 1]);
        }
        return DriverManager.getConnection(cacheUrl(), properties);
    }

    /** Reads {@code rows} to the end and closes it, without looking at the values (to fill a cache). */
    static void drain(ResultSet rows) throws SQLException {
        try (rows) {
            while (rows.next()) {
                // Reading to the end is what lets the driver store the result.
            }
        }
    }

    /** Reads {@code rows} to the end and closes it, every column of {@code select id, name, price ...}. */
    static void consume(ResultSet rows, Blackhole blackhole) throws SQLException {
        try (rows) {
            while (rows.next()) {
                blackhole.consume(rows.getInt(1));
                blackhole.consume(rows.getString(2));
                blackhole.consume(rows.getBigDecimal(3));
            }
        }
    }
}
