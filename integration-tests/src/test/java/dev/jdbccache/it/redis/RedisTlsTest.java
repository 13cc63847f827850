package dev.jdbccache.it.redis;

import static dev.jdbccache.it.redis.Nodes.connect;
import static dev.jdbccache.it.redis.Nodes.node;
import static dev.jdbccache.it.redis.Nodes.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jdbccache.driver.JdbcCache;
import dev.jdbccache.driver.config.ConfigException;
import dev.jdbccache.driver.redis.CircuitState;
import dev.jdbccache.driver.redis.RedisHealth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code rediss://} against a redis-server that speaks only TLS, with a certificate from a private
 * CA given as {@code cache.redis.truststore}: hits are served over TLS with the URL's user,
 * password and database; a server the trust store does not vouch for (another CA, the JVM's
 * default trust store, a host name not in the certificate) is never used, and queries go to the
 * database. Neither password appears in any log line, exception or effective setting.
 */
class RedisTlsTest {

    private static final String URL_PASSWORD = "TlsUrlPw-6631";
    private static final String TRUSTSTORE_PASSWORD = "TrustPw-6632";
    private static final int DATABASE = 3;

    @TempDir
    static Path dir;
    private static TlsFiles tls;
    private static Path trusted;
    private static Path untrusted;
    private static RedisServer server;

    private String db;
    private String prefix;

    @BeforeAll
    static void startTlsRedis() throws Exception {
        // only a machine with nothing but Java and Maven lacks it; the CI machines have it
        org.junit.jupiter.api.Assumptions.assumeTrue(TlsFiles.opensslOnPath(),
                "the TLS tests make their certificates with openssl, which is not on the PATH");
        tls = TlsFiles.generate(dir);
        trusted = tls.trustStore("trusted.p12", tls.caCertificate(), TRUSTSTORE_PASSWORD);
        untrusted = tls.trustStore("other-ca.p12", tls.otherCaCertificate(), TRUSTSTORE_PASSWORD);
        // 127.0.0.2 too: the same server under an address its certificate does not name
        server = RedisServer.startTls(RedisServer.freePort(), tls, "--bind", "127.0.0.1", "127.0.0.2",
                "--user", "app", "on", ">" + URL_PASSWORD, "~*", "&*", "+@all");
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void database() throws Exception {
        db = "tls-" + UUID.randomUUID();
        prefix = Nodes.prefix();
        Nodes.createItems(db, 5);
    }

    private static String url(String host) {
        return "rediss://app:" + URL_PASSWORD + "@" + host + ":" + server.port() + "/" + DATABASE;
    }

    /** A node on the TLS server; generous timeouts, since a cold JVM's first handshakes are slow. */
    private Properties tlsNode(String store, String host, String... more) {
        Properties p = node(store, url(host), prefix, "cache.redis.connect-timeout", "2s", "cache.redis.socket-timeout", "2s");
        for (int i = 0; i < more.length; i += 2) {
            p.setProperty(more[i], more[i + 1]);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis", "tiered"})
    void aHitIsServedOverTls_withTheUrlsUserPasswordAndDatabase(String store) throws Exception {
        String[] trust = {"cache.redis.truststore", trusted.toString(), "cache.redis.truststore-password", TRUSTSTORE_PASSWORD};
        try (Connection truth = Nodes.plain(db); Connection a = connect(db, tlsNode(store, "127.0.0.1", trust));
                Connection b = connect(db, tlsNode(store, "localhost", trust))) {
            try (Statement s = truth.createStatement()) {
                s.execute("set query_statistics true");
            }
            assertEquals(10, read(a, 1)); // a miss: fills Redis
            assertEquals(1, Nodes.executions(truth));
            for (int i = 0; i < 20; i++) {
                assertEquals(10, read(b, 1));
            }
            assertEquals(1, Nodes.executions(truth), "node b never reached the database");
            assertEquals(20, Nodes.runtime(b).stats().hits());
            assertEquals(0, Nodes.health(b).failures(), Nodes.health(b).toString());

            String clients = server.cli("CLIENT", "LIST");
            assertTrue(clients.contains("user=app") && clients.contains("name=jdbc-cache"), clients);
            assertTrue(Integer.parseInt(server.cli("-n", Integer.toString(DATABASE), "DBSIZE")) > 0, "entries in database 3");
            assertEquals("0", server.cli("-n", "0", "DBSIZE"), "nothing in database 0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"another CA", "the JVM's trust store", "a host name not in the certificate"})
    void aServerTheTrustStoreDoesNotVouchFor_isNeverUsed_queriesGoToTheDatabase(String problem) throws Exception {
        Properties props = switch (problem) {
            case "another CA" -> tlsNode("redis", "127.0.0.1", "cache.redis.truststore", untrusted.toString(),
                    "cache.redis.truststore-password", TRUSTSTORE_PASSWORD);
            case "the JVM's trust store" -> tlsNode("redis", "127.0.0.1");
            default -> tlsNode("redis", "127.0.0.2", "cache.redis.truststore", trusted.toString(),
                    "cache.redis.truststore-password", TRUSTSTORE_PASSWORD);
        };
        props.setProperty("cache.redis.circuit.failures", "3");
        List<String> exposed = new ArrayList<>();
        String logs = capturingStandardError(() -> {
            try (Connection truth = Nodes.plain(db); Connection c = connect(db, props)) {
                try (Statement s = truth.createStatement()) {
                    s.execute("set query_statistics true");
                }
                for (int i = 0; i < 10; i++) {
                    assertEquals(20, read(c, 2), "every query succeeds");
                }
                assertEquals(10, Nodes.executions(truth), "every query went to the database");
                assertEquals(0, Nodes.runtime(c).stats().hits());
                RedisHealth health = Nodes.health(c);
                assertEquals(CircuitState.OPEN, health.circuit(), health.toString());
                assertTrue(health.failures() >= 3, health.toString());
                assertTrue(health.rejected() > 0, "later queries did not even try: " + health);
                exposed.add(health.toString());
                JdbcCache cache = JdbcCache.of(c);
                cache.configuration().forEach((k, v) -> exposed.add(k + "=" + v));
                cache.statsSnapshot().forEach((k, v) -> exposed.add(k + "=" + v));
            }
        });
        String reason = switch (problem) {
            case "a host name not in the certificate" -> "No subject alternative names matching IP address 127.0.0.2";
            default -> "unable to find valid certification path";
        };
        assertTrue(logs.contains("Redis") && logs.contains(reason), "the warning says why:\n" + logs);
        assertNoSecrets(logs, exposed);
        assertFalse(server.cli("-n", Integer.toString(DATABASE), "KEYS", "{" + prefix + "}*").contains(prefix),
                "nothing was written to Redis");
    }

    @Test
    void trustStoreSettingsAreValidated_withThePasswordsMasked() {
        List<String> messages = new ArrayList<>();
        for (String[] bad : List.of(
                new String[] {"cache.redis.truststore", dir.resolve("missing.p12").toString()},
                new String[] {"cache.redis.truststore", trusted.toString(), "cache.redis.truststore-type", "PKCS13"},
                new String[] {"cache.redis.truststore-password", TRUSTSTORE_PASSWORD})) {
            Properties props = tlsNode("redis", "127.0.0.1", bad);
            props.setProperty("cache.redis.truststore-password", TRUSTSTORE_PASSWORD);
            SQLException e = assertThrows(SQLException.class, () -> connect(db, props));
            assertEquals(ConfigException.SQL_STATE, e.getSQLState());
            assertTrue(e.getMessage().contains("cache.redis.truststore"), e.getMessage());
            messages.add(e.getMessage());
        }
        Properties plain = node("redis", "redis://app:" + URL_PASSWORD + "@127.0.0.1:" + server.port(), prefix,
                "cache.redis.truststore", trusted.toString(), "cache.redis.truststore-password", TRUSTSTORE_PASSWORD);
        SQLException e = assertThrows(SQLException.class, () -> connect(db, plain));
        assertTrue(e.getMessage().contains("rediss://"), e.getMessage());
        messages.add(e.getMessage());
        assertNoSecrets("", messages);
    }

    private static void assertNoSecrets(String logs, List<String> exposed) {
        for (String secret : List.of(URL_PASSWORD, TRUSTSTORE_PASSWORD)) {
            for (String line : logs.split("\\R")) {
                assertFalse(line.contains(secret), "log line exposes " + secret + ": " + line);
            }
            for (String text : exposed) {
                assertFalse(text.contains(secret), "exposed " + secret + ": " + text);
            }
        }
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} and returns what was written to System.err meanwhile (slf4j-simple logs there). */
    private static String capturingStandardError(Body body) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(original);
            original.print(buffer.toString(StandardCharsets.UTF_8));
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
