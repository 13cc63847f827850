package dev.jdbccache.it.footprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.config.CacheConfig;
import dev.jdbccache.driver.config.ConfigLoader;
import dev.jdbccache.driver.jdbc.CachingConnection;
import dev.jdbccache.invalidation.LocalTableVersions;
import dev.jdbccache.it.holes.PgSchemaFixture;
import dev.jdbccache.it.redis.Nodes;
import dev.jdbccache.parser.SqlDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The keyed consistency checker ({@link KeyedWorkload}) on PostgreSQL and H2, on one node and on
 * two nodes sharing Redis: with a TTL of ten minutes only the footprints keep reads fresh, and no
 * read may be stale. Against two deliberately broken footprint rules the same workload must find
 * stale reads, or the checker proves nothing.
 *
 * <p>Runs 15 s per sound run unless {@code jdbccache.checker.seconds} says otherwise.
 */
class KeyedCheckerTest {

    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("jdbccache.checker.seconds", 15));
    private static final Duration BROKEN_DURATION = Duration.ofSeconds(4);
    private static final int BROKEN_ROUNDS = 6;
    private static final int READERS = 3;

    private static Properties settings(Properties p) {
        p.setProperty("cache.ttl", "10m");
        p.setProperty("cache.write-lease", "5s");
        return p;
    }

    @Test
    void keyedWritesOnPostgres_neverLetAKeyedReadMissACommit() throws Exception {
        try (PgSchemaFixture db = new PgSchemaFixture("keyed")) {
            KeyedWorkload.create(db.admin);
            Properties p = settings(new Properties());
            p.setProperty("cache.name", "keyed-" + db.schema);
            String url = cacheUrl(db);
            KeyedWorkload.Outcome outcome = new KeyedWorkload(List.of(() -> DriverManager.getConnection(url, p)), READERS)
                    .run("postgresql, local", DURATION);
            assertSound(outcome);
        }
    }

    @Test
    void keyedWritesOnH2_neverLetAKeyedReadMissACommit() throws Exception {
        String h2 = "jdbc:h2:mem:keyed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection plain = DriverManager.getConnection(h2)) {
            KeyedWorkload.create(plain);
            Properties p = settings(new Properties());
            p.setProperty("cache.name", "keyed-h2-" + UUID.randomUUID());
            KeyedWorkload.Outcome outcome = new KeyedWorkload(
                    List.of(() -> DriverManager.getConnection("jdbc:cache:" + h2.substring("jdbc:".length()), p)), READERS)
                    .run("h2, local", DURATION);
            assertSound(outcome);
            plain.createStatement().execute("shutdown");
        }
    }

    @Test
    void keyedWritesThroughTwoNodesSharingRedis_neverLetTheOtherNodesReadMissACommit() throws Exception {
        String prefix = Nodes.prefix();
        try (PgSchemaFixture db = new PgSchemaFixture("keyed2")) {
            KeyedWorkload.create(db.admin);
            String url = cacheUrl(db);
            Properties a = settings(Nodes.node("redis", PgSchemaFixture.REDIS, prefix));
            Properties b = settings(Nodes.node("tiered", PgSchemaFixture.REDIS, prefix));
            KeyedWorkload.Outcome outcome = new KeyedWorkload(
                    List.of(() -> DriverManager.getConnection(url, a), () -> DriverManager.getConnection(url, b)), READERS)
                    .run("postgresql, two nodes (redis, tiered)", DURATION);
            assertSound(outcome);
            assertTrue(outcome.nodeHits().stream().allMatch(h -> h > 0), "a node never hit: " + outcome.summary());
        } finally {
            Nodes.deleteKeys(PgSchemaFixture.REDIS, prefix);
        }
    }

    @Test
    void checkerFindsStaleReads_whenAMoveBumpsOnlyTheNewValue() throws Exception {
        assertFindsStaleReads(BrokenFootprints.Flaw.NEW_VALUE_ONLY);
    }

    @Test
    void checkerFindsStaleReads_whenAFootprintIgnoresAnOr() throws Exception {
        assertFindsStaleReads(BrokenFootprints.Flaw.IGNORES_OR);
    }

    private void assertFindsStaleReads(BrokenFootprints.Flaw flaw) throws Exception {
        try (PgSchemaFixture db = new PgSchemaFixture("keyedbroken")) {
            KeyedWorkload.create(db.admin);
            Properties p = settings(new Properties());
            p.setProperty("cache.name", "keyed-broken-" + db.schema);
            CacheConfig config = ConfigLoader.standard().load(p);
            KeyedWorkload.Outcome outcome = null;
            for (int round = 1; round <= BROKEN_ROUNDS && (outcome == null || outcome.stale() == 0); round++) {
                BrokenFootprints broken = new BrokenFootprints(
                        new LocalTableVersions(config.writeLease(), Ticker.systemTicker()::read), flaw, config.footprintBuckets());
                try (CacheRuntime runtime = new CacheRuntime(config, Ticker.systemTicker(), broken)) {
                    String plainUrl = PgSchemaFixture.PG_URL + "&currentSchema=" + db.schema;
                    String database = "keyed-broken|" + db.schema + "|" + round;
                    outcome = new KeyedWorkload(List.of(() -> new CachingConnection(DriverManager.getConnection(plainUrl),
                            runtime, SqlDialect.POSTGRESQL, database)), READERS, flaw == BrokenFootprints.Flaw.IGNORES_OR)
                            .run("broken: " + flaw + " (round " + round + ")", BROKEN_DURATION);
                }
                System.out.println(outcome.summary());
                outcome.examples().stream().limit(3).forEach(e -> System.out.println("  e.g. " + e));
                assertEquals(0, outcome.staleFromDatabase(), "the database contradicted the history: the checker is wrong");
                resetRows(db);
            }
            assertTrue(outcome.stale() > 0, "no stale read against " + flaw + " in " + BROKEN_ROUNDS + " rounds: "
                    + outcome.summary());
        }
    }

    /** Each round starts from the rows the workload assumes (version 0, home groups). */
    private static void resetRows(PgSchemaFixture db) throws SQLException {
        db.outside("drop table acct");
        db.outside("drop table grp_meta");
        KeyedWorkload.create(db.admin);
    }

    private static String cacheUrl(PgSchemaFixture db) {
        return "jdbc:cache:" + PgSchemaFixture.PG_URL.substring("jdbc:".length()) + "&currentSchema=" + db.schema;
    }

    private static void assertSound(KeyedWorkload.Outcome outcome) {
        System.out.println(outcome.summary());
        assertEquals(0, outcome.stale(), () -> "stale reads: " + String.join("; ", outcome.examples()));
        assertTrue(outcome.hits() * 10 >= outcome.reads(), "fewer than 10% of reads hit: " + outcome.summary());
        assertTrue(outcome.writes() > 0 && outcome.rollbacks() > 0, "the writers did not run: " + outcome.summary());
    }
}
