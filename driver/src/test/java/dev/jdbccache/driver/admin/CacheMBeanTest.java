package dev.jdbccache.driver.admin;

import static dev.jdbccache.driver.admin.CacheFixture.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.config.ConfigLoader;
import dev.jdbccache.driver.metrics.CacheMBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The JMX bean of a cache, through the platform MBean server. */
class CacheMBeanTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void statsAndOperationsAreReachableThroughThePlatformMBeanServer() throws Exception {
        try (CacheFixture f = new CacheFixture("cache.jmx", "true")) {
            ObjectName name = new ObjectName("dev.jdbccache:type=Cache,name=" + ObjectName.quote(f.runtime.config().name()));
            assertEquals(name, f.runtime.mbeanName());
            assertTrue(server.isRegistered(name));

            Connection c = f.open();
            rows(c, "select * from product");
            rows(c, "select * from product");
            assertEquals(1L, server.getAttribute(name, "hits"));
            assertEquals(1L, server.getAttribute(name, "misses"));
            assertEquals(0.5, server.getAttribute(name, "hit_ratio"));
            assertEquals("ok", server.getAttribute(name, "store_state"));
            assertEquals(1L, server.getAttribute(name, "entries.local"));
            String[] hottest = (String[]) server.getAttribute(name, "hottest_queries");
            assertEquals(1, hottest.length);
            assertTrue(hottest[0].endsWith("select * from product"), hottest[0]);
            assertTrue(Arrays.stream(server.getMBeanInfo(name).getAttributes()).map(MBeanAttributeInfo::getName)
                    .anyMatch("bypasses.not_cacheable"::equals));

            server.invoke(name, "invalidateTable", new Object[] {"product"}, new String[] {String.class.getName()});
            rows(c, "select * from product");
            assertEquals(2L, server.getAttribute(name, "misses"), "the table was invalidated");
            assertArrayEquals(new String[] {"product=1"}, (String[]) server.getAttribute(name, "invalidations_by_table"));

            server.invoke(name, "invalidateAll", new Object[0], new String[0]);
            assertEquals(0L, server.getAttribute(name, "entries.local"));

            server.invoke(name, "resetStats", new Object[0], new String[0]);
            assertEquals(0L, server.getAttribute(name, "hits"));
            assertEquals(0L, server.getAttribute(name, "misses"));

            f.runtime.close();
            assertFalse(server.isRegistered(name), "closing the cache unregisters its bean");
        }
    }

    @Test
    void aSecondCacheOfTheSameNameGetsAnInstanceNumber() throws Exception {
        Properties p = new Properties();
        p.setProperty("cache.name", "twice \"quoted\", name=x");
        p.setProperty("cache.jmx", "true");
        try (CacheRuntime first = new CacheRuntime(ConfigLoader.standard().load(p));
             CacheRuntime second = new CacheRuntime(ConfigLoader.standard().load(p))) {
            assertEquals(CacheMBean.objectName("twice \"quoted\", name=x"), first.mbeanName());
            assertNotEquals(first.mbeanName(), second.mbeanName());
            assertEquals("2", second.mbeanName().getKeyProperty("instance"));
            assertTrue(server.isRegistered(second.mbeanName()));
        }
    }

    @Test
    void theMBeanIsOptIn_asHikariCPsRegisterMbeans() throws Exception {
        String url = "jdbc:cache:h2:mem:jmx-" + UUID.randomUUID();
        for (String jmx : new String[] {null, "false", "true"}) {
            Properties p = new Properties();
            p.setProperty("cache.name", "jmx-" + jmx + "-" + UUID.randomUUID());
            if (jmx != null) {
                p.setProperty("cache.jmx", jmx);
            }
            try (Connection c = DriverManager.getConnection(url, p)) {
                ObjectName name = CacheMBean.objectName(p.getProperty("cache.name"));
                boolean wanted = "true".equals(jmx);
                assertEquals(wanted, server.isRegistered(name), "cache.jmx=" + jmx);
                assertEquals(wanted, JdbcCache.of(c).mbeanName().isPresent(), "cache.jmx=" + jmx);
            }
        }
    }
}
