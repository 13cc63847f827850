package dev.jdbccache.driver.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.DatabaseScope;
import dev.jdbccache.driver.metrics.micrometer.JdbcCacheMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With DEBUG logging on, no password (of the URL or of the properties) and no bound value shows
 * up in any log line, metric tag, JMX attribute, admin answer or exception message of ours.
 */
class NoSecretsInObservabilityTest {

    private static final String URL_PASSWORD = "UrlPw-4711";
    private static final String PROPERTY_PASSWORD = "PropPw-4712";
    private static final String BOUND = "Bound-Val-9931";
    /** A literal in SQL text: it is part of the fingerprint, but a warning never repeats a statement. */
    private static final String LITERAL = "Literal-5521";
    private static final List<String> SECRETS = List.of(URL_PASSWORD, PROPERTY_PASSWORD, BOUND);

    @TempDir
    Path dir;

    @Test
    void secretsAndBoundValuesNeverLeave() throws Exception {
        List<String> exposed = new ArrayList<>();
        String captured;
        try (LogCapture logs = new LogCapture(driverLoggers())) {
            String name = "secret-" + UUID.randomUUID();
            Path warmup = Files.writeString(dir.resolve("w.sql"),
                    "select name from no_such_table where name = '" + LITERAL + "'\n");
            Properties p = new Properties();
            p.setProperty("cache.name", name);
            p.setProperty("cache.warmup.file", warmup.toString());
            p.setProperty("cache.admin.enabled", "true");
            p.setProperty("cache.jmx", "true");
            p.setProperty("cache.admin.show-literals", "true"); // the worst case: secrets must still not show
            String db = "h2:mem:" + name + ";DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=" + URL_PASSWORD;
            try (Connection c = DriverManager.getConnection("jdbc:cache:" + db, p)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create table product(id int primary key, name varchar(50))");
                    s.execute("insert into product values (1, 'apple')");
                }
                JdbcCache cache = JdbcCache.of(c);
                awaitWarmup(cache);
                for (int i = 0; i < 3; i++) {
                    try (PreparedStatement ps = c.prepareStatement("select id from product where name = ?")) {
                        ps.setString(1, BOUND);
                        ps.executeQuery().close();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("select id from product where name = ? or 1 / (id - 1) = 0")) {
                    ps.setString(1, BOUND);
                    exposed.add(assertThrows(SQLException.class, ps::executeQuery).getMessage());
                }
                try (PreparedStatement ps = c.prepareStatement("insert into product values (2, ?)")) {
                    ps.setString(1, BOUND);
                    ps.executeUpdate();
                }
                try (Statement s = c.createStatement()) {
                    s.execute("/* cache:admin */ CALL jdbc_cache.invalidate('product')");
                    exposed.add(assertThrows(SQLException.class,
                            () -> s.execute("/* cache:admin */ CALL jdbc_cache.invalidate('" + BOUND + "', x)")).getMessage());
                    for (String table : List.of("stats", "config", "invalidations", "hot_queries", "expensive_queries")) {
                        try (ResultSet rs = s.executeQuery("/* cache:admin */ SELECT * FROM jdbc_cache." + table)) {
                            while (rs.next()) {
                                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                    exposed.add(table + ": " + rs.getString(i));
                                }
                            }
                        }
                    }
                }

                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                new JdbcCacheMetrics(cache).bindTo(registry);
                for (Meter meter : registry.getMeters()) {
                    for (Tag tag : meter.getId().getTags()) {
                        exposed.add("tag " + tag.getKey() + "=" + tag.getValue());
                    }
                }
                MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                ObjectName bean = cache.mbeanName().orElseThrow();
                for (MBeanAttributeInfo attribute : server.getMBeanInfo(bean).getAttributes()) {
                    Object value = server.getAttribute(bean, attribute.getName());
                    exposed.add("jmx " + attribute.getName() + "=" + (value instanceof String[] a ? Arrays.toString(a) : value));
                }
                cache.configuration().forEach((k, v) -> exposed.add("config " + k + "=" + v));
            }
            Properties withPassword = new Properties();
            withPassword.setProperty("user", "sa");
            withPassword.setProperty("password", PROPERTY_PASSWORD);
            withPassword.setProperty("cache.name", "secret-props-" + UUID.randomUUID());
            try (Connection c = DriverManager.getConnection("jdbc:cache:h2:mem:props-" + UUID.randomUUID(), withPassword);
                 Statement s = c.createStatement()) {
                s.executeQuery("select 1").close();
                s.executeQuery("select 1").close();
            }
            exposed.add(assertThrows(SQLException.class, () -> DriverManager.getConnection(
                    "jdbc:cache:nosuchdb://sa:" + URL_PASSWORD + "@host/db?password=" + PROPERTY_PASSWORD)).getMessage());
            captured = logs.text();
        }

        assertTrue(captured.contains("] miss in "), "DEBUG lines were captured:\n" + captured);
        assertTrue(captured.contains("] hit in "));
        assertTrue(captured.contains("select id from product where name = ?"), "decisions show the normalized SQL");
        assertTrue(captured.lines().anyMatch(l -> l.contains("warm-up statement 1 of 1 failed") && !l.contains(LITERAL)));
        assertTrue(exposed.stream().anyMatch(e -> e.startsWith("hot_queries: select id from product where name = ?")));
        for (String secret : SECRETS) {
            for (String line : captured.split("\\R")) {
                assertFalse(line.contains(secret), "log line exposes " + secret + ": " + line);
            }
            for (String text : exposed) {
                assertFalse(String.valueOf(text).contains(secret), "exposed " + secret + ": " + text);
            }
        }
    }

    private static void awaitWarmup(JdbcCache cache) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (cache.stats().warmupState().equals("running") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, cache.stats().warmupFailures());
    }

    /** Every class of the driver that has a logger, found in its compiled classes (not a list that can fall behind). */
    static Class<?>[] driverLoggers() throws Exception {
        Path root = Path.of(CacheRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, CacheRuntime.class.getClassLoader());
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && Logger.class.isAssignableFrom(field.getType())) {
                        found.add(type);
                        break;
                    }
                }
            }
        }
        assertTrue(found.size() >= 7, "the driver's loggers were found: " + found);
        assertTrue(found.containsAll(List.of(CacheRuntime.class, Warmup.class, DatabaseScope.class)), found.toString());
        return found.toArray(new Class<?>[0]);
    }

    /**
     * Captures what slf4j-simple (the test binding) writes to System.err, with DEBUG on for the
     * given classes' loggers while it is open.
     */
    static final class LogCapture implements AutoCloseable {
        private final PrintStream original = System.err;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final List<Logger> loggers = new ArrayList<>();
        private final List<Integer> levels = new ArrayList<>();

        LogCapture(Class<?>... classes) throws ReflectiveOperationException {
            for (Class<?> type : classes) {
                Logger logger = LoggerFactory.getLogger(type);
                Field level = level(logger);
                loggers.add(logger);
                levels.add(level.getInt(logger));
                level.setInt(logger, 10); // slf4j-simple's DEBUG
            }
            System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        }

        private static Field level(Logger logger) throws NoSuchFieldException {
            Class<?> type = logger.getClass();
            while (type != null) {
                try {
                    Field field = type.getDeclaredField("currentLogLevel");
                    field.setAccessible(true);
                    return field;
                } catch (NoSuchFieldException e) {
                    type = type.getSuperclass();
                }
            }
            throw new NoSuchFieldException("currentLogLevel: the test binding is not slf4j-simple");
        }

        String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws ReflectiveOperationException {
            System.setErr(original);
            for (int i = 0; i < loggers.size(); i++) {
                level(loggers.get(i)).setInt(loggers.get(i), levels.get(i));
            }
        }
    }
}
