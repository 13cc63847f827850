package dev.jdbccache.driver.capture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL the consumer runs on an ordinary connection beside its stream: the publication, the
 * slot's state, the WAL it holds back, and a digest of the catalog (DDL is not in the stream).
 * Not thread-safe (the consumer's thread).
 */
final class ReplicationCatalog {

    /** Why the stream cannot run now; the message says what the user can do. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Unavailable(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** A short word for the stats ({@code change_capture.last_fallback}). */
        String reason() {
            return reason;
        }
    }

    /** A replication slot as {@code pg_replication_slots} shows it. */
    record Slot(boolean temporary, Integer activePid, String walStatus) {
        boolean lost() {
            return "lost".equals(walStatus);
        }
    }

    private static final String USER_SCHEMAS = "n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp\\_%'";

    /**
     * What DDL changes and the driver's catalog reads: relations (and their kind, triggers, rules,
     * partitioning), columns and their types, constraints, indexes, triggers, view rules,
     * inheritance and functions of the user's schemas, each row by the columns that matter, so
     * that TRUNCATE, VACUUM FULL or CLUSTER (a new file, the same definition) do not count.
     * Temporary objects are left out: they are their session's alone and churn.
     */
    private static final String CATALOG_DIGEST = "select concat_ws('|',"
            + " (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(',', c.oid, c.relname, c.relnamespace, c.relkind,"
            + "    c.relnatts, c.relhastriggers, c.relhasrules, c.relispartition, c.relreplident, c.relpersistence))), 0)"
            + "    from pg_class c join pg_namespace n on n.oid = c.relnamespace where " + USER_SCHEMAS + "),"
            + " (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(',', a.attrelid, a.attnum, a.attname, a.atttypid,"
            + "    a.atttypmod, a.attcollation, a.attisdropped))), 0)"
            + "    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
            + "    where a.attnum > 0 and c.relkind in ('r', 'p', 'v', 'm', 'f') and " + USER_SCHEMAS + "),"
            + " (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(',', o.oid, o.contype, o.conrelid, o.confrelid,"
            + "    o.conkey::text, o.confkey::text, o.confupdtype, o.confdeltype))), 0)"
            + "    from pg_constraint o join pg_namespace n on n.oid = o.connamespace where " + USER_SCHEMAS + "),"
            + " (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(',', i.indexrelid, i.indrelid, i.indkey::text,"
            + "    i.indisunique, i.indisvalid, i.indpred is null))), 0)"
            + "    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace"
            + "    where " + USER_SCHEMAS + "),"
            + " (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(',', t.oid, t.tgrelid, t.tgfoid, t.tgtype,"
            + "    t.tgenabled))), 0)"
            + "    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace"
            + "    where " + USER_SCHEMAS + "),"
            + " (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(',', r.oid, r.ev_class, r.ev_type,"
            + "    md5(r.ev_action::text)))), 0)"
            + "    from pg_rewrite r join pg_class c on c.oid = r.ev_class join pg_namespace n on n.oid = c.relnamespace"
            + "    where " + USER_SCHEMAS + "),"
            + " (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(',', h.inhrelid, h.inhparent))), 0)"
            + "    from pg_inherits h join pg_class c on c.oid = h.inhrelid join pg_namespace n on n.oid = c.relnamespace"
            + "    where " + USER_SCHEMAS + "),"
            + " (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(',', p.oid, p.proname, p.provolatile,"
            + "    md5(p.prosrc)))), 0)"
            + "    from pg_proc p join pg_namespace n on n.oid = p.pronamespace where " + USER_SCHEMAS + "))";

    private final Connection connection;

    ReplicationCatalog(Connection connection) {
        this.connection = connection;
    }

    /**
     * Makes sure the publication exists: creates it for {@code tables} (every table when empty)
     * unless a table it would cover has no replica identity, whose UPDATE and DELETE PostgreSQL
     * would refuse from then on.
     */
    void ensurePublication(String publication, List<String> tables) throws SQLException, Unavailable {
        if (connection.getMetaData().getDatabaseMajorVersion() < 11) {
            throw new Unavailable("version", "change capture needs PostgreSQL 11 or later (TRUNCATE is in the stream "
                    + "since 11)");
        }
        try (PreparedStatement s = connection.prepareStatement("select pubinsert and pubupdate and pubdelete and pubtruncate,"
                + " oid from pg_publication where pubname = ?")) {
            s.setString(1, publication);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    if (!rs.getBoolean(1)) {
                        throw new Unavailable("publication", "the publication " + publication + " does not publish every "
                                + "kind of change (insert, update, delete, truncate): changes it leaves out would be missed");
                    }
                    checkNoRowFilters(publication, rs.getLong(2));
                    return;
                }
            }
        }
        List<String> withoutIdentity = withoutReplicaIdentity(tables);
        if (!withoutIdentity.isEmpty()) {
            throw new Unavailable("replica_identity", "the publication " + publication + " would cover tables without a "
                    + "replica identity, whose UPDATE and DELETE PostgreSQL would then refuse: " + withoutIdentity
                    + "; give them a primary key (or ALTER TABLE ... REPLICA IDENTITY FULL), or name the tables to "
                    + "watch in cache.change-capture.tables, or create the publication yourself");
        }
        String target = tables.isEmpty() ? "for all tables" : "for table " + String.join(", ", tables);
        try (Statement s = connection.createStatement()) {
            s.execute("create publication " + publication + " " + target);
        } catch (SQLException e) {
            if (!"42710".equals(e.getSQLState())) { // created by another node meanwhile
                throw new Unavailable("publication", "cannot create the publication " + publication + " " + target + ": "
                        + e.getMessage() + (tables.isEmpty() ? " (a publication for all tables needs a superuser;"
                        + " name the tables in cache.change-capture.tables)" : ""));
            }
        }
    }

    /** PostgreSQL 15's row filters leave changes out of the stream: such a publication cannot vouch. */
    private void checkNoRowFilters(String publication, long oid) throws SQLException, Unavailable {
        if (connection.getMetaData().getDatabaseMajorVersion() < 15) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "select 1 from pg_publication_rel where prpubid = ? and prqual is not null")) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    throw new Unavailable("publication", "the publication " + publication + " filters rows (WHERE): "
                            + "changes it leaves out would be missed");
                }
            }
        }
    }

    /** The server's clock, in Unix milliseconds (commit times in the stream are the server's). */
    long serverMillis() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select (extract(epoch from clock_timestamp()) * 1000)::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> withoutReplicaIdentity(List<String> tables) throws SQLException {
        String sql = "select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where c.relkind = 'r' and c.relpersistence = 'p' and " + USER_SCHEMAS
                + " and (c.relreplident = 'n' or (c.relreplident = 'd' and not exists"
                + " (select 1 from pg_index i where i.indrelid = c.oid and i.indisprimary)))"
                + (tables.isEmpty() ? "" : " and c.oid = any (?::regclass[])") + " order by 1";
        List<String> result = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (!tables.isEmpty()) {
                s.setArray(1, connection.createArrayOf("text", tables.toArray()));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }

    /** The slot, or {@code null} when there is none of that name. */
    Slot slot(String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select temporary, active_pid, wal_status from pg_replication_slots where slot_name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                boolean temporary = rs.getBoolean(1);
                int pid = rs.getInt(2);
                Integer active = rs.wasNull() ? null : pid;
                return new Slot(temporary, active, rs.getString(3));
            }
        }
    }

    void dropSlot(String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = ?")) {
            s.setString(1, name);
            s.executeQuery().close();
        }
    }

    /** Ends the backend {@code pid} (a consumer that lost its lease but still streams the slot). */
    void terminate(int pid) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select pg_terminate_backend(?)")) {
            s.setInt(1, pid);
            s.executeQuery().close();
        }
    }

    /** WAL bytes between the server's current position and the slot's confirmed one; -1 when unknown. */
    long heldBytes(String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select pg_wal_lsn_diff(pg_current_wal_lsn(), "
                + "confirmed_flush_lsn)::bigint from pg_replication_slots where slot_name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** A digest of the user's catalog: it changes when DDL commits. */
    String catalogDigest() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(CATALOG_DIGEST)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
