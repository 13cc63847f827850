package dev.jdbccache.driver.redis;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.UnifiedJedis;

/**
 * The single-server client of Jedis 6 and 7 (Spring Boot 3.5 and 4.0 manage them), which have
 * {@code JedisPooled} where Jedis 8 has {@code RedisClient}: made by reflection, since the driver
 * is compiled against Jedis 8 (the cluster client is one class for all: {@link WatchedCluster}). Sentinel is not offered on Jedis 7:
 * following a failover safely needs the master pool that only Jedis 8's client shows. Stateless.
 */
final class Jedis7Clients {

    private Jedis7Clients() {
    }

    static UnifiedJedis single(HostAndPort server, JedisClientConfig client, GenericObjectPoolConfig<Connection> pool) {
        return create("redis.clients.jedis.JedisPooled", new Class<?>[] {HostAndPort.class, JedisClientConfig.class,
                GenericObjectPoolConfig.class}, server, client, pool);
    }

    private static UnifiedJedis create(String className, Class<?>[] parameterTypes, Object... arguments) {
        try {
            Class<?> type = Class.forName(className, true, UnifiedJedis.class.getClassLoader());
            return (UnifiedJedis) type.getConstructor(parameterTypes).newInstance(arguments);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("cannot create a " + className + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Jedis has neither RedisClient (Jedis 8) nor " + className
                    + " (Jedis 7): " + e, e);
        }
    }
}
