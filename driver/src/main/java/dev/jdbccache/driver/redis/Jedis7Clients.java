package dev.jdbccache.driver.redis;

import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.UnifiedJedis;

/**
 * The clients of Jedis 7 (Spring Boot 4.0 manages it), which has {@code JedisPooled} and
 * {@code JedisCluster} where Jedis 8 has {@code RedisClient} and {@code RedisClusterClient}: made
 * by reflection, since the driver is compiled against Jedis 8. Sentinel is not offered on Jedis 7:
 * following a failover safely needs the master pool that only Jedis 8's client shows. Stateless.
 */
final class Jedis7Clients {

    private Jedis7Clients() {
    }

    static UnifiedJedis single(HostAndPort server, JedisClientConfig client, GenericObjectPoolConfig<Connection> pool) {
        return create("redis.clients.jedis.JedisPooled", new Class<?>[] {HostAndPort.class, JedisClientConfig.class,
                GenericObjectPoolConfig.class}, server, client, pool);
    }

    static UnifiedJedis cluster(Set<HostAndPort> nodes, JedisClientConfig client, GenericObjectPoolConfig<Connection> pool) {
        return create("redis.clients.jedis.JedisCluster", new Class<?>[] {Set.class, JedisClientConfig.class,
                GenericObjectPoolConfig.class}, nodes, client, pool);
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
