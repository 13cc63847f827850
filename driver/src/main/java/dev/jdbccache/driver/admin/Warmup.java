package dev.jdbccache.driver.admin;

import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.CacheStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a cache in the background when it starts ({@code cache.warmup.file}): on a daemon thread,
 * through a new connection of its own, runs each statement of the file and reads its result to
 * the end, so that the results are stored as on any miss. The warm-up stops at
 * {@code cache.warmup.timeout} (the running statement gets the remaining time as its query
 * timeout). A failing statement is counted and the next one runs; the first failure is logged,
 * without the statement's text or the database's message (either may hold values).
 *
 * <p>The file: statements separated by {@code ;} when it contains one, else one per line; blank
 * lines and lines starting with {@code --} are skipped. Thread-safe.
 */
public final class Warmup {

    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

    /** Opens the warm-up's connection (the driver: the same URL and properties as the first one). */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    private final CacheRuntime runtime;
    private final ConnectionFactory connections;

    private Warmup(CacheRuntime runtime, ConnectionFactory connections) {
        this.runtime = runtime;
        this.connections = connections;
    }

    /**
     * Starts the warm-up of {@code runtime} if it has a warm-up file and this is its first call for
     * that runtime; otherwise does nothing.
     *
     * @return the warm-up's thread, or {@code null} when none was started
     */
    public static Thread startOnce(CacheRuntime runtime, ConnectionFactory connections) {
        Path file = runtime.config().warmupFile();
        if (file == null || !runtime.claimWarmup()) {
            return null;
        }
        runtime.stats().warmupState("running");
        Thread thread = new Thread(new Warmup(runtime, connections)::run, "jdbc-cache-warmup-" + runtime.config().name());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void run() {
        CacheStats stats = runtime.stats();
        String name = runtime.config().name();
        long deadline = System.nanoTime() + runtime.config().warmupTimeout().toNanos();
        List<String> statements;
        try {
            statements = statements(Files.readString(runtime.config().warmupFile(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            stats.warmupState("failed");
            LOG.warn("[{}] cannot read the warm-up file {}: {}", name, runtime.config().warmupFile(), e.toString());
            return;
        }
        boolean failureLogged = false;
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    stats.warmupState("timed_out");
                    LOG.warn("[{}] warm-up stopped after {} of {} statements: cache.warmup.timeout={} reached",
                            name, i, statements.size(), runtime.config().warmupTimeout());
                    return;
                }
                try {
                    statement.setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000_000L)));
                    if (statement.execute(statements.get(i))) {
                        try (ResultSet rs = statement.getResultSet()) {
                            while (rs.next()) {
                                // reading to the end completes the recording, which stores it
                            }
                        }
                    }
                    stats.warmupStatement(true);
                } catch (SQLException | RuntimeException e) {
                    stats.warmupStatement(false);
                    if (!failureLogged) {
                        failureLogged = true;
                        LOG.warn("[{}] warm-up statement {} of {} failed ({}, SQLState {}); the others still run",
                                name, i + 1, statements.size(), e.getClass().getSimpleName(), sqlState(e));
                    }
                }
            }
            stats.warmupState("done");
            LOG.info("[{}] warm-up done: {} statements, {} failed", name, stats.warmupStatements(), stats.warmupFailures());
        } catch (SQLException | RuntimeException e) {
            stats.warmupState("failed");
            LOG.warn("[{}] warm-up could not connect ({}, SQLState {})", name, e.getClass().getSimpleName(), sqlState(e));
        }
    }

    private static String sqlState(Exception e) {
        return e instanceof SQLException sql ? sql.getSQLState() : "none";
    }

    /** Splits the file: on {@code ;} when it holds one, else one statement per line. */
    static List<String> statements(String text) {
        List<String> result = new ArrayList<>();
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.strip().startsWith("--")) {
                kept.append(line).append('\n');
            }
        }
        String body = kept.toString();
        String[] parts = body.contains(";") ? body.split(";") : body.split("\n");
        for (String part : parts) {
            if (!part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }
}
