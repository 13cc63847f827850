package dev.jdbccache.it.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * What the checker's tests share: the shape of the {@link Workload}, the cache settings it needs,
 * and what a run against a sound protocol must show.
 *
 * <p>System properties: {@code jdbccache.checker.seconds} (each test has its own default),
 * {@code jdbccache.checker.writers} and {@code jdbccache.checker.readers} (default 3 each).
 */
final class Checker {

    static final int WRITERS = Integer.getInteger("jdbccache.checker.writers", 3);
    static final int READERS = Integer.getInteger("jdbccache.checker.readers", 3);
    static final int ROWS = 50;
    /**
     * The write lease, how long the slow writer's transactions last and how long it waits between
     * them. The slow transaction always outlives the lease, so renewal before the commit is what
     * keeps a run sound. The protocol assumes that each statement, and the commit after the
     * renewal, is shorter than the lease: on a 2-core machine loaded by parallel builds, commits
     * took 0.5 s and once 3.7 s, and runs with a 500 ms lease found stale reads. Sound runs
     * therefore use a longer lease, and pause the slow writer as long (its lease would otherwise
     * cover its table nearly all the time, and readers would rarely hit).
     */
    record Timing(String lease, Duration slowTransaction, Duration slowPause) {
    }

    /** Sound runs: a lease far longer than any one statement or commit. */
    static final Timing SOUND = new Timing("5s", Duration.ofMillis(5150), Duration.ofSeconds(5));
    /** Runs against broken protocols: short, so several slow commits race readers within seconds. */
    static final Timing BROKEN = new Timing("500ms", Duration.ofMillis(650), Duration.ZERO);

    private Checker() {
    }

    /** How long a checked run lasts: {@code jdbccache.checker.seconds}, else {@code defaultSeconds}. */
    static Duration duration(long defaultSeconds) {
        return Duration.ofSeconds(Long.getLong("jdbccache.checker.seconds", defaultSeconds));
    }

    /**
     * Adds what every checked cache needs to {@code p}: a TTL so long that only invalidation keeps
     * reads fresh, and the lease of {@code timing}.
     */
    static Properties withCheckerSettings(Properties p, Timing timing) {
        p.setProperty("cache.ttl", "10m");
        p.setProperty("cache.write-lease", timing.lease());
        return p;
    }

    /** The checker's workload on {@code table}, its threads spread over {@code nodes}. */
    static Workload workload(CounterTable table, List<Workload.Opener> nodes, Timing timing) {
        return new Workload(table, nodes, WRITERS, READERS, timing.slowTransaction(), timing.slowPause());
    }

    /**
     * Prints the outcome and asserts a sound run: no stale read, and enough activity that this
     * means something (reads served from the cache, writes committed and rolled back).
     */
    static void assertNoStaleReads(Workload.Outcome outcome) {
        System.out.println(outcome.summary());
        assertEquals(0, outcome.stale(), () -> "stale reads: " + String.join("; ", outcome.examples()));
        assertTrue(outcome.driverHits() > 0, "the cache never hit: the checker proved nothing");
        assertTrue(outcome.writes() > 0 && outcome.rollbacks() > 0, "the writers did not run: " + outcome.summary());
    }
}
