package dev.jdbccache.it.redis;

import static dev.jdbccache.it.redis.Nodes.connect;
import static dev.jdbccache.it.redis.Nodes.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.redis.CircuitState;
import dev.jdbccache.driver.redis.RedisHealth;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redis misbehaves under a running workload (killed, restarted empty, flushed, paused beyond the
 * timeout, out of memory): every application query still succeeds, no read is stale (each cached
 * read is compared with the database right after), latency stays bounded, and caching resumes by
 * itself. The workload is single-threaded, so a read must equal the database's current value.
 */
class RedisFaultTest {

    private static final int ROWS = 10;
    private static RedisServer server;

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start(RedisServer.freePort()); // a free port: a leftover server on a fixed one broke this
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis", "tiered"})
    void killRestartFlushPauseAndOutOfMemory_neverFailAQuery_neverServeStale(String store) throws Exception {
        String db = "fault-" + UUID.randomUUID();
        Nodes.createItems(db, ROWS);
        server.cli("CONFIG", "SET", "maxmemory", "0");
        try (Connection cached = connect(db, node(store, server.url(), Nodes.prefix(),
                "cache.redis.circuit.failures", "3", "cache.redis.circuit.open-for", "200ms"));
                Connection truth = Nodes.plain(db)) {
            Workload w = new Workload(truth, ROWS, cached);
            w.run(200);
            assertTrue(Nodes.runtime(cached).stats().hits() > 50, "warm: " + Nodes.runtime(cached).stats().hits());

            // killed mid-workload: the circuit opens, queries go to the database
            server.kill();
            w.run(150);
            assertTrue(w.states.contains(CircuitState.OPEN), "circuit opened: " + w.states);
            assertTrue(Nodes.health(cached).dirty(), "writes while Redis was gone mark the store dirty");

            // restarted empty: caching resumes by itself in a new epoch
            long epochs = Nodes.health(cached).epochChanges();
            server.start();
            w.runUntilHits();
            RedisHealth health = Nodes.health(cached);
            assertEquals(CircuitState.CLOSED, health.circuit());
            assertTrue(health.epochChanges() > epochs, "new epoch after the restart: " + health);

            // flushed mid-workload
            server.cli("FLUSHALL");
            w.runUntilHits();

            // paused beyond the timeout (CLIENT PAUSE 500): writes skipped then advance the epoch
            server.cli("CLIENT", "PAUSE", "500", "ALL");
            w.run(150);
            Thread.sleep(100);
            w.runUntilHits();
            assertTrue(w.states.contains(CircuitState.HALF_OPEN) || w.states.contains(CircuitState.OPEN), w.states.toString());

            // out of memory with noeviction: reads of cached entries still work, fills are dropped,
            // writes cannot increment (their counters are deleted instead): still nothing stale
            server.cli("CONFIG", "SET", "maxmemory-policy", "noeviction");
            server.cli("DEBUG", "POPULATE", "20000", "junk", "100");
            server.cli("CONFIG", "SET", "maxmemory", "1mb");
            assertTrue(server.cli("SET", "probe", "x").startsWith("OOM"), "Redis is out of memory");
            w.run(300);
            server.cli("CONFIG", "SET", "maxmemory", "0");
            w.runUntilHits();

            assertEquals(0, w.stale, "stale reads");
            assertTrue(w.maxNanos < TimeUnit.MILLISECONDS.toNanos(1_000), "latency bounded: " + w.maxNanos / 1_000_000 + " ms");
            System.out.printf("fault workload (%s): stale=%d, max latency=%d ms, circuit states seen=%s, %s, %s%n", store, w.stale,
                    w.maxNanos / 1_000_000, w.states, Nodes.runtime(cached).stats().hits() + " hits", Nodes.health(cached));
        } catch (SQLException e) {
            throw new AssertionError("an application query failed", e);
        }
    }
}
