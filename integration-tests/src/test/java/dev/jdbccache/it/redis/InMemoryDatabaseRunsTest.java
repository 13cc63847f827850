package dev.jdbccache.it.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two runs of one program against {@code jdbc:cache:h2:mem:x} and one Redis (issue 15, item 10):
 * each run's in-memory database is another database, and the second run is never answered with
 * the first run's entries.
 */
class InMemoryDatabaseRunsTest {

    static final String REDIS = System.getProperty("jdbccache.test.redis.url", "redis://127.0.0.1:6379");
    private final String prefix = Nodes.prefix();

    @AfterEach
    void deleteKeys() {
        Nodes.deleteKeys(REDIS, prefix);
    }

    @ParameterizedTest(name = "cache.store={0}")
    @ValueSource(strings = {"redis", "tiered"})
    void theSecondRunsFreshDatabase_isNotAnsweredWithTheFirstRunsResults(String store) throws Exception {
        assertEquals("read 1 1", run(store, 1));
        assertEquals("read 2 2", run(store, 2));
    }

    /** Runs {@link Program} in a new JVM; returns its last line. */
    private String run(String store, int value) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), Program.class.getName(), REDIS, store, prefix,
                Integer.toString(value))).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        assertEquals(0, child.exitValue(), output);
        List<String> lines = output.lines().toList();
        return lines.get(lines.size() - 1);
    }

    /** The program: fills its in-memory database through the plain URL, then reads twice through the cache. */
    public static final class Program {
        public static void main(String[] args) throws SQLException {
            String url = "h2:mem:runs;DB_CLOSE_DELAY=-1";
            try (Connection plain = DriverManager.getConnection("jdbc:" + url); Statement s = plain.createStatement()) {
                s.execute("create table t(id int primary key, v int not null)");
                s.execute("insert into t values (1, " + args[3] + ")");
            }
            Properties p = new Properties();
            p.setProperty("cache.name", "in-memory-runs");
            p.setProperty("cache.store", args[1]);
            p.setProperty("cache.redis.url", args[0]);
            p.setProperty("cache.redis.prefix", args[2]);
            try (Connection c = DriverManager.getConnection("jdbc:cache:" + url, p)) {
                System.out.println("read " + value(c) + " " + value(c));
            }
        }

        private static int value(Connection c) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v from t where id = 1")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
