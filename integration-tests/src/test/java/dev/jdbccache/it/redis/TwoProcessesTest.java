package dev.jdbccache.it.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two JVMs on one PostgreSQL and one Redis: a commit in the other process invalidates this
 * process's (local and Redis) entries before that commit() returns.
 */
class TwoProcessesTest {

    static final String PG_URL = System.getProperty("jdbccache.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String REDIS = "redis://127.0.0.1:6379";
    static final String TABLE = "jc_redis_two_jvms";
    /**
     * The test counts hits exactly, so one Redis call that outlasts the default 50 ms socket
     * timeout on a loaded machine (a store failure, correctly a database read) would fail it.
     */
    static final String[] STEADY = {"cache.redis.socket-timeout", "2s"};

    @ParameterizedTest
    @ValueSource(strings = {"redis", "tiered"})
    void aCommitInAnotherJvm_isSeenHereAsSoonAsItsCommitReturns(String store) throws Exception {
        try (Connection plain = DriverManager.getConnection(PG_URL); Statement s = plain.createStatement()) {
            s.execute("drop table if exists " + TABLE);
            s.execute("create table " + TABLE + "(id int primary key, v int not null)");
            s.execute("insert into " + TABLE + " values (1, 100)");
        }
        String prefix = Nodes.prefix();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), OtherNode.class.getName(), PG_URL, store, prefix))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter in = new PrintWriter(new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8), true);
                Connection here = DriverManager.getConnection("jdbc:cache:" + PG_URL.substring("jdbc:".length()),
                        Nodes.node(store, REDIS, prefix, STEADY))) {
            assertEquals("ready 100", expectLine(out, "ready"));
            assertEquals(100, read(here));
            assertEquals(100, read(here));
            assertEquals(2, Nodes.runtime(here).stats().hits(), "this process serves the other's entry");
            for (int round = 1; round <= 3; round++) {
                in.println("write");
                assertEquals("committed " + (100 + round), expectLine(out, "committed"));
                assertEquals(100 + round, read(here), "round " + round + ": read right after the other JVM's commit() returned");
                assertEquals(100 + round, read(here));
            }
            in.println("exit");
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
        } finally {
            child.destroyForcibly();
            Nodes.deleteKeys(REDIS, prefix);
        }
    }

    private static String expectLine(BufferedReader out, String prefix) throws Exception {
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the other JVM ended without '" + prefix + "':\n" + seen);
    }

    static int read(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select v from " + TABLE + " where id = ?")) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The other JVM: reads (filling Redis), then on each "write" commits an increment and says so. */
    public static final class OtherNode {
        public static void main(String[] args) throws Exception {
            Properties node = Nodes.node(args[1], REDIS, args[2], STEADY);
            try (Connection c = DriverManager.getConnection("jdbc:cache:" + args[0].substring("jdbc:".length()), node);
                    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                System.out.println("ready " + read(c));
                String command;
                while ((command = commands.readLine()) != null && command.equals("write")) {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("update " + TABLE + " set v = v + 1 where id = 1");
                    }
                    c.commit();
                    c.setAutoCommit(true);
                    System.out.println("committed " + read(c));
                }
            }
        }
    }
}
