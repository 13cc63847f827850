package dev.jdbccache.it.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
        List<String> command = new ArrayList<>(List.of("redis-server"));
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

    /** Runs {@code redis-cli -p port args...} (over TLS for a TLS server) and returns its output (errors included). */
    String cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
        command.addAll(cliArgs);
        command.addAll(List.of(args));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        cli.waitFor(10, TimeUnit.SECONDS);
        return output.strip();
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
