package dev.jdbccache.driver.capture;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * One {@code pgoutput} stream read through pgjdbc's replication API, on a connection opened with
 * {@code replication=database}. The only class of the driver that names pgjdbc's types: where
 * they cannot be loaded, change capture reports it instead of failing connections. Not
 * thread-safe (the consumer's thread).
 */
final class LogicalStream implements AutoCloseable {

    private final Connection connection;
    private final PGReplicationStream stream;

    private LogicalStream(Connection connection, PGReplicationStream stream) {
        this.connection = connection;
        this.stream = stream;
    }

    /**
     * Starts streaming {@code slot} (creating it first when {@code create}; a temporary slot
     * lives as long as this connection) from the publication {@code publication}.
     */
    static LogicalStream start(Connection replication, String slot, boolean create, boolean temporary,
            String publication, long statusIntervalMillis) throws SQLException {
        try {
            PGConnection pg = replication.unwrap(PGConnection.class);
            if (create) {
                var builder = pg.getReplicationAPI().createReplicationSlot().logical().withSlotName(slot)
                        .withOutputPlugin("pgoutput");
                if (temporary) {
                    builder = builder.withTemporaryOption();
                }
                builder.make();
            }
            PGReplicationStream stream = pg.getReplicationAPI().replicationStream().logical().withSlotName(slot)
                    .withSlotOption("proto_version", "1").withSlotOption("publication_names", publication)
                    .withStatusInterval((int) Math.max(1, statusIntervalMillis), TimeUnit.MILLISECONDS).start();
            return new LogicalStream(replication, stream);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(replication, e);
            throw e;
        }
    }

    /** The next message, or {@code null} when none has arrived (answers keepalives meanwhile). */
    ByteBuffer readPending() throws SQLException {
        return stream.readPending();
    }

    /** Everything up to {@code lsn} is applied: PostgreSQL may let the slot's WAL go. */
    void confirm(long lsn) {
        LogSequenceNumber position = LogSequenceNumber.valueOf(lsn);
        stream.setAppliedLSN(position);
        stream.setFlushedLSN(position);
    }

    /**
     * Between transactions: confirms what the server said it has sent (its keepalives move the
     * received position), so an idle database does not make the slot keep the WAL others write.
     */
    void confirmReceived() {
        LogSequenceNumber received = stream.getLastReceiveLSN();
        if (received.asLong() > stream.getLastFlushedLSN().asLong()) {
            stream.setAppliedLSN(received);
            stream.setFlushedLSN(received);
        }
    }

    @Override
    public void close() {
        try {
            if (!stream.isClosed()) {
                stream.close();
            }
        } catch (SQLException | RuntimeException e) {
            // the connection goes below
        }
        closeQuietly(connection, null);
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }
}
