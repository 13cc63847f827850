package dev.jdbccache.testservices;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL with {@code wal_level=logical}, for the change-capture tests: the one of
 * {@code jdbccache.test.pg.url} when it runs so ({@code .ci/run} makes the machine's server so),
 * otherwise an embedded one started once per JVM on a free port and stopped when the JVM exits.
 * Thread-safe.
 */
public final class LogicalPostgresql {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static String url;

    private LogicalPostgresql() {
    }

    /** The URL (database {@code test}, user {@code postgres}) of a PostgreSQL that decodes logically. */
    public static synchronized String url() {
        if (url == null) {
            url = find();
        }
        return url;
    }

    private static String find() {
        String configured = System.getProperty("jdbccache.test.pg.url", DEFAULT_URL);
        try {
            if ("logical".equals(walLevel(configured))) {
                return configured;
            }
        } catch (SQLException e) {
            // not answering: the embedded one below
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            EmbeddedPostgresql server = new EmbeddedPostgresql(port);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgresql-stop"));
            String started = "jdbc:postgresql://127.0.0.1:" + port + "/test?user=postgres";
            System.out.printf("jdbc-cache tests: %s does not run with wal_level=logical; started an embedded PostgreSQL on %d%n",
                    configured, port);
            return started;
        } catch (Exception e) {
            throw new IllegalStateException("change capture needs a PostgreSQL with wal_level=logical: " + configured
                    + " is not one, and an embedded one did not start: " + e, e);
        }
    }

    private static String walLevel(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show wal_level")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
