package dev.jdbccache.driver.cache;

import dev.jdbccache.driver.result.Recording;
import dev.jdbccache.invalidation.TableVersions;
import dev.jdbccache.invalidation.VersionSnapshot;

/**
 * Where a cache keeps its entries and table versions: the local tier, Redis, or both. The reader
 * side is one call ({@link #lookup}: capture versions, check leases, find the entry), so that a
 * remote store can answer it in one round trip.
 *
 * <p>Implementations are thread-safe. They may throw a {@link RuntimeException} when the store
 * fails; the runtime then treats the read as a bypass, never as a query failure.
 */
public interface EntryStore extends AutoCloseable {

    /** The table versions and leases (writer side) of this store. */
    TableVersions versions();

    /**
     * Reader steps 1 to 3: captures the versions of {@code tags} (a read's tags for this
     * execution, {@link ReadPlan#tags}) and, unless a lease is live, finds the entry stored under
     * {@code key} with exactly those versions.
     */
    Lookup lookup(QueryKey key, String[] tags);

    /**
     * Reader step 4 (check-and-set fill): stores {@code recording} under {@code key} with the
     * captured versions, only if they are still current and no lease is live.
     *
     * @return true when stored
     */
    boolean fill(QueryKey key, VersionSnapshot captured, Recording recording, long ttlNanos);

    /**
     * True when the nodes sharing this store use the footprint settings of {@code signature}:
     * the first to ask records its own. A store of this JVM alone always agrees.
     *
     * @throws RuntimeException when the store cannot be asked
     */
    default boolean agreesOnFootprints(String signature) {
        return true;
    }

    /**
     * The lease that elects this cache's change-capture consumer for {@code slot}: in a store of
     * this JVM alone, always held ({@link ConsumerLease#OWN}).
     */
    default ConsumerLease consumerLease(String slot, java.time.Duration ttl) {
        return ConsumerLease.OWN;
    }

    /**
     * True when every invalidation so far reached the store. A shared store that failed one is
     * false until it has moved to a new epoch (which drops what the lost invalidation should
     * have); the change-capture consumer then confirms nothing to PostgreSQL.
     */
    default boolean holdsEveryInvalidation() {
        return true;
    }

    /** After every entry was invalidated: forget the recorded footprint settings too. */
    default void forgetFootprints() {
    }

    /** Drops every entry. */
    void clear();

    /** Entries held now (an estimate for remote stores). */
    long entryCount();

    /** Estimated bytes held now. */
    long weightedSize();

    /**
     * The store's health as a short word for stats and logs: {@code ok}, or a state of its own
     * (e.g. a circuit breaker's {@code open}). Never throws.
     */
    default String state() {
        return "ok";
    }

    /**
     * Asks the store to run {@code evicted} for each entry it drops to stay within its budget and
     * {@code expired} for each entry whose TTL ran out (for the stats). The callbacks are cheap
     * and never throw. Stores that cannot tell ignore this.
     */
    default void onRemoval(Runnable evicted, Runnable expired) {
    }

    @Override
    void close();

    /**
     * What a lookup found: a hit (the recording), or the captured versions for a miss (or a
     * bypass, when a lease was live). {@code worthRecording} is false for a miss the store would
     * not keep (a key seen once while the store evicts to make room): recording it is wasted work.
     */
    record Lookup(Recording recording, VersionSnapshot captured, boolean worthRecording) {

        public Lookup(Recording recording, VersionSnapshot captured) {
            this(recording, captured, true);
        }

        public boolean hit() {
            return recording != null;
        }

        public boolean leased() {
            return captured.leased();
        }
    }
}
