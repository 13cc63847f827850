package dev.jdbccache.driver.capture;

import dev.jdbccache.driver.cache.CacheRuntime;
import dev.jdbccache.driver.cache.ChangeCaptureStats;
import dev.jdbccache.driver.cache.ChangeCaptureStats.State;
import dev.jdbccache.driver.cache.ConsumerLease;
import dev.jdbccache.driver.cache.DatabaseScope;
import dev.jdbccache.driver.config.ChangeCaptureConfig;
import dev.jdbccache.parser.SqlDialect;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change-capture consumer of one cache and PostgreSQL database ({@code cache.change-capture=
 * logical}, docs/consistency.md "Writes from elsewhere"): on a thread of its own it reads the
 * database's logical replication stream ({@code pgoutput}) and, for every committed transaction,
 * bumps the tags its rows reach, then confirms the transaction's position to PostgreSQL, never
 * before. With a shared store one node consumes, elected by a lease in the store (the others learn
 * of the changes through the store); with a store of one JVM each JVM consumes through a temporary
 * slot of its own.
 *
 * <p>Whenever the stream cannot vouch for what the cache holds it flushes the cache (a new epoch):
 * after a slot is created (what was cached before its start is not covered), when the slot was
 * lost, when the stream was down or behind for longer than {@code cache.change-capture.max-gap},
 * and when DDL changed the catalog (DDL is not in the stream). Reads fall back to the TTL while
 * the stream is down. Thread-safe.
 */
public final class ChangeCapture implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeCapture.class);

    /** How often the watchdog looks at the outage. */
    private static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** How long the consumer waits before it tries the stream again. */
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The longest pause between two reads of an idle stream: bounds the lag a quiet stream adds. */
    private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private static final Set<String> warned = ConcurrentHashMap.newKeySet();

    private final CacheRuntime runtime;
    private final DatabaseScope scope;
    private final ChangeCaptureConfig config;
    private final String databaseUrl;
    private final CaptureConnections connections;
    private final ChangeCaptureStats stats;
    private final ConsumerLease lease;
    private final String slot;
    private final Thread thread;
    private final Thread watchdog;
    private volatile boolean closed;

    /** Since when no stream vouches for the cache (0 while one does); read by the watchdog. */
    private volatile long downSinceNanos;
    /** The watchdog flushed for the current outage. */
    private final AtomicBoolean flushedForOutage = new AtomicBoolean();
    /** Why a flush that failed must still happen; {@code null} when none is owed. */
    private volatile String pendingFlush;
    /** When this node last saw another node hold the lease (0: never). */
    private volatile long heldElsewhereAtNanos;
    /** This node holds the lease, as the store last confirmed; renewed by the watchdog. */
    private volatile boolean holding;
    /** The catalog digest the stream's position stands for ({@code null}: not known). Consumer thread only. */
    private String knownDigest;
    /** The server's clock minus this JVM's, in ms: commit times are the server's. Consumer thread only. */
    private long clockOffsetMillis;
    /** When the store last confirmed this node's lease, and its token. */
    private volatile long confirmedAtNanos;
    private volatile long heldToken;
    /** When the lease is due for renewal; the watchdog's. */
    private volatile long renewAtNanos;

    private ChangeCapture(CacheRuntime runtime, DatabaseScope scope, String databaseUrl, CaptureConnections connections) {
        this.runtime = runtime;
        this.scope = scope;
        this.config = runtime.config().changeCapture();
        this.databaseUrl = databaseUrl;
        this.connections = connections;
        this.stats = runtime.stats().changeCapture();
        this.lease = runtime.consumerLease(config.slot(), config.lease());
        this.slot = lease.shared() ? config.slot()
                : config.slot().substring(0, Math.min(config.slot().length(), 54)) + "_"
                        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        this.thread = new Thread(this::run, "jdbc-cache-change-capture-" + runtime.config().name());
        this.thread.setDaemon(true);
        this.watchdog = new Thread(this::watch, "jdbc-cache-change-capture-watchdog-" + runtime.config().name());
        this.watchdog.setDaemon(true);
    }

    /**
     * Starts the consumer of {@code scope}'s database for {@code runtime} unless one runs already
     * (one per cache: a second database of the same cache is not followed, and says so); nothing
     * for a database other than PostgreSQL.
     */
    public static void startOnce(CacheRuntime runtime, DatabaseScope scope, String databaseUrl, CaptureConnections connections) {
        if (!runtime.config().changeCapture().enabled()) {
            return;
        }
        String name = runtime.config().name();
        if (scope.dialect() != SqlDialect.POSTGRESQL) {
            if (warned.add(name + "|" + scope.dialect())) {
                LOG.warn("[{}] cache.change-capture=logical reads PostgreSQL's replication stream; {} has none, so "
                        + "only writes through the driver invalidate", name, scope.dialect());
            }
            return;
        }
        AutoCloseable running = runtime.companionOnce("change-capture", () -> {
            ChangeCapture capture = new ChangeCapture(runtime, scope, databaseUrl, connections);
            capture.stats.state(State.STARTING);
            capture.thread.start();
            capture.watchdog.start();
            return capture;
        });
        if (running instanceof ChangeCapture capture && !capture.databaseUrl.equals(databaseUrl)
                && warned.add(name + "|second|" + databaseUrl)) {
            LOG.warn("[{}] change capture follows one database per cache ({}); writes from elsewhere to {} are seen "
                    + "when the TTL runs out: give that database a cache.name of its own", name, capture.databaseUrl,
                    databaseUrl);
        }
    }

    private void run() {
        downSinceNanos = System.nanoTime();
        try {
            while (!closed) {
                long token = acquire();
                if (token == STORE_DOWN) {
                    fallBack("store", "the shared store cannot be asked for the consumer's lease; no node consumes "
                            + "until it answers (the slot keeps the changes)");
                    pause(RETRY_NANOS);
                    continue;
                }
                if (token == ConsumerLease.HELD_ELSEWHERE) {
                    stats.state(State.STANDBY);
                    heldElsewhereAtNanos = System.nanoTime();
                    downSinceNanos = 0; // another node vouches for the cache
                    flushedForOutage.set(false);
                    pause(Math.max(TimeUnit.MILLISECONDS.toNanos(100), config.lease().toNanos() / 5));
                    continue;
                }
                if (heldElsewhereAtNanos != 0) {
                    // the holder stopped renewing up to one lease before this node last saw it
                    downSinceNanos = heldElsewhereAtNanos - config.lease().toNanos();
                    heldElsewhereAtNanos = 0;
                    knownDigest = null; // the predecessor's, from the store
                    stats.tookOver();
                    LOG.info("[{}] this node now consumes the change stream (slot {}, lease token {})", name(), slot, token);
                }
                try {
                    stream();
                } catch (ReplicationCatalog.Unavailable e) {
                    fallBack(e.reason(), e.getMessage());
                } catch (TransactionApplier.NotTaken e) {
                    fallBack("store", e.getMessage());
                } catch (SQLException | RuntimeException e) {
                    fallBack("stream", e.toString());
                } catch (LinkageError e) {
                    fallBack("pgjdbc", "pgjdbc's replication API (org.postgresql.replication) cannot be loaded "
                            + "beside the driver: " + e);
                }
                pause(RETRY_NANOS);
            }
        } finally {
            finish();
        }
    }

    /** Returned by {@link #acquire()} when the shared store cannot be asked. */
    private static final long STORE_DOWN = -2;

    /**
     * The lease's token, {@link ConsumerLease#HELD_ELSEWHERE}, or {@link #STORE_DOWN}: without the
     * store no node consumes, since invalidations could not reach the other nodes while the slot
     * moved on past them.
     */
    private long acquire() {
        try {
            long token = lease.acquire();
            holding = token != ConsumerLease.HELD_ELSEWHERE;
            if (holding) {
                long now = System.nanoTime();
                renewAtNanos = now + config.lease().toNanos() / 3;
                confirmedAtNanos = now;
                heldToken = token;
            }
            return token;
        } catch (RuntimeException e) {
            // one slow or failed call (a 50 ms socket timeout on a busy machine) does not end a holding
            // that the store still has: nobody else can take the lease before it runs out
            holding = holding && System.nanoTime() - (confirmedAtNanos + config.lease().toNanos() * 2 / 3) < 0;
            return holding ? heldToken : STORE_DOWN;
        }
    }

    /**
     * False when this node no longer holds the shared lease. The watchdog renews it, so that it
     * does not lapse while the consumer waits on a slot's creation, a connection or a long
     * transaction's messages.
     */
    private boolean renewed() {
        if (!lease.shared() || holding) {
            return true;
        }
        LOG.warn("[{}] this node no longer holds the change-capture lease; it stops consuming", name());
        return false;
    }

    /** The watchdog's renewal: while this node holds the lease, every third of it. */
    private void renewIfDue() {
        if (lease.shared() && holding && System.nanoTime() - renewAtNanos >= 0) {
            long token = acquire();
            if (token == ConsumerLease.HELD_ELSEWHERE) {
                heldElsewhereAtNanos = System.nanoTime();
            }
        }
    }

    private void stream() throws SQLException, ReplicationCatalog.Unavailable {
        try (Connection side = connections.plain()) {
            side.setAutoCommit(true);
            ReplicationCatalog catalog = new ReplicationCatalog(side);
            catalog.ensurePublication(config.publication(), config.tables());
            clockOffsetMillis = clockOffset(catalog);
            boolean create = true;
            String why = "the slot " + slot + " is new";
            if (lease.shared()) {
                ReplicationCatalog.Slot existing = catalog.slot(slot);
                if (existing != null && existing.activePid() != null && holding) {
                    catalog.terminate(existing.activePid()); // a consumer that lost its lease: fenced off
                    awaitInactive(catalog);
                }
                if (!renewed()) {
                    return;
                }
                if (existing != null && existing.lost()) {
                    stats.fellBack("slot_lost");
                    catalog.dropSlot(slot);
                    why = "the slot " + slot + " was lost (wal_status=lost)";
                } else if (existing != null) {
                    create = false;
                }
            }
            if (!renewed()) {
                return;
            }
            String digest = config.ddlCheck().isZero() ? null : catalog.catalogDigest();
            boolean streamed = false;
            try (LogicalStream stream = LogicalStream.start(connections.replication(), slot, create, !lease.shared(),
                    config.publication(), config.statusInterval().toMillis())) {
                streamed = true;
                if (create) {
                    flush(why);
                } else if (downSinceNanos != 0 && System.nanoTime() - downSinceNanos > config.maxGap().toNanos()) {
                    flush("the stream was down for longer than " + config.maxGap());
                } else if (digest != null && !digest.equals(baselineDigest())) {
                    flush("the catalog changed while the stream was down (or its digest is not known)");
                }
                remember(digest);
                downSinceNanos = 0;
                flushedForOutage.set(false);
                stats.state(State.STREAMING);
                LOG.info("[{}] change capture streams slot {} of publication {}", name(), slot, config.publication());
                consume(stream, side, catalog);
            } finally {
                if (downSinceNanos == 0) {
                    downSinceNanos = System.nanoTime();
                }
                if (streamed && !lease.shared() && !closed) {
                    // the temporary slot went with its connection: what commits now reaches no slot
                    flush("the stream's temporary slot ended");
                }
            }
        }
    }

    /**
     * The server's clock minus this JVM's, from the quickest of a few round trips. Each sample reads
     * this JVM's clock before the query, so it errs by up to its round trip towards older commits and a
     * lag is never reported shorter than it was; the quickest sample keeps one slow round trip (a busy
     * machine, a stalled connection) from adding its seconds to every lag reported afterwards.
     */
    private static long clockOffset(ReplicationCatalog catalog) throws SQLException {
        long offset = 0;
        long quickest = Long.MAX_VALUE;
        for (int sample = 0; sample < 3; sample++) {
            long before = System.currentTimeMillis();
            long startedNanos = System.nanoTime();
            long server = catalog.serverMillis();
            long roundTrip = System.nanoTime() - startedNanos;
            if (roundTrip < quickest) {
                quickest = roundTrip;
                offset = server - before;
            }
        }
        return offset;
    }

    /** The digest the slot's position stands for: this node's, else the one its predecessor recorded. */
    private String baselineDigest() {
        if (knownDigest != null) {
            return knownDigest;
        }
        try {
            return lease.recordedDigest();
        } catch (RuntimeException e) {
            return null; // not known: the caller flushes
        }
    }

    private void remember(String digest) {
        if (digest == null) {
            return;
        }
        knownDigest = digest;
        try {
            lease.recordDigest(digest);
        } catch (RuntimeException e) {
            LOG.debug("[{}] cannot record the catalog digest: {}", name(), e.toString());
        }
    }

    private void consume(LogicalStream stream, Connection side, ReplicationCatalog catalog)
            throws SQLException, ReplicationCatalog.Unavailable {
        TransactionApplier applier = new TransactionApplier(runtime, scope, side, stream, clockOffsetMillis, this::flush);
        PgOutput decoder = new PgOutput();
        long now = System.nanoTime();
        long nextStatus = now;
        long nextDdlCheck = now + config.ddlCheck().toNanos();
        long idle = 0;
        while (!closed) {
            ByteBuffer message = stream.readPending();
            if (message != null) {
                decoder.decode(message, applier);
                idle = 0;
            } else if (!applier.inTransaction()) {
                stream.confirmReceived(); // between transactions: the slot need not keep the WAL of other databases
            }
            // also while messages keep coming (a backlog, a large transaction): the lease must not lapse
            if (!renewed()) {
                return;
            }
            if (pendingFlush != null) {
                flush(pendingFlush);
            }
            now = System.nanoTime();
            if (now - nextStatus >= 0) {
                nextStatus = now + config.statusInterval().toNanos();
                stats.lagBytes(Math.max(0, catalog.heldBytes(slot)));
                // an ALTER PUBLICATION that leaves changes out (publish=, WHERE) stops the stream within an interval
                catalog.ensurePublication(config.publication(), config.tables());
                ReplicationCatalog.Slot state = catalog.slot(slot);
                if (state == null || state.lost()) {
                    throw new ReplicationCatalog.Unavailable("slot_lost", "the slot " + slot
                            + (state == null ? " was dropped" : " was lost (wal_status=lost)"));
                }
            }
            if (knownDigest != null && now - nextDdlCheck >= 0) {
                nextDdlCheck = now + config.ddlCheck().toNanos();
                String current = catalog.catalogDigest();
                if (!current.equals(knownDigest)) {
                    flush("DDL changed the catalog");
                    remember(current);
                }
            }
            if (message == null) {
                idle = Math.min(MAX_IDLE_NANOS, Math.max(TimeUnit.MICROSECONDS.toNanos(200), idle * 2));
                LockSupport.parkNanos(idle);
            }
        }
    }

    private void awaitInactive(ReplicationCatalog catalog) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() - deadline < 0 && renewed()) {
            ReplicationCatalog.Slot state = catalog.slot(slot);
            if (state == null || state.activePid() == null) {
                return;
            }
            pause(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private void fallBack(String reason, String detail) {
        if (closed) {
            return;
        }
        stats.fellBack(reason);
        if (warned.add(name() + "|" + reason + "|" + slot)) {
            LOG.warn("[{}] change capture is not streaming ({}): {}; reads rely on the TTL until it is", name(), reason, detail);
        } else {
            LOG.debug("[{}] change capture is not streaming ({}): {}", name(), reason, detail);
        }
        if (downSinceNanos == 0) {
            downSinceNanos = System.nanoTime();
        }
    }

    /** Waits {@code nanos}, or less when closed. */
    private void pause(long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    /**
     * The watchdog's thread: flushes once when no stream has vouched for the cache for longer
     * than the max gap, whatever the consumer is blocked on (a slot's creation waits for running
     * transactions), and pays a flush that failed.
     */
    private void watch() {
        while (!closed) {
            LockSupport.parkNanos(WATCH_NANOS);
            renewIfDue();
            long down = downSinceNanos;
            if (down != 0 && System.nanoTime() - down > config.maxGap().toNanos() && flushedForOutage.compareAndSet(false, true)) {
                flush("no stream has vouched for the cache for longer than " + config.maxGap());
            } else if (pendingFlush != null && downSinceNanos != 0) {
                flush(pendingFlush);
            }
        }
    }

    /** Flushes the cache; when the store fails meanwhile, the flush is tried again until it succeeds. */
    private synchronized void flush(String why) {
        LOG.info("[{}] change capture flushes the cache: {}", name(), why);
        try {
            runtime.invalidateAll();
            stats.flushed();
            pendingFlush = null;
        } catch (RuntimeException e) {
            if (pendingFlush == null) {
                LOG.warn("[{}] the flush failed ({}); it is tried again", name(), e.toString());
            }
            pendingFlush = why;
        }
    }

    private void finish() {
        if (lease.shared() && !config.keepSlot() && holding) {
            dropSlot(); // only the holder: a node standing by leaves the slot to the consumer
        } else if (lease.shared() && !config.keepSlot() && stats.state() == State.FALLBACK) {
            LOG.warn("[{}] closing without the lease (the store does not answer): the slot {} is left; if no node "
                    + "consumes it any more, drop it with pg_drop_replication_slot('{}'), or it keeps WAL", name(), slot, slot);
        }
        lease.close();
        stats.state(State.CLOSED);
    }

    /** Drops the shared slot (its walsender may take a moment to let it go). */
    private void dropSlot() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        try (Connection side = connections.plain()) {
            ReplicationCatalog catalog = new ReplicationCatalog(side);
            while (true) {
                try {
                    catalog.dropSlot(slot);
                    return;
                } catch (SQLException e) {
                    if (!"55006".equals(e.getSQLState()) || System.nanoTime() - deadline > 0) {
                        throw e;
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("[{}] cannot drop the replication slot {}: {}; drop it with pg_drop_replication_slot('{}'), "
                    + "or it keeps WAL", name(), slot, e.toString(), slot);
        }
    }

    private String name() {
        return runtime.config().name();
    }

    /** Stops consuming; waits for the consumer to let go of its slot and lease. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        LockSupport.unpark(watchdog);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            watchdog.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
