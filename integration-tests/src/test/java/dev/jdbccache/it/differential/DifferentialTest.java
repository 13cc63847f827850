package dev.jdbccache.it.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jdbccache.it.redis.Nodes;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential suite: every scenario runs through the plain driver and through
 * {@code jdbc:cache:} and must leave identical transcripts, once with the cache off and once with
 * the cache on and every read repeated (the repetition is served by the cache).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DifferentialTest {

    /** One cache instance per test class and mode, so no other test shares its entries. */
    private static final String CACHE_NAME = "differential-"
            + UUID.randomUUID().toString().substring(0, 8);

    private static final Set<String> RAN = ConcurrentHashMap.newKeySet();

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("h2Cases")
    @Order(1)
    void h2_cacheDriverTranscriptEqualsPlainDriverTranscript(Mode mode, Scenario scenario)
            throws Exception {
        RAN.add(ScenarioRunner.runName(Database.H2, mode));
        runner(mode).assertSameTranscripts(Database.H2, scenario);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("postgresqlCases")
    @Order(2)
    void postgresql_cacheDriverTranscriptEqualsPlainDriverTranscript(Mode mode, Scenario scenario)
            throws Exception {
        RAN.add(ScenarioRunner.runName(Database.POSTGRESQL, mode));
        runner(mode).assertSameTranscripts(Database.POSTGRESQL, scenario);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("mariadbCases")
    @Order(3)
    void mariadb_cacheDriverTranscriptEqualsPlainDriverTranscript(Mode mode, Scenario scenario)
            throws Exception {
        RAN.add(ScenarioRunner.runName(Database.MARIADB, mode));
        runner(mode).assertSameTranscripts(Database.MARIADB, scenario);
    }

    /**
     * Equal transcripts in the repeated-reads mode only prove something about cached answers if
     * the cache answered; a configuration that silently caches nothing must fail the suite.
     * MariaDB is the exception the other way round: its results must never be served cached. Runs
     * after the scenarios (a test, not {@code @AfterAll}, so that its failure is reported).
     */
    @Test
    @Order(4)
    void cacheOnMode_servedRepeatedReadsFromTheCache() throws Exception {
        assumeFalse(Endpoint.cacheSideMappedToPlain(), "the cache side is the plain driver: nothing to serve");
        assumeTrue(Mode.CACHE_ON_READS_REPEATED.selected(), "the repeated-reads modes are not selected");
        for (Mode mode : Mode.values()) {
            if (mode.repeatReads()) {
                assertServedHits(mode);
            }
        }
    }

    private static void assertServedHits(Mode mode) throws Exception {
        for (Database database : Database.values()) {
            String run = ScenarioRunner.runName(database, mode);
            if (!RAN.contains(run)) {
                runUntilAHit(database, mode); // run alone: the scenarios have not run in this mode yet
            }
            if (database.isMariaDb()) {
                // By design: a hit cannot yet convert like MariaDB Connector/J, so nothing is
                // cached and every read must come from the real driver (docs/consistency.md).
                assertEquals(0, CacheEvidence.hits(run), run + ": the cache served hits");
            } else {
                assertTrue(CacheEvidence.hits(run) > 0, run + ": the cache served no hits");
            }
        }
    }

    /** Runs {@code database}'s scenarios in a repeated-reads mode until the cache served a hit (MariaDB: a few). */
    private static void runUntilAHit(Database database, Mode mode) throws Exception {
        String run = ScenarioRunner.runName(database, mode);
        RAN.add(run);
        int ran = 0;
        for (Scenario scenario : Scenarios.forDatabase(database)) {
            if (!scenario.runsIn(mode)) {
                continue;
            }
            runner(mode).assertSameTranscripts(database, scenario);
            ran++;
            if (database.isMariaDb() ? ran >= 5 : CacheEvidence.hits(run) > 0) {
                return;
            }
        }
    }

    @AfterAll
    static void deleteRedisKeys() {
        for (Mode mode : Mode.values()) {
            Nodes.deleteKeys(Endpoint.REDIS, Endpoint.prefix(cacheName(mode)));
        }
    }

    static Stream<Arguments> h2Cases() {
        return cases(Database.H2);
    }

    static Stream<Arguments> postgresqlCases() {
        return cases(Database.POSTGRESQL);
    }

    static Stream<Arguments> mariadbCases() {
        return cases(Database.MARIADB);
    }

    private static Stream<Arguments> cases(Database database) {
        return Arrays.stream(Mode.values()).filter(Mode::selected).flatMap(mode -> Scenarios.forDatabase(database)
                .stream().filter(s -> s.runsIn(mode)).map(s -> Arguments.of(mode, s)));
    }

    private static ScenarioRunner runner(Mode mode) {
        return new ScenarioRunner(mode, cacheName(mode));
    }

    private static String cacheName(Mode mode) {
        return CACHE_NAME + "-" + mode.name().toLowerCase();
    }
}
