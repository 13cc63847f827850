package dev.jdbccache.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.it.redis.Nodes;
import dev.jdbccache.it.support.ChildJvm;
import java.io.IOException;
import java.net.URLEncoder;
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
import java.util.List;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jdbc-cache-driver-<version>-all.jar} (copied to {@code target/single-jar} by the build)
 * as a SQL console or benchmark client takes it: that one file and pgjdbc on the class path, the
 * whole configuration in the URL, the redis store on a real Redis and PostgreSQL. Every library
 * in it is relocated, so an application's own Jedis of another version sits beside it.
 */
class SingleJarTest {

    private static final String PG = System.getProperty("jdbccache.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final String REDIS = System.getProperty("jdbccache.test.redis.url", "redis://127.0.0.1:6379");

    @TempDir
    Path programFolder;

    @Test
    void holdsOnlyOurClasses_theDriverService_andALoggingProviderOfItsOwn() throws IOException {
        List<String> foreign = new ArrayList<>();
        try (JarFile jar = new JarFile(singleJar().toFile())) {
            jar.stream().filter(e -> !e.isDirectory()).map(e -> e.getName())
                    .filter(name -> name.endsWith(".class") && !name.startsWith("dev/jdbccache/")
                            && !name.startsWith("META-INF/versions/"))
                    .forEach(foreign::add);
            assertEquals("dev.jdbccache.driver.CacheDriver",
                    new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver")).readAllBytes(),
                            StandardCharsets.UTF_8).strip());
            assertTrue(jar.getEntry("META-INF/services/dev.jdbccache.shaded.slf4j.spi.SLF4JServiceProvider") != null);
            assertTrue(jar.getEntry("dev/jdbccache/shaded/redis/clients/jedis/RedisClient.class") != null);
        }
        assertEquals(List.of(), foreign, "classes outside dev.jdbccache");
    }

    @Test
    void aloneWithPgjdbc_configuredByTheUrl_theRedisStoreHits() {
        String output = runProgram(List.of());
        assertTrue(output.contains("answers=right,right hits=1 store_failures=0"), output);
        assertTrue(output.contains("unrelocated jedis=absent"), output);
        assertFalse(output.contains("SLF4J"), "no complaint about a missing logging provider: " + output);
    }

    @Test
    void besideAnApplicationsOwnJedisOfAnotherVersion_bothWork() throws IOException {
        Path jedis7;
        try (Stream<Path> files = Files.list(Path.of("target", "jedis7"))) {
            jedis7 = files.filter(p -> p.getFileName().toString().startsWith("jedis-7.")).findFirst().orElseThrow();
        }
        String pool = ChildJvm.artifactOnTestClassPath("org.apache.commons.commons-pool2");
        String output = runProgram(List.of(jedis7.toAbsolutePath().toString(), pool));
        assertTrue(output.contains("answers=right,right hits=1 store_failures=0"), output);
        assertTrue(output.contains("unrelocated jedis=" + jedis7.getFileName()), output);
    }

    private String runProgram(List<String> applicationJars) {
        List<String> classPath = new ArrayList<>();
        classPath.add(ChildJvm.classFileOnly(Program.class, programFolder).toString());
        classPath.add(singleJar().toString());
        classPath.add(ChildJvm.artifactOnTestClassPath("org.postgresql"));
        classPath.addAll(applicationJars);
        String prefix = Nodes.prefix();
        String url = "jdbc:cache:" + PG.substring("jdbc:".length()) + (PG.contains("?") ? "&" : "?")
                + "cache.store=redis&cache.redis.url=" + URLEncoder.encode(REDIS, StandardCharsets.UTF_8)
                + "&cache.redis.prefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8)
                + "&cache.admin.enabled=true&cache.name=single-jar-" + UUID.randomUUID();
        try {
            return ChildJvm.run(classPath, Program.class, url, "single_jar_" + UUID.randomUUID().toString().replace('-', '_'));
        } finally {
            Nodes.deleteKeys(REDIS, prefix);
        }
    }

    private static Path singleJar() {
        try (Stream<Path> files = Files.list(Path.of("target", "single-jar"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-all.jar")).findFirst().orElseThrow().toAbsolutePath();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The child: java.sql only, as a tool that knows nothing of jdbc-cache. It reads one row twice
     * and asks the cache for its numbers through admin SQL.
     */
    public static final class Program {
        public static void main(String[] args) throws SQLException {
            System.out.println("unrelocated jedis=" + unrelocatedJedis());
            String url = args[0];
            String table = args[1];
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("create table " + table + "(id int primary key, v int)");
                try {
                    s.execute("insert into " + table + " values (1, 10)");
                    List<String> answers = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        try (PreparedStatement ps = c.prepareStatement("select v from " + table + " where id = ?")) {
                            ps.setInt(1, 1);
                            try (ResultSet rs = ps.executeQuery()) {
                                answers.add(rs.next() && rs.getInt(1) == 10 ? "right" : "wrong");
                            }
                        }
                    }
                    String hits = "?";
                    String storeFailures = "?";
                    try (ResultSet rs = s.executeQuery("/* cache:admin */ SELECT * FROM jdbc_cache.stats")) {
                        while (rs.next()) {
                            if (rs.getString(1).equals("hits")) {
                                hits = rs.getString(2);
                            } else if (rs.getString(1).equals("bypasses.store_failure")) {
                                storeFailures = rs.getString(2);
                            }
                        }
                    }
                    System.out.println("answers=" + String.join(",", answers) + " hits=" + hits + " store_failures=" + storeFailures);
                } finally {
                    s.execute("drop table " + table);
                }
            }
        }

        private static String unrelocatedJedis() {
            try {
                String where = Class.forName("redis.clients.jedis.Jedis").getProtectionDomain().getCodeSource().getLocation().getPath();
                return where.substring(where.lastIndexOf('/') + 1);
            } catch (ClassNotFoundException e) {
                return "absent";
            }
        }
    }
}
