package dev.jdbccache.it.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/**
 * Runs one scenario through the plain driver and through {@code jdbc:cache:}, each in a fresh
 * sandbox of the same name (created, used, dropped, then created again), and asserts that the
 * transcripts are equal. Using the same sandbox name keeps catalog and schema names, which
 * appear in metadata and messages, identical on both sides.
 */
final class ScenarioRunner {

    /** A directory to write every transcript to, for reading them; unset by default. */
    static final String DUMP_PROPERTY = "jdbccache.differential.dump";

    private final Mode mode;
    private final String cacheName;

    ScenarioRunner(Mode mode, String cacheName) {
        this.mode = mode;
        this.cacheName = cacheName;
    }

    void assertSameTranscripts(Database database, Scenario scenario) throws Exception {
        String sandbox = "diff_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Outcome plain = runSide(database, scenario, sandbox, Endpoint::plain);
        if (plain.failure() != null) {
            throw new AssertionError("scenario script fails on the plain driver (a bug in the"
                    + " scenario, not in the cache):\n" + String.join("\n", plain.lines()),
                    plain.failure());
        }
        dump(database, scenario, "plain", plain.lines());
        CacheEvidence evidence = CacheEvidence.start(cacheName);
        Outcome cache = runSide(database, scenario, sandbox,
                url -> Endpoint.cache(url, mode, cacheName));
        evidence.finish(runName(database, mode), scenario.name());
        dump(database, scenario, "cache", cache.lines());
        if (!plain.lines().equals(cache.lines())) {
            throw new AssertionFailedError(
                    scenario.name() + " on " + database + " (" + mode.displayName() + "): "
                            + "transcripts differ\n" + TranscriptDiff.render(plain.lines(), cache.lines()),
                    String.join("\n", plain.lines()), String.join("\n", cache.lines()));
        }
        if (plain.lines().isEmpty()) {
            fail("scenario recorded nothing");
        }
    }

    /** The key under which {@link CacheEvidence} sums the hits of one database and mode. */
    static String runName(Database database, Mode mode) {
        return database + "/" + mode;
    }

    private Outcome runSide(Database database, Scenario scenario, String sandbox,
                            Function<String, Endpoint> endpointForUrl) throws Exception {
        String url = database.createSandbox(sandbox);
        try {
            Endpoint endpoint = endpointForUrl.apply(url);
            Transcript t = new Transcript(database, mode.repeatReads(), endpoint::open);
            Throwable failure = null;
            try (Connection c = endpoint.open()) {
                scenario.body().run(c, t);
            } catch (Exception | AssertionError e) {
                failure = e;
                t.add("scenario aborted: " + Render.throwable(e));
            } finally {
                for (Connection extra : t.openedConnections()) {
                    extra.close();
                }
            }
            return new Outcome(t.lines(), failure);
        } finally {
            database.dropSandbox(sandbox);
        }
    }

    /** Writes a transcript below the directory named by {@link #DUMP_PROPERTY}, if set. */
    private void dump(Database database, Scenario scenario, String side, List<String> lines)
            throws IOException {
        String dir = System.getProperty(DUMP_PROPERTY);
        if (dir != null) {
            Path file = Path.of(dir, database.name(), mode.name(), scenario.name() + "." + side);
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        }
    }

    private record Outcome(List<String> lines, Throwable failure) {
    }
}
