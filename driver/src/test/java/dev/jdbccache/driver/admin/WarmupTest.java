package dev.jdbccache.driver.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.driver.cache.CacheStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cache.warmup.file: statements run in the background at the first connect of a cache. */
class WarmupTest {

    @TempDir
    Path dir;

    private static void awaitEnd(CacheStats stats) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (stats.warmupState().equals("running") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private Properties properties(Path file, String timeout) {
        Properties p = new Properties();
        p.setProperty("cache.name", "warm-" + UUID.randomUUID());
        p.setProperty("cache.warmup.file", file.toString());
        p.setProperty("cache.warmup.timeout", timeout);
        return p;
    }

    @Test
    void theWarmupFillsTheCacheAndCountsFailures() throws Exception {
        String db = "jdbc:h2:mem:warm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection plain = DriverManager.getConnection(db); Statement s = plain.createStatement()) {
            s.execute("create table item(id int primary key, name varchar(20))");
            s.execute("insert into item values (1, 'one'), (2, 'two')");
        }
        Path file = Files.writeString(dir.resolve("warmup.sql"), """
                -- the application's hottest reads
                select name from item where id = 1;
                select count(*)
                  from item;
                select * from no_such_table;
                """);
        try (Connection c = DriverManager.getConnection("jdbc:cache:" + db.substring("jdbc:".length()), properties(file, "30s"))) {
            CacheStats stats = JdbcCache.of(c).stats();
            awaitEnd(stats);
            assertEquals("done", stats.warmupState());
            assertEquals(2, stats.warmupStatements());
            assertEquals(1, stats.warmupFailures());
            assertEquals(2, stats.stores(), "the warm-up's results were stored");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from item")) {
                rs.next();
                assertEquals(2, rs.getLong(1));
            }
            assertEquals(1, stats.hits(), "the application's first read is a hit");
            assertEquals(2L, JdbcCache.of(c).statsSnapshot().get("warmup_statements"));
        }
    }

    @Test
    void theWarmupStopsAtItsTimeout() throws Exception {
        String db = "jdbc:h2:mem:warm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            many.append("select ").append(i).append(" as n\n"); // one per line: no ; in the file
        }
        Path file = Files.writeString(dir.resolve("many.sql"), many);
        try (Connection c = DriverManager.getConnection("jdbc:cache:" + db.substring("jdbc:".length()), properties(file, "50ms"))) {
            CacheStats stats = JdbcCache.of(c).stats();
            awaitEnd(stats);
            assertEquals("timed_out", stats.warmupState());
            assertTrue(stats.warmupStatements() < 20_000);
        }
    }

    @Test
    void aFileIsSplitOnSemicolonsElseOnLines() throws IOException {
        assertEquals(List.of("select 1", "select\n2"), Warmup.statements("select 1;\n-- note\nselect\n2;\n"));
        assertEquals(List.of("select 1", "select 2"), Warmup.statements("select 1\n\n  -- note\nselect 2\n"));
    }
}
