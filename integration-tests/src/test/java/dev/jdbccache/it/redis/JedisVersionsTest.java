package dev.jdbccache.it.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.it.support.ChildJvm;
import java.io.File;
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
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The driver with the Jedis that a framework picks rather than ours: Spring Boot 4.0 manages
 * Jedis 7, and the driver was built with 8 (Jedis 7 has no {@code RedisClient}, Jedis 8 no
 * {@code JedisPooled}). A child JVM runs with Jedis 7 (copied to {@code target/jedis7} by the
 * build) in place of 8, on a real Redis: the redis store serves hits. With a dependency of Jedis
 * missing (commons-pool2), every query still succeeds with the right answer, the failure is a
 * store failure (counted), and the log says what to do.
 */
class JedisVersionsTest {

    private static final String REDIS = System.getProperty("jdbccache.test.redis.url", "redis://127.0.0.1:6379");

    @Test
    void withJedis7OnTheClassPath_theRedisStoreHits() throws Exception {
        String output = runChild(false);
        assertTrue(output.contains("queries=2 right, hits=1 store_failures=0"), output);
    }

    @Test
    void withAClassOfJedisMissing_queriesSucceed_andTheFailureIsAStoreFailureThatSaysWhatToDo() throws Exception {
        String output = runChild(true);
        assertTrue(output.contains("queries=2 right"), output);
        assertTrue(output.matches("(?s).*store_failures=[1-9].*"), output);
        assertTrue(output.contains("a class the Redis store needs is missing or of another version"), output);
    }

    private static String runChild(boolean withoutCommonsPool) throws Exception {
        Path jedis7;
        try (Stream<Path> files = Files.list(Path.of("target", "jedis7"))) {
            jedis7 = files.filter(p -> p.getFileName().toString().startsWith("jedis-7.")).findFirst().orElseThrow();
        }
        String jedisFolder = File.separator + "redis" + File.separator + "clients" + File.separator + "jedis" + File.separator;
        String poolFolder = File.separator + "commons-pool2" + File.separator;
        List<String> classPath = new ArrayList<>(ChildJvm.testClassPath(
                entry -> !entry.contains(jedisFolder) && !(withoutCommonsPool && entry.contains(poolFolder))));
        classPath.add(jedis7.toAbsolutePath().toString());
        String prefix = Nodes.prefix();
        String output;
        try {
            output = ChildJvm.run(classPath, Program.class, REDIS, prefix);
        } finally {
            Nodes.deleteKeys(REDIS, prefix);
        }
        assertTrue(output.contains("jedis=" + jedis7.getFileName()), output);
        return output;
    }

    /** The child: a table on H2, read twice through the redis store. */
    public static final class Program {
        public static void main(String[] args) throws SQLException {
            String where = redis.clients.jedis.Jedis.class.getProtectionDomain().getCodeSource().getLocation().getPath();
            System.out.println("jedis=" + where.substring(where.lastIndexOf('/') + 1));
            Properties p = Nodes.node("redis", args[0], args[1]);
            String db = "jedis7-" + UUID.randomUUID();
            try (Connection c = DriverManager.getConnection("jdbc:cache:h2:mem:" + db + ";DB_CLOSE_DELAY=-1", p);
                    Statement s = c.createStatement()) {
                s.execute("create table items(id int primary key, v int)");
                s.execute("insert into items values (1, 10)");
                for (int i = 0; i < 2; i++) {
                    try (PreparedStatement ps = c.prepareStatement("select v from items where id = ?")) {
                        ps.setInt(1, 1);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            if (rs.getInt(1) != 10) {
                                throw new IllegalStateException("wrong value " + rs.getInt(1));
                            }
                        }
                    }
                }
                var stats = JdbcCache.of(c).stats();
                System.out.println("queries=2 right, hits=" + stats.hits() + " store_failures="
                        + stats.bypasses(dev.jdbccache.driver.cache.BypassReason.STORE_FAILURE));
            }
        }
    }
}
