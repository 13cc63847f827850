package dev.jdbccache.driver.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Micrometer is optional: an application without it uses the driver, its JMX bean and admin SQL. */
class WithoutMicrometerTest {

    @Test
    void theDriverWorksWhenMicrometerIsNotOnTheClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String lower = entry.toLowerCase();
            if (!lower.contains("micrometer") && !lower.contains("hdrhistogram") && !lower.contains("latencyutils")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("io.micrometer.core.instrument.MeterBinder", false, isolated));
            Class.forName("org.h2.Driver", true, isolated);
            Class<?> driverClass = Class.forName("dev.jdbccache.driver.CacheDriver", true, isolated);
            java.sql.Driver driver = (java.sql.Driver) driverClass.getMethod("registered").invoke(null);
            Properties p = new Properties();
            p.setProperty("cache.name", "no-micrometer-" + UUID.randomUUID());
            p.setProperty("cache.admin.enabled", "true");
            try (Connection c = driver.connect("jdbc:cache:h2:mem:no-micrometer-" + UUID.randomUUID(), p);
                 Statement s = c.createStatement()) {
                assertFalse(c.getClass().getClassLoader() == WithoutMicrometerTest.class.getClassLoader());
                s.executeQuery("select 1").close();
                s.executeQuery("select 1").close();
                try (ResultSet rs = s.executeQuery("/* cache:admin */ SELECT * FROM jdbc_cache.stats")) {
                    assertTrue(rs.next());
                    assertEquals("hits", rs.getString(1));
                    assertEquals("1", rs.getString(2));
                }
            }
        }
    }
}
