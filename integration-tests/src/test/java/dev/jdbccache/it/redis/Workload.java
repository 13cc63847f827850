package dev.jdbccache.it.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.redis.CircuitState;
import java.sql.Connection;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A single-threaded workload over the {@code items} table of {@link Nodes} while Redis
 * misbehaves: 5% writes, the rest reads, each through one of the caching connections (nodes) at
 * random, and each read compared with the database right after. Single-threaded, so a read must
 * equal the database's current value: any difference is a stale read. An {@code SQLException}
 * is thrown out: none may happen.
 */
final class Workload {

    private final Random random = new Random(42);
    private final List<Connection> nodes;
    private final Connection truth;
    private final int rows;
    /** Circuit states seen on any node after an operation. */
    final Set<CircuitState> states = EnumSet.noneOf(CircuitState.class);
    long stale;
    long maxNanos;
    long operations;

    Workload(Connection truth, int rows, Connection... nodes) {
        this.truth = truth;
        this.rows = rows;
        this.nodes = List.of(nodes);
    }

    void run(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            int id = 1 + random.nextInt(rows);
            Connection node = nodes.size() == 1 ? nodes.get(0) : nodes.get(random.nextInt(nodes.size()));
            long start = System.nanoTime();
            if (random.nextInt(20) == 0) { // each write invalidates the whole table
                Nodes.increment(node, id);
            } else {
                int value = Nodes.read(node, id);
                if (value != Nodes.read(truth, id)) {
                    stale++;
                }
            }
            maxNanos = Math.max(maxNanos, System.nanoTime() - start);
            operations++;
            states.add(Nodes.health(node).circuit());
        }
    }

    /** Runs until every node served 20 more hits (caching resumed by itself), at most a few seconds. */
    void runUntilHits() throws Exception {
        long[] before = hits();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!resumed(before) && System.nanoTime() < deadline) {
            run(20);
        }
        assertTrue(resumed(before), "caching resumed on every node: " + describe());
    }

    private boolean resumed(long[] before) throws Exception {
        long[] now = hits();
        for (int i = 0; i < now.length; i++) {
            if (now[i] < before[i] + 20) {
                return false;
            }
        }
        return true;
    }

    long[] hits() throws Exception {
        long[] hits = new long[nodes.size()];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = Nodes.runtime(nodes.get(i)).stats().hits();
        }
        return hits;
    }

    /** Hits and Redis health of each node, for messages. */
    String describe() throws Exception {
        StringBuilder text = new StringBuilder();
        for (Connection node : nodes) {
            text.append(Nodes.runtime(node).stats().hits()).append(" hits, ").append(Nodes.health(node)).append("; ");
        }
        return text.toString();
    }
}
