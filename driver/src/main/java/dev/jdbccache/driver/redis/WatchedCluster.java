package dev.jdbccache.driver.redis;

import java.time.Duration;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.providers.ClusterConnectionProvider;

/**
 * A Redis Cluster client that tells which node serves a slot now, as its slot cache knows it.
 * Every key of a cache shares one hash tag, so one slot, so one primary: after a failover the
 * promoted replica may lack increments the old primary acknowledged (replication is
 * asynchronous), and the client moves there by itself (it follows {@code MOVED} and renews its
 * slot cache), so the gateway compares the primary before and after each call, as it does for
 * Sentinel. The same constructor exists in Jedis 6, 7 and 8, so this serves every Jedis a
 * framework may pick.
 */
@SuppressWarnings("deprecation") // Jedis 8 prefers RedisClusterClient, which does not show its slot cache
final class WatchedCluster extends JedisCluster {

    WatchedCluster(Set<HostAndPort> nodes, JedisClientConfig client, GenericObjectPoolConfig<Connection> pool,
            int maxAttempts, Duration maxTotalRetries) {
        super(new ClusterConnectionProvider(nodes, client, pool), maxAttempts, maxTotalRetries);
    }

    /** The primary that serves {@code slot} now, as this client's slot cache has it. */
    HostAndPort primaryOf(int slot) {
        return ((ClusterConnectionProvider) provider).getNode(slot);
    }
}
