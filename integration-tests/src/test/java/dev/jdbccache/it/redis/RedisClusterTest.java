package dev.jdbccache.it.redis;

import static dev.jdbccache.it.redis.Nodes.connect;
import static dev.jdbccache.it.redis.Nodes.increment;
import static dev.jdbccache.it.redis.Nodes.node;
import static dev.jdbccache.it.redis.Nodes.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A three-master Redis Cluster started by the test: hits and invalidation through RedisClusterClient. */
class RedisClusterTest {

    private static final int[] PORTS = new int[3];
    private static final List<RedisServer> servers = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        for (int i = 0; i < PORTS.length; i++) {
            PORTS[i] = RedisServer.freePort();
            int port = PORTS[i];
            servers.add(RedisServer.start(port, "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
                    "--cluster-node-timeout", "2000"));
        }
        RedisServer.createCluster(servers, servers.size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!allOk() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(allOk(), "cluster_state:ok on every node");
    }

    private static boolean allOk() throws IOException, InterruptedException {
        for (RedisServer server : servers) {
            if (!server.cli("CLUSTER", "INFO").contains("cluster_state:ok")) {
                return false;
            }
        }
        return true;
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (RedisServer server : servers) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis", "tiered"})
    void hitsAndInvalidationAcrossNodes_onACluster(String store) throws Exception {
        String db = "cluster-" + UUID.randomUUID();
        Nodes.createItems(db, 3);
        String prefix = Nodes.prefix();
        String seeds = "127.0.0.1:" + PORTS[0] + ",127.0.0.1:" + PORTS[1];
        Properties a = node(store, "redis://127.0.0.1:" + PORTS[0], prefix, "cache.redis.cluster", seeds);
        Properties b = node(store, "redis://127.0.0.1:" + PORTS[0], prefix, "cache.redis.cluster", seeds);
        try (Connection ca = connect(db, a); Connection cb = connect(db, b)) {
            assertEquals(10, read(ca, 1));
            assertEquals(10, read(cb, 1));
            assertEquals(1, Nodes.runtime(cb).stats().hits(), "b's first read is a hit from the cluster");
            increment(ca, 1);
            assertEquals(11, read(cb, 1));
            assertEquals(11, read(cb, 1));
            assertEquals(2, Nodes.runtime(cb).stats().hits());
            assertEquals(0, Nodes.health(cb).failures(), Nodes.health(cb).toString());
        }
    }
}
