package dev.jdbccache.it.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.config.ConfigLoader;
import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.invalidation.LocalTableVersions;
import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.parser.SqlDialect;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consistency checker: concurrent writers and readers through {@code jdbc:cache:} on
 * PostgreSQL, every read checked against what was known committed before it began (see
 * {@link History}). With a TTL of ten minutes, only invalidation keeps reads fresh.
 *
 * <p>A checker that cannot fail proves nothing, so the same workload also runs, briefly, against
 * two deliberately broken protocols and must find stale reads there.
 *
 * <p>Runs 60 s unless {@code jdbccache.checker.seconds} says otherwise (see {@link Checker}).
 * {@code TwoNodeCheckerTest} runs the same workload on two nodes sharing Redis.
 */
class ConcurrencyCheckerTest {

    private static final Duration DURATION = Checker.duration(60);
    private static final Duration BROKEN_DURATION = Duration.ofSeconds(5);
    private static final int BROKEN_ROUNDS = 8;

    private CounterTable table;

    @BeforeEach
    void createTable() throws Exception {
        table = CounterTable.create("checker", Checker.ROWS);
    }

    @AfterEach
    void dropTable() throws Exception {
        table.close();
    }

    private Properties cacheProperties(Checker.Timing timing) {
        Properties p = new Properties();
        p.setProperty("cache.name", "checker-" + table.schema() + "-" + timing.lease());
        return Checker.withCheckerSettings(p, timing);
    }

    @Test
    void concurrentWritesThroughTheDriver_neverLetAReadMissACommittedWrite() throws Exception {
        Properties properties = cacheProperties(Checker.SOUND);
        Workload.Outcome outcome = Checker.workload(table, List.of(() -> DriverManager.getConnection(table.cacheUrl(), properties)),
                Checker.SOUND).run("table-version protocol", DURATION);
        Checker.assertNoStaleReads(outcome);
    }

    @Test
    void checkerFindsStaleReads_whenReadersIgnoreWriteLeases() throws Exception {
        assertFindsStaleReads(lease -> new LeaseBlindVersions(localVersions(lease)));
    }

    @Test
    void checkerFindsStaleReads_whenVersionsAreNotIncrementedAfterTheCommit() throws Exception {
        assertFindsStaleReads(lease -> new PreCommitOnlyVersions(localVersions(lease), localVersions(lease)));
    }

    private static TableVersions localVersions(Duration lease) {
        return new LocalTableVersions(lease, Ticker.systemTicker()::read);
    }

    /**
     * Runs the workload against a broken protocol (made from real ones with the configured lease)
     * plugged into a runtime of its own; the checker must find stale reads, all of them cache hits.
     * A broken protocol fails only when the slow writer's transaction outlives its lease while a
     * reader races it, so a round of {@code BROKEN_DURATION} may be unlucky on a loaded machine:
     * up to {@code BROKEN_ROUNDS} rounds run, stopping at the first that finds one.
     */
    private void assertFindsStaleReads(Function<Duration, BrokenVersions> breaking) throws Exception {
        CacheConfig config = ConfigLoader.standard().load(cacheProperties(Checker.BROKEN));
        Workload.Outcome outcome = null;
        for (int round = 1; round <= BROKEN_ROUNDS && (outcome == null || outcome.stale() == 0); round++) {
            BrokenVersions broken = breaking.apply(config.writeLease());
            try (CacheRuntime runtime = new CacheRuntime(config, Ticker.systemTicker(), broken)) {
                String database = "checker|" + table.schema();
                outcome = Checker.workload(table,
                        List.of(() -> new CachingConnection(table.openPlain(), runtime, SqlDialect.POSTGRESQL, database)),
                        Checker.BROKEN).run("broken: " + broken.flaw() + " (round " + round + ")", BROKEN_DURATION);
            }
            System.out.println(outcome.summary());
            outcome.examples().stream().limit(3).forEach(example -> System.out.println("  e.g. " + example));
            assertEquals(0, outcome.staleFromDatabase(), "the database itself contradicted the history: the checker is wrong");
        }
        assertTrue(outcome.stale() > 0, "the checker found no stale read against a broken protocol in "
                + BROKEN_ROUNDS + " rounds: " + outcome.summary());
    }
}
