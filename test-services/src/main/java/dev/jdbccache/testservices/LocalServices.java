package dev.jdbccache.testservices;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any test of a suite runs: for each service the suite uses (the system property
 * {@code jdbccache.test.services}, a comma-separated subset of {@code postgresql,redis,mariadb}),
 * when nothing answers on its usual port of 127.0.0.1 (5432, 6379, 3306), starts an embedded one
 * there from the binaries in Maven artifacts, and stops it when the suite ends. A service that
 * runs already is used as it is. So {@code mvn verify} needs only Java and Maven;
 * {@code -Djdbccache.test.embedded=false} turns this off. Registered through
 * {@code META-INF/services}.
 */
public final class LocalServices implements LauncherSessionListener {

    private static final int CONNECT_TIMEOUT_MILLIS = 300;

    private final List<EmbeddedService> started = new ArrayList<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if ("false".equals(System.getProperty("jdbccache.test.embedded"))) {
            return;
        }
        for (EmbeddedService service : wanted()) {
            if (answers(service.port())) {
                continue;
            }
            long start = System.nanoTime();
            try {
                service.start();
            } catch (Exception e) {
                throw new IllegalStateException("nothing answers on 127.0.0.1:" + service.port() + ", and the embedded "
                        + service.name() + " did not start there: " + e, e);
            }
            started.add(service);
            System.out.printf("jdbc-cache tests: nothing answered on 127.0.0.1:%d; started an embedded %s there in %d ms%n",
                    service.port(), service.name(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }

    private static List<EmbeddedService> wanted() {
        Set<String> names = Arrays.stream(System.getProperty("jdbccache.test.services", "postgresql,redis,mariadb").split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        List<EmbeddedService> services = new ArrayList<>();
        for (String name : names) {
            services.add(switch (name) {
                case "postgresql" -> new EmbeddedPostgresql(5432);
                case "redis" -> new EmbeddedRedis(6379);
                case "mariadb" -> new EmbeddedMariaDb(3306);
                default -> throw new IllegalArgumentException("jdbccache.test.services: unknown service '" + name
                        + "' (known: postgresql, redis, mariadb)");
            });
        }
        return services;
    }

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
