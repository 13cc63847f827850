package dev.jdbccache.it.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.jdbc.CachingConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Memory stays bounded: a huge result streams through, and the local tier keeps its byte budget. */
class MemoryBoundsTest {

    private static final String PG_URL = System.getProperty("jdbccache.test.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    @Test
    void aMillionRowResultStreamsThroughA64MiBHeapAndIsNotCached() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), StreamMillionRows.class.getName(), PG_URL));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "timed out: " + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("rows=1000000 "), output);
        assertTrue(output.contains(" misses=1 "), "the read went through the recording path: " + output);
        assertTrue(output.contains(" stores=0 "), "a result over the row limit is not stored: " + output);
        assertTrue(output.contains("maxHeapMiB=") && !output.contains("OutOfMemoryError"), output);
    }

    @Test
    void theLocalTierNeverExceedsItsByteBudget() throws SQLException {
        String url = "jdbc:cache:h2:mem:budget-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Properties p = new Properties();
        p.setProperty("cache.name", "budget-" + UUID.randomUUID());
        p.setProperty("cache.local.max-bytes", "64KB");
        p.setProperty("cache.local.admission", "always"); // every result is stored: the budget is tested on each
        try (Connection c = DriverManager.getConnection(url, p)) {
            CacheRuntime runtime = c.unwrap(CachingConnection.class).runtime();
            try (PreparedStatement ps = c.prepareStatement("select x, repeat('v', 100) from system_range(?, ? + 9)")) {
                for (int i = 0; i < 2_000; i++) {
                    ps.setInt(1, i);
                    ps.setInt(2, i);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(2);
                        }
                    }
                    assertTrue(runtime.localBytes() <= 64 * 1024, "over budget after " + i + ": " + runtime.localBytes());
                }
            }
            assertEquals(2_000, runtime.stats().stores());
            assertTrue(runtime.localEntries() < 2_000, "older entries were evicted: " + runtime.localEntries());
            assertTrue(runtime.localEntries() > 10, "the budget holds many entries: " + runtime.localEntries());
        }
    }
}
