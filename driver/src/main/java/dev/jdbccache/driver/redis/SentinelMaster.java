package dev.jdbccache.driver.redis;

import java.util.Iterator;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Which master a Sentinel client sends its commands to. After a failover the promoted replica may
 * lack the last increments the old master acknowledged (replication is asynchronous, and the old
 * master accepts writes until every client has switched), so entries stored before it could look
 * current: whoever notices a switch ends the epoch first. The client switches by replacing its
 * master pool, after it changed the master's address, so comparing pools before and after a call
 * tells whether the call may have reached another master. Stateless.
 */
final class SentinelMaster {

    private SentinelMaster() {
    }

    /** The pool of master connections the client borrows from now; {@code null} when not a Sentinel client. */
    static Object pool(UnifiedJedis client) {
        if (client instanceof RedisSentinelClient sentinel) {
            Iterator<?> pools = sentinel.getPrimaryNodesConnectionMap().values().iterator();
            return pools.hasNext() ? pools.next() : null;
        }
        return null;
    }

    /** The master's address as the client knows it; {@code null} when not a Sentinel client. */
    static HostAndPort address(UnifiedJedis client) {
        return client instanceof RedisSentinelClient sentinel ? sentinel.getCurrentMaster() : null;
    }
}
