package dev.jdbccache.bench.demo;

import dev.jdbccache.driver.jdbc.CachingConnection;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the workload against one target: loads its database, opens one connection per thread,
 * warms up, measures, and drops the database again.
 */
final class TargetRunner {
    private final Catalogue catalogue;
    private final OperationMix mix;
    private final ZipfSampler products;
    private final int threads;
    private final Duration warmUp;
    private final Duration measured;
    private final PrintStream out;

    TargetRunner(Catalogue catalogue, OperationMix mix, ZipfSampler products, int threads, Duration warmUp, Duration measured,
            PrintStream out) {
        this.catalogue = catalogue;
        this.mix = mix;
        this.products = products;
        this.threads = threads;
        this.warmUp = warmUp;
        this.measured = measured;
        this.out = out;
    }

    TargetResult run(Target target) throws SQLException, InterruptedException {
        try (Connection admin = DriverManager.getConnection(target.adminUrl())) {
            try {
                long began = System.nanoTime();
                load(admin, target);
                out.printf(Locale.ROOT, "%s: loaded %,d products and %,d reviews in %.1f s%n", target.label(),
                        catalogue.products(), catalogue.reviews(), (System.nanoTime() - began) / 1e9);
                return measure(target);
            } finally {
                drop(admin, target);
            }
        }
    }

    private void load(Connection admin, Target target) throws SQLException {
        if (!target.onPostgres()) {
            catalogue.load(admin);
            return;
        }
        try (Statement s = admin.createStatement()) {
            s.execute("create schema " + target.schema());
            s.execute("set search_path to " + target.schema());
        }
        catalogue.loadOnPostgres(admin);
    }

    private static void drop(Connection admin, Target target) throws SQLException {
        try (Statement s = admin.createStatement()) {
            if (target.onPostgres()) {
                s.execute("drop schema " + target.schema() + " cascade");
            } else {
                // The database lives until shutdown (DB_CLOSE_DELAY=-1); free its memory for the next target.
                s.execute("shutdown");
            }
        }
    }

    private TargetResult measure(Target target) throws SQLException, InterruptedException {
        StaleReadChecker checker = new StaleReadChecker(catalogue.products());
        IdealHits ideal = new IdealHits();
        List<Workload> clients = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Connection connection = DriverManager.getConnection(target.url(), target.properties());
                clients.add(new Workload(connection, mix, products, checker, ideal, 31L * i + 7));
            }
            Optional<CachingConnection> cached = cachingConnection(clients.isEmpty() ? null : clients.get(0));
            out.printf(Locale.ROOT, "%s: %s, %d connections, warming up for %d s%n",
                    target.label(), target.url(), threads, warmUp.toSeconds());
            new LoadPhase(clients, target.label(), null).run(warmUp);
            Optional<CacheCounts> before = cached.map(c -> CacheCounts.of(c.runtime().stats()));
            ideal.startCounting();
            LoadPhase.Result result = new LoadPhase(clients, target.label(), out).run(measured);
            Optional<CacheCounts> during = cached.map(c -> CacheCounts.of(c.runtime().stats()).minus(before.orElseThrow()));
            return new TargetResult(target.label(), target.url(), result, during, checker.checked(), checker.stale(),
                    ideal.ratio());
        } finally {
            closeAll(clients);
        }
    }

    private static Optional<CachingConnection> cachingConnection(Workload client) throws SQLException {
        if (client == null || !client.connection().isWrapperFor(CachingConnection.class)) {
            return Optional.empty();
        }
        return Optional.of(client.connection().unwrap(CachingConnection.class));
    }

    private static void closeAll(List<Workload> clients) throws SQLException {
        SQLException first = null;
        for (Workload client : clients) {
            try {
                client.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
