package dev.jdbccache.it.redis;

import static dev.jdbccache.it.redis.Nodes.connect;
import static dev.jdbccache.it.redis.Nodes.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A Redis Cluster with a replica per primary (six servers on free ports), under a workload of
 * reads and writes through a redis node and a tiered node: when the primary that holds the
 * cache's slot is replaced, by a forced promotion while it still runs and by a crash (SIGKILL),
 * every query succeeds, no read is stale, the driver ends the epoch on the promoted replica
 * (which may lack the last increments the old primary acknowledged), and caching resumes there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterFailoverTest {

    private static final int ROWS = 10;
    private static final List<RedisServer> servers = new ArrayList<>();
    private static final String[] FAST = {"cache.redis.circuit.failures", "3", "cache.redis.circuit.open-for", "200ms",
        "cache.redis.connect-timeout", "500ms", "cache.redis.socket-timeout", "500ms"};

    @BeforeAll
    static void startCluster() throws Exception {
        for (int i = 0; i < 6; i++) {
            int port = RedisServer.freePort();
            servers.add(RedisServer.start(port, "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
                    "--cluster-node-timeout", "1000", "--repl-diskless-sync-delay", "0"));
        }
        RedisServer.createCluster(servers, 3);
        awaitHealthy();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (RedisServer server : servers) {
            server.close();
        }
    }

    /** Every live server says cluster_state:ok and every live replica is in sync, at most 30 s. */
    private static void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!healthy() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(healthy(), "cluster_state:ok on every node, every replica in sync: " + alive().get(0).cli("CLUSTER", "NODES"));
    }

    private static boolean healthy() throws IOException, InterruptedException {
        for (RedisServer server : alive()) {
            if (!server.cli("CLUSTER", "INFO").contains("cluster_state:ok")) {
                return false;
            }
            String replication = server.cli("INFO", "replication");
            if (replication.contains("role:slave") && !replication.contains("master_link_status:up")) {
                return false;
            }
        }
        return true;
    }

    private static List<RedisServer> alive() throws IOException, InterruptedException {
        List<RedisServer> alive = new ArrayList<>();
        for (RedisServer server : servers) {
            if (server.cli("PING").contains("PONG")) {
                alive.add(server);
            }
        }
        return alive;
    }

    /**
     * The server that holds {@code prefix}'s slot as primary now, and its replica: as soon as the
     * node asked shows both (after a failover, gossip may take a moment to show the old primary
     * as the new one's replica, though every node already reports cluster_state:ok).
     */
    private static RedisServer[] primaryAndReplica(String prefix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        RedisServer[] pair;
        while ((pair = findPrimaryAndReplica(prefix)) == null) {
            assertTrue(System.nanoTime() < deadline, "no primary with a live replica for " + prefix + ": "
                    + alive().get(0).cli("CLUSTER", "NODES"));
            Thread.sleep(100);
        }
        return pair;
    }

    private static RedisServer[] findPrimaryAndReplica(String prefix) throws IOException, InterruptedException {
        RedisServer any = alive().get(0);
        int slot = Integer.parseInt(any.cli("CLUSTER", "KEYSLOT", "{" + prefix + "}x").strip());
        String primaryId = null;
        int primaryPort = -1;
        String[] lines = any.cli("CLUSTER", "NODES").split("\n");
        for (String line : lines) {
            String[] f = line.strip().split(" ");
            if (!f[2].contains("master") || f[2].contains("fail")) {
                continue;
            }
            for (int i = 8; i < f.length; i++) {
                String[] range = f[i].split("-");
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                if (slot >= from && slot <= to) {
                    primaryId = f[0];
                    primaryPort = port(f[1]);
                }
            }
        }
        int replicaPort = -1;
        for (String line : lines) {
            String[] f = line.strip().split(" ");
            if (f[2].contains("slave") && f[3].equals(primaryId) && !f[2].contains("fail")) {
                replicaPort = port(f[1]);
            }
        }
        if (primaryPort < 0 || replicaPort < 0) {
            return null;
        }
        return new RedisServer[] {server(primaryPort), server(replicaPort)};
    }

    private static int port(String address) {
        String hostPort = address.substring(0, address.indexOf('@'));
        return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }

    private static RedisServer server(int port) {
        return servers.stream().filter(s -> s.port() == port).findFirst()
                .orElseThrow(() -> new AssertionError("no server on port " + port));
    }

    private Properties clusterNode(String store, String prefix) throws IOException, InterruptedException {
        StringBuilder seeds = new StringBuilder();
        for (RedisServer server : alive()) {
            seeds.append(seeds.length() == 0 ? "" : ",").append("127.0.0.1:").append(server.port());
        }
        Properties p = node(store, "redis://127.0.0.1", prefix, "cache.redis.cluster", seeds.toString());
        for (int i = 0; i < FAST.length; i += 2) {
            p.setProperty(FAST[i], FAST[i + 1]);
        }
        return p;
    }

    @Order(1)
    @Test
    void aForcedPromotionWhileTheOldPrimaryRuns() throws Exception {
        failover(false);
    }

    @Order(2)
    @Test
    void theOldPrimaryCrashes() throws Exception {
        failover(true);
    }

    private void failover(boolean crash) throws Exception {
        awaitHealthy();
        String db = "cluster-failover-" + UUID.randomUUID();
        Nodes.createItems(db, ROWS);
        String prefix = Nodes.prefix();
        try (Connection truth = Nodes.plain(db); Connection a = connect(db, clusterNode("redis", prefix));
                Connection b = connect(db, clusterNode("tiered", prefix))) {
            Workload w = new Workload(truth, ROWS, a, b);
            w.run(300);
            assertTrue(w.hits()[0] > 50 && w.hits()[1] > 50, "warm: " + w.describe());
            long[] epochChanges = {Nodes.health(a).epochChanges(), Nodes.health(b).epochChanges()};

            RedisServer[] pair = primaryAndReplica(prefix);
            RedisServer old = pair[0];
            RedisServer promoted = pair[1];
            long start = System.nanoTime();
            long operations = w.operations;
            if (crash) {
                old.kill();
            } else {
                assertEquals("OK", promoted.cli("CLUSTER", "FAILOVER", "FORCE"));
            }
            long deadline = start + TimeUnit.SECONDS.toNanos(20);
            while (!promoted.cli("ROLE").startsWith("master") && System.nanoTime() < deadline) {
                w.run(20); // through the promotion: every query must still succeed
            }
            assertTrue(promoted.cli("ROLE").startsWith("master"), "the replica was promoted");
            long switchMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long operationsDuringSwitch = w.operations - operations;
            w.runUntilHits();
            w.run(300);
            assertEquals(0, w.stale, "stale reads; " + w.describe());
            assertTrue(Nodes.health(a).epochChanges() > epochChanges[0] && Nodes.health(b).epochChanges() > epochChanges[1],
                    "both nodes moved to a new epoch on the promoted primary: " + w.describe());
            assertTrue(promoted.cli("CLIENT", "LIST").contains("name=jdbc-cache"), "connected to the promoted primary");
            System.out.printf("cluster failover (%s): %d ms until promoted, %d operations meanwhile, stale=%d, max latency=%d ms,"
                    + " circuit states seen=%s; %s%n", crash ? "crash" : "forced", switchMillis, operationsDuringSwitch, w.stale,
                    w.maxNanos / 1_000_000, w.states, w.describe());
        } catch (SQLException e) {
            throw new AssertionError("an application query failed", e); // the servers and their keys go with the test
        }
    }
}
