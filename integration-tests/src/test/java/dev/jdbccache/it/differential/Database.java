package dev.jdbccache.it.differential;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The databases the suite runs against, each able to create an isolated sandbox under a given
 * name and to drop it again. A sandbox holds all data of one scenario run, so the suite can run
 * twice in a row and next to other tests.
 */
enum Database {

    /** One in-memory database per sandbox; dropping it shuts it down. */
    H2 {
        @Override
        String createSandbox(String name) {
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        }

        @Override
        void dropSandbox(String name) throws SQLException {
            try (Connection c = DriverManager.getConnection(createSandbox(name), new Properties());
                 Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }

        @Override
        String arrayOf(String elementType) {
            return elementType + " ARRAY";
        }
    },

    /**
     * One schema per sandbox in the database named by {@code jdbccache.test.pg.url}, selected
     * through {@code currentSchema}; schemas a scenario creates must start with the sandbox name.
     */
    POSTGRESQL {
        @Override
        String createSandbox(String name) throws SQLException {
            try (Connection c = DriverManager.getConnection(baseUrl(), new Properties());
                 Statement s = c.createStatement()) {
                s.execute("create schema " + name);
            }
            return baseUrl() + (baseUrl().contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        @Override
        void dropSandbox(String name) throws SQLException {
            try (Connection c = DriverManager.getConnection(baseUrl(), new Properties());
                 Statement s = c.createStatement()) {
                List<String> schemas = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(
                        "select nspname from pg_namespace where nspname like '" + name + "%'")) {
                    while (rs.next()) {
                        schemas.add(rs.getString(1));
                    }
                }
                for (String schema : schemas) {
                    s.execute("drop schema " + schema + " cascade");
                }
            }
        }

        @Override
        String arrayOf(String elementType) {
            return elementType + "[]";
        }

        private String baseUrl() {
            return System.getProperty("jdbccache.test.pg.url",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        }
    },

    /**
     * One database (MariaDB's schema) per sandbox on the server named by
     * {@code jdbccache.test.mariadb.url}; databases a scenario creates must start with the
     * sandbox name.
     */
    MARIADB {
        @Override
        String createSandbox(String name) throws SQLException {
            try (Connection c = DriverManager.getConnection(baseUrl(), new Properties());
                 Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            return baseUrl().replaceFirst("(//[^/]*/)[^?]*", "$1" + name);
        }

        @Override
        void dropSandbox(String name) throws SQLException {
            try (Connection c = DriverManager.getConnection(baseUrl(), new Properties());
                 Statement s = c.createStatement()) {
                List<String> databases = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select schema_name from"
                        + " information_schema.schemata where schema_name like '" + name + "%'")) {
                    while (rs.next()) {
                        databases.add(rs.getString(1));
                    }
                }
                for (String database : databases) {
                    s.execute("drop database " + database);
                }
            }
        }

        @Override
        String arrayOf(String elementType) {
            throw new UnsupportedOperationException("MariaDB has no array types");
        }

        private String baseUrl() {
            return System.getProperty("jdbccache.test.mariadb.url",
                    "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        }
    };

    /** Creates the sandbox and returns the plain JDBC URL that reaches it. */
    abstract String createSandbox(String name) throws SQLException;

    /** Drops the sandbox and everything in it; a missing sandbox is not an error. */
    abstract void dropSandbox(String name) throws SQLException;

    /** The column type of an array of {@code elementType}. */
    abstract String arrayOf(String elementType);

    boolean isH2() {
        return this == H2;
    }

    boolean isPostgres() {
        return this == POSTGRESQL;
    }

    boolean isMariaDb() {
        return this == MARIADB;
    }

    /** Returns {@code h2} on H2 and {@code postgres} on PostgreSQL (and MariaDB). */
    String pick(String h2, String postgres) {
        return isH2() ? h2 : postgres;
    }

    /** Returns {@code h2}, {@code postgres} or {@code mariadb}, for this database. */
    String pick(String h2, String postgres, String mariadb) {
        return isMariaDb() ? mariadb : pick(h2, postgres);
    }
}
