package dev.jdbccache.it.redis;

import static dev.jdbccache.it.redis.Nodes.connect;
import static dev.jdbccache.it.redis.Nodes.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redis restarted from an older snapshot (issue 15, item 11) brings back old versions together
 * with the entries stored under them, which would match again: the restarted server has another
 * run id, and the epoch ends.
 */
class RedisSnapshotRestoreTest {

    private static long value(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v from items where id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"redis", "tiered"})
    void anEntryRestoredWithItsOldVersions_isNeverServed(String store) throws Exception {
        String db = "restore-" + UUID.randomUUID();
        Nodes.createItems(db, 1);
        String prefix = Nodes.prefix();
        try (RedisServer server = RedisServer.start(RedisServer.freePort());
                Connection reader = connect(db, node(store, server.url(), prefix));
                Connection writer = connect(db, node(store, server.url(), prefix))) {
            assertEquals(10, value(reader));
            assertEquals(10, value(reader));
            assertTrue(Nodes.runtime(reader).stats().hits() >= 1, "the old value is cached");
            assertTrue(server.cli("SAVE").contains("OK"), "the snapshot holds the entry of 10 and its versions");

            try (Statement s = writer.createStatement()) {
                s.executeUpdate("update items set v = 20 where id = 1");
            }
            assertEquals(20, value(reader));

            server.kill();
            server.start(); // loads the snapshot: the versions the entry of 10 was stored under are back
            for (int i = 0; i < 5; i++) {
                assertEquals(20, value(reader), "read " + i + " after the restart");
            }
        }
    }
}
