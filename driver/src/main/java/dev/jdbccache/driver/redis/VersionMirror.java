package dev.jdbccache.driver.redis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What the local tier knows about writes, fed by the writers' pub/sub messages
 * ({@code cache.tiered.consistency=relaxed}). Every writer script increments one publish sequence
 * number and publishes it with the epoch and the tables it touched; the mirror remembers, per
 * table, the last sequence that touched it. A local entry stamped with the sequence at which Redis
 * validated it may be served while no table of it was touched after that stamp.
 *
 * <p>It is only trusted while it is provably current: subscribed and synchronised (epoch and
 * sequence read after the subscription was confirmed), no gap in the sequence, and a heartbeat
 * PING answered recently: Redis sends a PONG after every message published before it processed the
 * PING, so once the PONG for a PING sent at time p arrives, every write published before p has
 * been applied. Any doubt (gap, other epoch, unknown sequence, disconnect) resets it and empties
 * the local tier. Updated by the subscriber thread; read by any thread.
 */
final class VersionMirror {

    private final long maxLagNanos;
    private final LongSupplier nanoClock;
    private final Runnable onReset;
    private final Map<String, Long> touched = new ConcurrentHashMap<>();
    private volatile long globalTouched = -1;
    private volatile boolean synced;
    private volatile String epoch = "";
    private volatile long baseSeq;
    private volatile long lastSeq;
    private volatile long confirmedAt;
    private volatile boolean confirmed;

    VersionMirror(long maxLagNanos, LongSupplier nanoClock, Runnable onReset) {
        this.maxLagNanos = maxLagNanos;
        this.nanoClock = nanoClock;
        this.onReset = onReset;
    }

    /** Subscriber thread: the subscription is confirmed and Redis's epoch and sequence were read after it. */
    void synced(String newEpoch, long seq) {
        touched.clear();
        globalTouched = -1;
        epoch = newEpoch;
        baseSeq = seq;
        lastSeq = seq;
        confirmed = false;
        synced = true;
        onReset.run();
    }

    /**
     * Subscriber thread: one writer's message. Returns false when the mirror lost track (it is
     * then reset and must be synchronised again).
     */
    boolean message(String messageEpoch, String seqText, boolean global, String[] tables) {
        if (!synced) {
            return true; // not yet synchronised: the sync that follows covers it
        }
        if (!messageEpoch.equals(epoch) || "?".equals(seqText)) {
            down();
            return false;
        }
        long seq;
        try {
            seq = Long.parseLong(seqText);
        } catch (NumberFormatException e) {
            down();
            return false;
        }
        if (seq <= lastSeq) {
            return true; // published before the sync read the sequence: already covered
        }
        if (seq != lastSeq + 1) {
            down(); // a message was lost (or the sequence restarted): nothing local can be trusted
            return false;
        }
        if (global) {
            globalTouched = seq;
        }
        for (String table : tables) {
            touched.put(table, seq);
        }
        lastSeq = seq; // after the tables: a reader that sees this sequence sees their stamps
        return true;
    }

    /** Subscriber thread: the PONG of a heartbeat sent at {@code sentAtNanos} arrived. */
    void confirmed(long sentAtNanos) {
        if (!confirmed || sentAtNanos - confirmedAt > 0) {
            confirmedAt = sentAtNanos;
            confirmed = true;
        }
    }

    /** The subscription dropped or lost track: nothing local may be served until the next sync. */
    void down() {
        if (synced) {
            synced = false;
            onReset.run();
        }
    }

    boolean live() {
        return synced && confirmed && nanoClock.getAsLong() - confirmedAt <= maxLagNanos;
    }

    String epoch() {
        return epoch;
    }

    /**
     * True when an entry of {@code tables}, validated by Redis at sequence {@code seq} in
     * {@code entryEpoch}, may be served: the mirror is live and no write touched its tables (or
     * the global version) after {@code seq}.
     */
    boolean allows(String[] tables, long seq, String entryEpoch) {
        // the heartbeat first: its PONG was processed after every message it vouches for, so
        // reading it before the stamps makes those messages' stamps visible here
        if (!live()) {
            return false;
        }
        if (!entryEpoch.equals(epoch) || seq < baseSeq || globalTouched > seq) {
            return false;
        }
        for (String table : tables) {
            Long stamp = touched.get(table);
            if (stamp != null && stamp > seq) {
                return false;
            }
        }
        return true;
    }
}
