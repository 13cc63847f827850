package dev.jdbccache.driver.redis;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.UnifiedJedis;

/**
 * Which master a Sentinel client sends its commands to. After a failover the promoted replica may
 * lack the last increments the old master acknowledged (replication is asynchronous, and the old
 * master accepts writes until every client has switched), so entries stored before it could look
 * current: whoever notices a switch ends the epoch first. The client switches by replacing its
 * master pool, after it changed the master's address, so comparing pools before and after a call
 * tells whether the call may have reached another master. Sentinel clients exist only on Jedis 8
 * here ({@link Jedis7Clients}). Stateless.
 */
final class SentinelMaster {

    private SentinelMaster() {
    }

    /** The pool of master connections the client borrows from now; {@code null} when not a Sentinel client. */
    static Object pool(UnifiedJedis client) {
        return JedisGeneration.EIGHT ? Jedis8Clients.masterPool(client) : null;
    }

    /** The master's address as the client knows it; {@code null} when not a Sentinel client. */
    static HostAndPort address(UnifiedJedis client) {
        return JedisGeneration.EIGHT ? Jedis8Clients.masterAddress(client) : null;
    }
}
