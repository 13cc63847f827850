package dev.jdbccache.driver;

import dev.jdbccache.driver.jdbc.PhysicalConnection;
import dev.jdbccache.parser.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * Which incarnation of a database a connection reaches: a database dropped and created again
 * under the same name, a cluster restored from a backup, or an in-memory database of another
 * process is another database, and must never be answered with the entries of the one before.
 * PostgreSQL names it by the cluster's system identifier, the database's OID and the timeline
 * (a point-in-time recovery starts a new one); an in-memory database lives in one JVM. Read once
 * per physical connection, so a pool's borrows cost nothing. Thread-safe.
 */
final class DatabaseIncarnation {

    private static final String POSTGRES = "select s.system_identifier, d.oid, k.timeline_id "
            + "from pg_catalog.pg_database d, pg_catalog.pg_control_system() s, pg_catalog.pg_control_checkpoint() k "
            + "where d.datname = pg_catalog.current_database()";
    private static final String POSTGRES_OID = "select oid from pg_catalog.pg_database where datname = pg_catalog.current_database()";
    /** This JVM: in-memory databases of another process are other databases. */
    private static final String THIS_JVM = "jvm-" + UUID.randomUUID();
    private static final Map<Connection, String> BY_CONNECTION = Collections.synchronizedMap(new WeakHashMap<>());

    private DatabaseIncarnation() {
    }

    /** The incarnation of the database {@code real} is connected to (at {@code url}); empty when it cannot be told. */
    static String of(Connection real, SqlDialect dialect, String url) {
        if (isInMemory(url)) {
            return THIS_JVM;
        }
        if (dialect != SqlDialect.POSTGRESQL) {
            return "";
        }
        Connection physical = PhysicalConnection.of(real);
        String known = BY_CONNECTION.get(physical);
        if (known == null) {
            known = readPostgres(real);
            BY_CONNECTION.put(physical, known);
        }
        return known;
    }

    static boolean isInMemory(String url) {
        return url != null && (url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:hsqldb:mem:")
                || url.startsWith("jdbc:derby:memory:") || url.startsWith("jdbc:sqlite::memory:"));
    }

    private static String readPostgres(Connection real) {
        String full = firstRow(real, POSTGRES, 3);
        if (full != null) {
            return "pg-" + full;
        }
        String oid = firstRow(real, POSTGRES_OID, 1);
        return oid != null ? "pg-oid-" + oid : ""; // nothing to tell: the URL alone names the database, as before
    }

    /**
     * The first row's columns joined by '-', or {@code null} when the query fails (an old server,
     * a refusal); inside a transaction under a savepoint, so that a failure cannot abort it.
     */
    private static String firstRow(Connection real, String sql, int columns) {
        Savepoint savepoint = null;
        try {
            if (!real.getAutoCommit()) {
                savepoint = real.setSavepoint();
            }
            String row = null;
            try (Statement s = real.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                if (rs.next()) {
                    StringBuilder joined = new StringBuilder(rs.getString(1));
                    for (int i = 2; i <= columns; i++) {
                        joined.append('-').append(rs.getString(i));
                    }
                    row = joined.toString();
                }
            }
            if (savepoint != null) {
                real.releaseSavepoint(savepoint);
            }
            return row;
        } catch (SQLException | RuntimeException e) {
            if (savepoint != null) {
                try {
                    real.rollback(savepoint);
                } catch (SQLException ignored) {
                    // the connection is broken: the application's next statement will say so
                }
            }
            return null;
        }
    }
}
