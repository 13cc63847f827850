package dev.jdbccache.testservices;

import java.io.IOException;
import redis.embedded.RedisServer;

/**
 * Redis from codemonstur's embedded-redis (a redis-server 6.2 binary per platform inside the jar):
 * the fork that is still released, where the older ones (kstyrc, ozimov) ship Redis 2.8 to 5.
 * Without persistence, bound to 127.0.0.1, as the machines run theirs.
 */
final class EmbeddedRedis implements EmbeddedService {

    private final int port;
    private RedisServer server;

    EmbeddedRedis(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "Redis (com.github.codemonstur:embedded-redis)";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void start() throws IOException {
        server = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        server.start();
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.stop();
            }
        } catch (IOException e) {
            System.err.println("jdbc-cache tests: stopping the embedded Redis failed: " + e);
        }
    }
}
