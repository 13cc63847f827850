package dev.jdbccache.it.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.CacheDataSource;
import dev.jdbccache.driver.CacheDriver;
import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.it.support.ChildJvm;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Properties;
import java.util.UUID;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * What closing means on a real Redis: the cache's Redis connections ({@code CLIENT LIST}, by the
 * client name each cache sets) and its MBean go when the driver is deregistered (as an
 * application server does on undeploy; in a JVM of its own, so the other tests keep the driver)
 * and when a {@link CacheDataSource} closes.
 */
class DriverLifecycleTest {

    private static final String REDIS = System.getProperty("jdbccache.test.redis.url", "redis://127.0.0.1:6379");

    @Test
    void deregisteringTheDriver_closesTheCachesItsConnectionsOpened() {
        String prefix = Nodes.prefix();
        try {
            String output = ChildJvm.run(ChildJvm.testClassPath(entry -> true), Program.class, REDIS, prefix);
            assertTrue(output.contains("open: hits=1 redis_clients>0=true mbean=true"), output);
            assertTrue(output.contains("deregistered: cache=absent redis_clients=0 mbean=false"), output);
        } finally {
            Nodes.deleteKeys(REDIS, prefix);
        }
    }

    @Test
    void closingADataSource_closesItsRedisConnections() throws SQLException {
        String prefix = Nodes.prefix();
        String name = "ds-lifecycle-" + UUID.randomUUID();
        CacheDataSource ds = new CacheDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        ds.setProperties(Nodes.node("redis", REDIS, prefix, "cache.name", name));
        Nodes.createItems(name, 1);
        try {
            try (Connection c = ds.getConnection()) {
                readTwice(c);
                assertTrue(redisClients(REDIS, name) > 0);
            }
            ds.close();
            assertEquals(0, redisClients(REDIS, name));
            assertTrue(JdbcCache.named(name).isEmpty());
        } finally {
            ds.close();
            Nodes.deleteKeys(REDIS, prefix);
        }
    }

    /** One row of the {@link Nodes} items read twice through {@code c}: a miss, then a hit. */
    static void readTwice(Connection c) throws SQLException {
        Nodes.read(c, 1);
        Nodes.read(c, 1);
    }

    /** Connections of {@code cacheName}'s stores in {@code CLIENT LIST} (the name is {@code jdbc-cache:<cache name>}). */
    static long redisClients(String redisUrl, String cacheName) {
        try (redis.clients.jedis.Jedis jedis = new redis.clients.jedis.Jedis(java.net.URI.create(redisUrl))) {
            return jedis.clientList().lines().filter(line -> line.contains(" name=jdbc-cache:" + cacheName + " ")).count();
        }
    }

    /** The child: a URL connection on the redis store, then the driver deregistered. */
    public static final class Program {
        public static void main(String[] args) throws Exception {
            String name = "deregistered-" + UUID.randomUUID();
            Properties p = Nodes.node("redis", args[0], args[1], "cache.name", name, "cache.jmx", "true");
            ObjectName bean = new ObjectName("dev.jdbccache:type=Cache,name=" + ObjectName.quote(name));
            Nodes.createItems(name, 1);
            try (Connection c = Nodes.connect(name, p)) {
                readTwice(c);
                System.out.println("open: hits=" + JdbcCache.of(c).stats().hits()
                        + " redis_clients>0=" + (redisClients(args[0], name) > 0)
                        + " mbean=" + ManagementFactory.getPlatformMBeanServer().isRegistered(bean));
            }
            for (Driver d : Collections.list(DriverManager.getDrivers())) {
                if (d instanceof CacheDriver) {
                    DriverManager.deregisterDriver(d);
                }
            }
            System.out.println("deregistered: cache=" + (JdbcCache.named(name).isPresent() ? "present" : "absent")
                    + " redis_clients=" + redisClients(args[0], name)
                    + " mbean=" + ManagementFactory.getPlatformMBeanServer().isRegistered(bean));
        }
    }
}
