package dev.jdbccache.it.redis;

import static dev.jdbccache.it.redis.Nodes.connect;
import static dev.jdbccache.it.redis.Nodes.increment;
import static dev.jdbccache.it.redis.Nodes.node;
import static dev.jdbccache.it.redis.Nodes.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.cache.BypassReason;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

/** The shared tier against the Redis on 127.0.0.1:6379: hits, invalidation across nodes, hygiene. */
class RedisStoreTest {

    private static final String REDIS = System.getProperty("jdbccache.test.redis.url", "redis://127.0.0.1:6379");

    private String db;
    private String prefix;

    @BeforeEach
    void database() throws Exception {
        db = "redis-" + UUID.randomUUID();
        prefix = Nodes.prefix();
        Nodes.createItems(db, 5);
    }

    @AfterEach
    void deleteKeys() {
        Nodes.deleteKeys(REDIS, prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis", "tiered"})
    void aHitFromRedis_doesNotTouchTheDatabase(String store) throws Exception {
        try (Connection truth = Nodes.plain(db); Connection a = connect(db, node(store, REDIS, prefix));
                Connection b = connect(db, node(store, REDIS, prefix))) {
            try (Statement s = truth.createStatement()) {
                s.execute("set query_statistics true");
            }
            assertEquals(10, read(a, 1)); // a miss: fills Redis
            long executions = Nodes.executions(truth);
            assertEquals(1, executions);
            for (int i = 0; i < 20; i++) {
                assertEquals(10, read(b, 1));
            }
            assertEquals(executions, Nodes.executions(truth), "node b never reached the database");
            assertEquals(20, Nodes.runtime(b).stats().hits());
            assertEquals(0, Nodes.runtime(b).stats().misses());
            if (store.equals("redis")) {
                assertEquals(List.of("mget"), lastCommands(Nodes.runtime(b).config().name()),
                        "a hit is one MGET, no script");
            }
        }
    }

    /** The last command of each connection that a cache holds open (its name is in the client name). */
    private static List<String> lastCommands(String cacheName) {
        try (Jedis jedis = new Jedis(java.net.URI.create(REDIS))) {
            return jedis.clientList().lines()
                    .filter(line -> line.contains(" name=jdbc-cache:" + cacheName + " "))
                    .map(line -> line.replaceAll(".* cmd=(\\S+).*", "$1"))
                    .toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis", "tiered"})
    void aWriteThroughOneNode_isSeenByTheOther_whenCommitReturns(String store) throws Exception {
        try (Connection a = connect(db, node(store, REDIS, prefix)); Connection b = connect(db, node(store, REDIS, prefix))) {
            assertEquals(10, read(a, 1));
            assertEquals(10, read(b, 1));
            assertEquals(10, read(b, 1));
            assertEquals(2, Nodes.runtime(b).stats().hits(), "b serves the entry (from its local tier when tiered)");

            increment(a, 1); // autocommit: returns after the post-commit increment
            assertEquals(11, read(b, 1), "no sleeping: invalidated before the write returned");

            assertEquals(11, read(b, 1));
            assertEquals(11, read(a, 1));
            a.setAutoCommit(false);
            increment(a, 1);
            assertEquals(11, read(b, 1), "uncommitted: b still reads the committed value");
            a.commit();
            assertEquals(12, read(b, 1), "seen as soon as commit() returned");
            assertEquals(12, read(b, 1));
            a.setAutoCommit(true);
        }
    }

    @Test
    void corruptForeignOrUnsignedEntries_areMisses_neverErrors() throws Exception {
        try (Connection a = connect(db, node("redis", REDIS, prefix)); RedisClient jedis = RedisClient.create(REDIS)) {
            assertEquals(20, read(a, 2));
            Set<String> entries = jedis.keys("{" + prefix + "}*:e:*");
            assertEquals(1, entries.size(), entries.toString());
            String entry = entries.iterator().next();

            String stored = jedis.get(entry);
            jedis.set(entry, stored.substring(0, stored.indexOf('\n') + 1) + "garbage"); // versions match, payload is junk
            assertEquals(20, read(a, 2));
            assertTrue(Nodes.health(a).rejectedEntries() >= 1);

            jedis.del(entry);
            jedis.hset(entry, "d", "a hash where a string belongs");
            assertEquals(20, read(a, 2), "wrong type: a miss, and the fill replaces it");
            assertEquals(20, read(a, 2));
            assertEquals("string", jedis.type(entry));

            for (String version : jedis.keys("{" + prefix + "}*:v:*")) {
                jedis.set(version, "not a number");
            }
            assertEquals(20, read(a, 2), "a garbage counter restarts at random: a miss");
            assertEquals(20, read(a, 2));
            long hits = Nodes.runtime(a).stats().hits();
            assertEquals(20, read(a, 2));
            assertEquals(hits + 1, Nodes.runtime(a).stats().hits(), "caching resumed by itself");
        }
        try (Connection signed = connect(db, node("redis", REDIS, prefix, "cache.redis.hmac-key", "k3y"))) {
            assertEquals(20, read(signed, 2), "an unsigned entry is a miss for a node that signs");
            assertEquals(0, Nodes.runtime(signed).stats().hits());
            assertEquals(20, read(signed, 2));
            assertEquals(1, Nodes.runtime(signed).stats().hits(), "its own signed entry is a hit");
        }
    }

    /**
     * Readers see a lease through its marker (a plain key, read with the entry in one MGET): it
     * exists while the writer's transaction is open and goes with the commit. One left behind by a
     * writer that never ended its lease is removed once the lease has expired.
     */
    @ParameterizedTest
    @ValueSource(strings = {"redis", "tiered"})
    void aLiveLease_sendsOtherNodesReadsToTheDatabase_untilCommitOrExpiry(String store) throws Exception {
        Properties writer = node("redis", REDIS, prefix, "cache.write-lease", "400ms");
        try (Connection a = connect(db, writer); Connection b = connect(db, node(store, REDIS, prefix));
                RedisClient jedis = RedisClient.create(REDIS)) {
            assertEquals(10, read(b, 1));
            assertEquals(10, read(b, 1));
            assertEquals(1, Nodes.runtime(b).stats().hits());

            a.setAutoCommit(false);
            increment(a, 1);
            // one marker per tag of the write: its table and the bucket of the key it pins
            Set<String> leased = markers(jedis);
            assertEquals(2, leased.size(), leased.toString());
            assertTrue(leased.stream().anyMatch(m -> m.endsWith(":m:ITEMS")), leased.toString());
            for (String marker : leased) {
                assertEquals(-1, jedis.pttl(marker), "no TTL: never evicted as a volatile key");
            }
            assertEquals(10, read(b, 1));
            assertEquals(1, Nodes.runtime(b).stats().hits(), "no hit while the lease is live");
            assertTrue(Nodes.runtime(b).stats().bypasses(BypassReason.LEASE_IN_FLIGHT) >= 1);
            a.commit();
            assertEquals(Set.of(), markers(jedis), "released with the commit");
            assertEquals(11, read(b, 1));
            assertEquals(11, read(b, 1));
            assertEquals(2, Nodes.runtime(b).stats().hits());

            increment(a, 1); // a writer that never ends its lease (a node that died)
            assertEquals(11, read(b, 1));
            Thread.sleep(450);
            assertEquals(2, markers(jedis).size(), "still there after the lease expired");
            long hits = Nodes.runtime(b).stats().hits();
            assertEquals(11, read(b, 1));
            assertEquals(11, read(b, 1));
            assertEquals(hits + 1, Nodes.runtime(b).stats().hits(), "caching resumed after the lease expired");
            // the reader removed the expired marker of the tag it depends on (the key's bucket); the
            // table tag's marker goes with the next read that depends on the whole table
            assertTrue(markers(jedis).stream().noneMatch(m -> m.contains("#ID#")), "the stale marker was removed: "
                    + markers(jedis));
            a.commit();
            assertEquals(12, read(b, 1), "the late commit still invalidates");
        }
    }

    private Set<String> markers(RedisClient jedis) {
        return jedis.keys("{" + prefix + "}*:m:*");
    }

    @Test
    void relaxedTiered_servesLocally_andFollowsOtherNodesWritesWithinTheLag() throws Exception {
        Properties relaxed = node("tiered", REDIS, prefix, "cache.tiered.consistency", "relaxed", "cache.tiered.max-lag", "100ms");
        try (Connection a = connect(db, node("redis", REDIS, prefix)); Connection b = connect(db, relaxed)) {
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (!Nodes.health(b).mirrorLive() && System.nanoTime() < deadline) {
                read(b, 3); // the first call creates the epoch; the mirror syncs to it
                Thread.sleep(20);
            }
            assertTrue(Nodes.health(b).mirrorLive(), "the mirror subscribed and confirmed");
            assertEquals(30, read(b, 3));
            assertEquals(30, read(b, 3));
            assertTrue(Nodes.runtime(b).localEntries() >= 1);

            increment(a, 3);
            int seen = read(b, 3);
            long until = System.nanoTime() + 1_000_000_000L;
            while (seen != 31 && System.nanoTime() < until) {
                Thread.sleep(5);
                seen = read(b, 3);
            }
            assertEquals(31, seen, "the writer's message reached b's mirror");
        }
    }

    /** Keys of {@code prefix}'s epochs other than the current one, and of the current one. */
    private Map<Boolean, Long> keysByEpoch() {
        try (Jedis jedis = new Jedis(java.net.URI.create(REDIS))) {
            String tag = "{" + prefix + "}";
            String epoch = jedis.get(tag + "epoch");
            return jedis.keys(tag + "*").stream()
                    .filter(k -> !k.equals(tag + "epoch") && !k.equals(tag + "seq") && !k.equals(tag + "server")
                            && !k.equals(tag + "footprints"))
                    .collect(Collectors.partitioningBy(k -> epoch != null && k.startsWith(tag + epoch + ":"),
                            Collectors.counting()));
        }
    }

    @Test
    void anEndedEpochsCountersAndLeases_areSwept() throws Exception {
        try (Connection a = connect(db, node("redis", REDIS, prefix))) {
            assertEquals(40, read(a, 4));
            assertEquals(40, read(a, 4));
            try (Statement s = a.createStatement()) {
                s.executeUpdate("update items set v = 41 where id = 4");
            }
            assertTrue(keysByEpoch().get(true) > 0, "the epoch has counters and lease sets: " + keysByEpoch());
            dev.jdbccache.driver.JdbcCache.of(a).invalidateAll();
            assertEquals(41, read(a, 4)); // a new epoch, with its own keys
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (keysByEpoch().get(false) > 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertEquals(0, keysByEpoch().get(false), "nothing of the ended epoch is left: " + keysByEpoch());
        }
    }

    @Test
    void invalidateAll_endsTheEpoch_forEveryNode() throws Exception {
        try (Connection a = connect(db, node("tiered", REDIS, prefix)); Connection b = connect(db, node("redis", REDIS, prefix))) {
            assertEquals(40, read(a, 4));
            assertEquals(40, read(b, 4));
            long epochs = Nodes.health(b).epochChanges();
            dev.jdbccache.driver.JdbcCache.of(a).invalidateAll();
            assertEquals(40, read(b, 4));
            assertTrue(Nodes.health(b).epochChanges() > epochs, "b adopted the new epoch");
        }
    }
}
