package dev.jdbccache.it.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.cache.ConsumerLease;
import dev.jdbccache.driver.cache.EntryStore;
import dev.jdbccache.driver.config.ConfigLoader;
import dev.jdbccache.driver.redis.RedisStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lease that elects a cache's change-capture consumer in Redis: one holder at a time, each new
 * holder with a larger fencing token; a holder that stops renewing loses it after its TTL.
 */
class ConsumerLeaseTest {

    private static final String REDIS = System.getProperty("jdbccache.test.redis.url", "redis://127.0.0.1:6379");
    private final List<EntryStore> stores = new ArrayList<>();
    private final String prefix = Nodes.prefix();

    private ConsumerLease lease(Duration ttl) throws Exception {
        Properties p = Nodes.node("redis", REDIS, prefix);
        EntryStore store = RedisStores.redis(ConfigLoader.standard().load(p));
        stores.add(store);
        return store.consumerLease("slot_a", ttl);
    }

    @AfterEach
    void close() {
        stores.forEach(EntryStore::close);
        Nodes.deleteKeys(REDIS, prefix);
    }

    @Test
    void oneNodeHoldsIt_untilItGivesItUp_andTheNextHolderGetsALargerToken() throws Exception {
        ConsumerLease first = lease(Duration.ofSeconds(30));
        ConsumerLease second = lease(Duration.ofSeconds(30));
        long token = first.acquire();
        assertTrue(token > 0, "token " + token);
        assertEquals(ConsumerLease.HELD_ELSEWHERE, second.acquire());
        assertEquals(token, first.acquire(), "renewing keeps the token");
        first.close();
        long next = second.acquire();
        assertTrue(next > token, "the next holder's token " + next + " follows " + token);
        assertEquals(ConsumerLease.HELD_ELSEWHERE, first.acquire());
    }

    @Test
    void aHolderThatStopsRenewing_losesItAfterItsTtl() throws Exception {
        ConsumerLease first = lease(Duration.ofMillis(300));
        ConsumerLease second = lease(Duration.ofMillis(300));
        long token = first.acquire();
        assertEquals(ConsumerLease.HELD_ELSEWHERE, second.acquire());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long next;
        while ((next = second.acquire()) == ConsumerLease.HELD_ELSEWHERE) {
            assertTrue(System.nanoTime() < deadline, "the lease never expired");
            Thread.sleep(20);
        }
        assertTrue(next > token);
    }
}
