package dev.jdbccache.driver.capture;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/** Opens the change-capture consumer's connections: the real driver's, with the application's URL and credentials. */
public interface CaptureConnections {

    /** The application name of the consumer's connections (pg_stat_activity). */
    String APPLICATION_NAME = "jdbc-cache change capture";

    /** An ordinary connection, for the publication, the slot's state and the catalog. */
    Connection plain() throws SQLException;

    /** A connection in logical replication mode ({@code replication=database}). */
    Connection replication() throws SQLException;

    /** The connections of a consumer reading {@code url} through {@code driver} with {@code properties}. */
    static CaptureConnections through(Driver driver, String url, Properties properties) {
        return new CaptureConnections() {
            @Override
            public Connection plain() throws SQLException {
                return open(driver, url, with(properties, false));
            }

            @Override
            public Connection replication() throws SQLException {
                return open(driver, url, with(properties, true));
            }
        };
    }

    private static Properties with(Properties properties, boolean replication) {
        Properties copy = new Properties();
        copy.putAll(properties);
        copy.setProperty("ApplicationName", APPLICATION_NAME);
        copy.putIfAbsent("connectTimeout", "10");
        copy.putIfAbsent("tcpKeepAlive", "true");
        if (replication) {
            copy.setProperty("replication", "database");
            copy.setProperty("preferQueryMode", "simple");
            copy.setProperty("assumeMinServerVersion", "10");
        } else {
            copy.putIfAbsent("socketTimeout", "60"); // the catalog checks: a hung server must not stall the consumer
        }
        return copy;
    }

    private static Connection open(Driver driver, String url, Properties properties) throws SQLException {
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException(driver.getClass().getName() + " declined the change-capture connection", "08001");
        }
        return connection;
    }
}
