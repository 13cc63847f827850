package dev.jdbccache.driver.redis;

import java.util.Iterator;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The clients of Jedis 8, the version the driver is built with. Only this class names them, and
 * it is loaded only when they exist ({@link JedisGeneration}): under a framework's Jedis 7 the
 * rest of the driver still links. Stateless.
 */
final class Jedis8Clients {

    private Jedis8Clients() {
    }

    static UnifiedJedis single(HostAndPort server, JedisClientConfig client, GenericObjectPoolConfig<Connection> pool) {
        return RedisClient.builder().hostAndPort(server).clientConfig(client).poolConfig(pool).build();
    }

    static UnifiedJedis sentinel(String master, Set<HostAndPort> sentinels, JedisClientConfig sentinelClient,
            JedisClientConfig client, GenericObjectPoolConfig<Connection> pool) {
        return RedisSentinelClient.builder().masterName(master).sentinels(sentinels).sentinelClientConfig(sentinelClient)
                .clientConfig(client).poolConfig(pool).build();
    }

    /** See {@link SentinelMaster#pool}. */
    static Object masterPool(UnifiedJedis client) {
        if (client instanceof RedisSentinelClient sentinel) {
            Iterator<?> pools = sentinel.getPrimaryNodesConnectionMap().values().iterator();
            return pools.hasNext() ? pools.next() : null;
        }
        return null;
    }

    /** See {@link SentinelMaster#address}. */
    static HostAndPort masterAddress(UnifiedJedis client) {
        return client instanceof RedisSentinelClient sentinel ? sentinel.getCurrentMaster() : null;
    }
}
