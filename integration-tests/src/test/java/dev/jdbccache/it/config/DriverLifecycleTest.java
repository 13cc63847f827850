package dev.jdbccache.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.CacheDataSource;
import dev.jdbccache.driver.CacheDriver;
import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.it.redis.Nodes;
import dev.jdbccache.it.support.ChildJvm;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    static void readTwice(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table items(id int primary key, v int)");
            s.execute("insert into items values (1, 10)");
        }
        for (int i = 0; i < 2; i++) {
            try (PreparedStatement ps = c.prepareStatement("select v from items where id = ?")) {
                ps.setInt(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
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
            try (Connection c = DriverManager.getConnection("jdbc:cache:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", p)) {
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
