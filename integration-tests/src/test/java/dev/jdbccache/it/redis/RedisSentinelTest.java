package dev.jdbccache.it.redis;

import static dev.jdbccache.it.redis.Nodes.connect;
import static dev.jdbccache.it.redis.Nodes.node;
import static dev.jdbccache.it.redis.Nodes.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A master, its replica and one Sentinel started by the test: the driver finds the master through
 * {@code cache.redis.sentinel.master} and {@code cache.redis.sentinels} and serves hits from it;
 * after {@code SENTINEL FAILOVER} queries keep succeeding, none is stale (although the promoted
 * replica lacks the counter increments of writes that reached the old master after the promotion),
 * caching resumes on the promoted replica, and a relaxed tiered node's mirror follows the writers
 * there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisSentinelTest {

    private static final String MASTER = "jc-it-master";
    private static final int ROWS = 10;
    private static RedisServer first;
    private static RedisServer second;
    private static RedisServer sentinel;

    @BeforeAll
    static void startServers() throws Exception {
        // no delay before a full sync: the replica is in sync at once
        first = RedisServer.start(RedisServer.freePort(), "--repl-diskless-sync-delay", "0");
        second = RedisServer.start(RedisServer.freePort(), "--repl-diskless-sync-delay", "0",
                "--replicaof", "127.0.0.1", Integer.toString(first.port()));
        assertTrue(second.awaitCli("master_link_status:up", 10, "INFO", "replication"), "the replica is in sync");
        sentinel = RedisServer.startSentinel(RedisServer.freePort(), MASTER, first.port(), 1_000);
        assertTrue(sentinel.awaitCli("127.0.0.1:" + second.port(), 10, "SENTINEL", "REPLICAS", MASTER),
                "the Sentinel knows the replica (needed to fail over)");
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (RedisServer server : new RedisServer[] {sentinel, second, first}) {
            if (server != null) {
                server.close();
            }
        }
    }

    /** A node that knows only the Sentinel; the URL's host is not used (Sentinel names the master). */
    private static Properties sentinelNode(String store, String prefix, String... more) {
        Properties p = node(store, "redis://127.0.0.1", prefix, "cache.redis.sentinel.master", MASTER,
                "cache.redis.sentinels", "127.0.0.1:" + sentinel.port(),
                "cache.redis.connect-timeout", "500ms", "cache.redis.socket-timeout", "500ms");
        for (int i = 0; i < more.length; i += 2) {
            p.setProperty(more[i], more[i + 1]);
        }
        return p;
    }

    /** The server Sentinel names as the master now. */
    private static RedisServer currentMaster() throws Exception {
        String address = sentinel.cli("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER);
        return address.endsWith("\n" + first.port()) ? first : second;
    }

    /** Reads through a relaxed tiered node until its pub/sub mirror is in sync, at most 5 s. */
    private static void awaitMirrorLive(Connection relaxed) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Nodes.health(relaxed).mirrorLive() && System.nanoTime() < deadline) {
            read(relaxed, 2);
            Thread.sleep(20);
        }
        assertTrue(Nodes.health(relaxed).mirrorLive(), "the mirror is in sync: " + Nodes.health(relaxed));
    }

    @Order(1)
    @ParameterizedTest
    @ValueSource(strings = {"redis", "tiered"})
    void hitsAreServedFromTheMasterSentinelNames(String store) throws Exception {
        String db = "sentinel-" + UUID.randomUUID();
        Nodes.createItems(db, ROWS);
        String prefix = Nodes.prefix();
        try (Connection truth = Nodes.plain(db); Connection a = connect(db, sentinelNode(store, prefix));
                Connection b = connect(db, sentinelNode(store, prefix))) {
            try (Statement s = truth.createStatement()) {
                s.execute("set query_statistics true");
            }
            assertEquals(10, read(a, 1));
            for (int i = 0; i < 20; i++) {
                assertEquals(10, read(b, 1));
            }
            assertEquals(1, Nodes.executions(truth), "node b never reached the database");
            assertEquals(20, Nodes.runtime(b).stats().hits());
            assertEquals(0, Nodes.health(b).failures(), Nodes.health(b).toString());
            assertTrue(currentMaster().cli("CLIENT", "LIST").contains("name=jdbc-cache"), "connected to the master");
        }
    }

    @Order(2)
    @Test
    void afterAFailover_queriesKeepSucceeding_noneIsStale_andCachingResumesOnThePromotedReplica() throws Exception {
        String db = "failover-" + UUID.randomUUID();
        Nodes.createItems(db, ROWS);
        try (Connection plain = Nodes.plain(db); Statement s = plain.createStatement()) {
            s.execute("create table probe(id int primary key, v int not null)");
            s.execute("insert into probe values (1, 100)");
        }
        String prefix = Nodes.prefix();
        String[] fast = {"cache.redis.circuit.failures", "3", "cache.redis.circuit.open-for", "200ms"};
        try (Connection truth = Nodes.plain(db); Connection a = connect(db, sentinelNode("redis", prefix, fast));
                Connection b = connect(db, sentinelNode("tiered", prefix, fast));
                Connection relaxed = connect(db, sentinelNode("tiered", prefix, "cache.tiered.consistency", "relaxed"))) {
            Workload w = new Workload(truth, ROWS, a, b);
            w.run(300);
            assertTrue(w.hits()[0] > 50 && w.hits()[1] > 50, "warm: " + w.describe());
            // the relaxed node holds a probe entry that the workload (on items) never invalidates
            assertEquals(100, readProbe(relaxed)); // its first call adopts the epoch: the mirror synchronises again
            awaitMirrorLive(relaxed);
            assertEquals(100, readProbe(relaxed));
            long hits = Nodes.runtime(relaxed).stats().hits();
            assertEquals(100, readProbe(relaxed));
            assertTrue(Nodes.runtime(relaxed).localEntries() >= 1 && Nodes.runtime(relaxed).stats().hits() == hits + 1,
                    "served locally");

            RedisServer promoted = currentMaster() == first ? second : first;
            assertEquals("OK", sentinel.cli("SENTINEL", "FAILOVER", MASTER));
            long start = System.nanoTime();
            long operations = w.operations;
            long deadline = start + TimeUnit.SECONDS.toNanos(15);
            while (currentMaster() != promoted && System.nanoTime() < deadline) {
                w.run(20); // through the switch: every query must still succeed
            }
            assertTrue(currentMaster() == promoted, "Sentinel promoted the replica");
            long switchMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long operationsDuringSwitch = w.operations - operations;
            // the old master answers reads as a replica until a write fails there: the driver moves
            // to the promoted one when its calls fail or Sentinel tells it, within the workload's calls
            long connectBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!promoted.cli("CLIENT", "LIST").contains("name=jdbc-cache") && System.nanoTime() < connectBy) {
                w.run(20);
            }
            assertTrue(promoted.cli("CLIENT", "LIST").contains("name=jdbc-cache"), "connected to the promoted replica");
            w.runUntilHits();
            w.run(300);
            assertEquals(0, w.stale, "stale reads; " + w.describe());

            // a write now is published on the new master: the relaxed node's mirror must follow it there
            try (Statement s = a.createStatement()) {
                s.executeUpdate("update probe set v = 101 where id = 1");
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            int seen = readProbe(relaxed);
            while (seen != 101 && System.nanoTime() < until) {
                Thread.sleep(5);
                seen = readProbe(relaxed);
            }
            assertEquals(101, seen, "the relaxed node saw a write on the new master within a second");
            awaitMirrorLive(relaxed);
            System.out.printf("sentinel failover: %d ms until Sentinel switched, %d operations meanwhile, stale=%d, max latency=%d ms,"
                    + " circuit states seen=%s; %s%n", switchMillis, operationsDuringSwitch, w.stale, w.maxNanos / 1_000_000,
                    w.states, w.describe());
        } catch (SQLException e) {
            throw new AssertionError("an application query failed", e);
        }
    }

    private static int readProbe(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v from probe where id = 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
