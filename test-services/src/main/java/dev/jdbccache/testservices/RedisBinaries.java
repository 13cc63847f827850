package dev.jdbccache.testservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import redis.embedded.core.ExecutableProvider;

/**
 * The {@code redis-server} that tests which build their own Redis topologies (clusters, Sentinel,
 * restarts) start: the one {@code -Djdbccache.test.redis-server=<path>} names, else the one on
 * the {@code PATH}, else the binary inside embedded-redis's jar (Redis 6.2), so that those tests
 * also run where only Java and Maven are installed.
 */
public final class RedisBinaries {

    private static volatile String server;

    private RedisBinaries() {
    }

    public static String redisServer() {
        String found = server;
        if (found == null) {
            found = find();
            server = found;
        }
        return found;
    }

    private static String find() {
        String named = System.getProperty("jdbccache.test.redis-server");
        if (named != null && !named.isBlank()) {
            return named;
        }
        Optional<Path> onPath = Commands.onPath("redis-server");
        if (onPath.isPresent()) {
            return onPath.get().toString();
        }
        try {
            return ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("no redis-server on the PATH, and embedded-redis's could not be extracted", e);
        }
    }
}
