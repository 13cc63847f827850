package dev.jdbccache.it.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.jdbccache.testservices.RedisBinaries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A redis-server process started by a test on its own port, without persistence, in a temporary
 * directory: a plain server ({@link #start}), one that speaks only TLS ({@link #startTls}), or a
 * Sentinel ({@link #startSentinel}). {@link #close()} kills it and removes the directory (call it
 * from {@code @AfterAll}, also when a later start failed).
 */
final class RedisServer implements AutoCloseable {

    private final int port;
    /** Arguments before the common ones: a Sentinel's configuration file and {@code --sentinel}. */
    private final List<String> leadingArgs;
    private final List<String> extraArgs;
    /** How redis-cli reaches this server besides {@code -p port}, e.g. TLS options. */
    private final List<String> cliArgs;
    private final Path dir;
    private Process process;

    private RedisServer(int port, Path dir, List<String> leadingArgs, List<String> extraArgs, List<String> cliArgs) {
        this.port = port;
        this.dir = dir;
        this.leadingArgs = leadingArgs;
        this.extraArgs = extraArgs;
        this.cliArgs = cliArgs;
    }

    static RedisServer start(int port, String... extraArgs) throws IOException, InterruptedException {
        return started(new RedisServer(port, directory(port), List.of(), List.of(extraArgs), List.of()));
    }

    /**
     * A server that accepts only TLS on {@code port} (the plain port is off), with the certificate
     * of {@code tls}; clients need no certificate of their own.
     */
    static RedisServer startTls(int port, TlsFiles tls, String... extraArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--tls-port", Integer.toString(port),
                "--tls-cert-file", tls.serverCertificate().toString(), "--tls-key-file", tls.serverKey().toString(),
                "--tls-ca-cert-file", tls.caCertificate().toString(), "--tls-auth-clients", "no"));
        args.addAll(List.of(extraArgs));
        return started(new RedisServer(port, directory(port), List.of(), args,
                List.of("--tls", "--cacert", tls.caCertificate().toString())));
    }

    /**
     * A Sentinel monitoring {@code masterName} at 127.0.0.1:{@code masterPort} with quorum 1; it
     * considers the master down after {@code downAfterMillis}. Sentinel rewrites its configuration
     * file, so the file lives in the server's own directory.
     */
    static RedisServer startSentinel(int port, String masterName, int masterPort, int downAfterMillis)
            throws IOException, InterruptedException {
        Path dir = directory(port);
        Path config = Files.writeString(dir.resolve("sentinel.conf"), String.join("\n",
                "sentinel monitor " + masterName + " 127.0.0.1 " + masterPort + " 1",
                "sentinel down-after-milliseconds " + masterName + " " + downAfterMillis,
                "sentinel failover-timeout " + masterName + " " + Math.max(3_000, 4 * downAfterMillis),
                "sentinel parallel-syncs " + masterName + " 1", ""));
        return started(new RedisServer(port, dir, List.of(config.toString(), "--sentinel"), List.of(), List.of()));
    }

    /** A port nobody listens on now (there is a small race until the server binds it). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path directory(int port) throws IOException {
        return Files.createTempDirectory("jdbccache-redis-" + port + "-");
    }

    private static RedisServer started(RedisServer server) throws IOException, InterruptedException {
        try {
            server.start();
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(RedisBinaries.redisServer()));
        command.addAll(leadingArgs);
        command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        command.addAll(extraArgs); // later options win: a TLS server turns the plain port off here
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (cli("PING").contains("PONG")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("redis-server on port " + port + " did not start: "
                + Files.readString(dir.resolve("server.log")));
    }

    /** Kills the server at once (SIGKILL): its data is gone. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /**
     * Runs one command ({@code "-n", "3"} first selects a database) and returns its reply as
     * {@code redis-cli} prints it to a pipe: a string as it is, an array one element per line, an
     * error as its message; "" when the server does not answer. Through Jedis, so no redis-cli is
     * needed, except for a TLS server (its tests need openssl anyway).
     */
    String cli(String... args) throws IOException, InterruptedException {
        if (!cliArgs.isEmpty()) {
            return redisCli(args);
        }
        int database = 0;
        int first = 0;
        if (args.length > 1 && args[0].equals("-n")) {
            database = Integer.parseInt(args[1]);
            first = 2;
        }
        String name = args[first];
        String[] rest = Arrays.copyOfRange(args, first + 1, args.length);
        try (Jedis jedis = new Jedis("127.0.0.1", port, 5_000)) {
            if (database != 0) {
                jedis.select(database);
            }
            return text(jedis.sendCommand(() -> name.getBytes(StandardCharsets.UTF_8), rest)).strip();
        } catch (JedisDataException e) {
            return e.getMessage();
        } catch (JedisConnectionException e) {
            return "";
        }
    }

    private static String text(Object reply) {
        if (reply == null) {
            return "";
        }
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (reply instanceof List<?> list) {
            StringBuilder lines = new StringBuilder();
            for (Object element : list) {
                lines.append(lines.length() == 0 ? "" : "\n").append(text(element));
            }
            return lines.toString();
        }
        return String.valueOf(reply);
    }

    private String redisCli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
        command.addAll(cliArgs);
        command.addAll(List.of(args));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        cli.waitFor(10, TimeUnit.SECONDS);
        return output.strip();
    }

    /** This server's cluster node id. */
    String nodeId() throws IOException, InterruptedException {
        return cli("CLUSTER", "MYID");
    }

    /**
     * Makes a Redis Cluster of servers started with {@code --cluster-enabled yes}, as
     * {@code redis-cli --cluster create} would (without needing it): the first {@code primaries}
     * servers share the 16384 slots, and each further one replicates a primary in turn.
     */
    static void createCluster(List<RedisServer> servers, int primaries) throws IOException, InterruptedException {
        for (int i = 0; i < primaries; i++) {
            int from = 16384 * i / primaries;
            int to = 16384 * (i + 1) / primaries - 1;
            List<String> add = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
            for (int slot = from; slot <= to; slot++) {
                add.add(Integer.toString(slot));
            }
            String reply = servers.get(i).cli(add.toArray(new String[0]));
            if (!reply.equals("OK")) {
                throw new IllegalStateException("CLUSTER ADDSLOTS on " + servers.get(i).port() + ": " + reply);
            }
        }
        for (RedisServer server : servers.subList(1, servers.size())) {
            servers.get(0).cli("CLUSTER", "MEET", "127.0.0.1", Integer.toString(server.port()));
        }
        for (int i = primaries; i < servers.size(); i++) {
            RedisServer replica = servers.get(i);
            String primaryId = servers.get((i - primaries) % primaries).nodeId();
            // a node can replicate another only once it knows it from the gossip
            if (!replica.awaitCli(primaryId, 20, "CLUSTER", "NODES")) {
                throw new IllegalStateException("node " + replica.port() + " never learnt of " + primaryId);
            }
            String reply = replica.cli("CLUSTER", "REPLICATE", primaryId);
            if (!reply.equals("OK")) {
                throw new IllegalStateException("CLUSTER REPLICATE on " + replica.port() + ": " + reply);
            }
        }
    }

    /**
     * Polls {@code cli(args)} until its output contains {@code expected}, at most {@code seconds};
     * returns whether it did.
     */
    boolean awaitCli(String expected, int seconds, String... args) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (cli(args).contains(expected)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
