package dev.jdbccache.driver.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Concurrent misses of one key run the query once: the first becomes the flight's leader and
 * records as usual; the others wait for its entry and then look it up again. A waiter waits
 * until the leader's execution returns (its own would not have returned sooner, at most
 * {@link #MAX_EXECUTION_WAIT_NANOS}), and then at most as long as that execution took, for the
 * leader's rows to be read and stored; after that it runs the query itself. Nothing is shared
 * but the stored entry, so a waiter's answer is exactly a hit's. Thread-safe.
 */
public final class SingleFlight {

    /** The longest a waiter waits for a leader's execution to return. */
    static final long MAX_EXECUTION_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ConcurrentHashMap<QueryKey, Flight> flights = new ConcurrentHashMap<>();

    /**
     * The flight of {@code key}: a new one led by the caller ({@link Flight#leading()}), or the
     * one another thread leads now.
     */
    public Flight join(QueryKey key) {
        Flight mine = new Flight(this, key, true);
        Flight running = flights.putIfAbsent(key, mine);
        if (running == null) {
            return mine;
        }
        if (running.stale()) {
            // its leader executed longer ago than its execution took and never ended it: take over
            flights.remove(key, running);
            running = flights.putIfAbsent(key, mine);
            if (running == null) {
                return mine;
            }
        }
        return new Flight(this, key, false).following(running);
    }

    /** Flights in the air now (for tests and stats). */
    public int inFlight() {
        return flights.size();
    }

    /** One miss's part in a flight: the leader's, or a follower's. */
    public static final class Flight {
        private final SingleFlight registry;
        private final QueryKey key;
        private final boolean leading;
        private final long startNanos = System.nanoTime();
        private final CountDownLatch executed = new CountDownLatch(1);
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile long executedAtNanos;
        private Flight leader; // a follower's

        private Flight(SingleFlight registry, QueryKey key, boolean leading) {
            this.registry = registry;
            this.key = key;
            this.leading = leading;
        }

        private Flight following(Flight running) {
            this.leader = running;
            return this;
        }

        public boolean leading() {
            return leading;
        }

        /** The leader's execution returned (its rows are still to be read). */
        public void executed() {
            if (leading && executed.getCount() > 0) {
                executedAtNanos = System.nanoTime();
                executed.countDown();
            }
        }

        /** The leader's part is over: its entry is stored, or will not be. Idempotent. */
        public void ended() {
            if (leading && ended.getCount() > 0) {
                executed();
                ended.countDown();
                registry.flights.remove(key, this);
            }
        }

        private boolean stale() {
            long at = executedAtNanos;
            return at != 0 && System.nanoTime() - at > Math.max(at - startNanos, TimeUnit.MILLISECONDS.toNanos(1));
        }

        /**
         * A follower: waits for the leader as the class describes. True when the leader ended in
         * time (its entry may then be there), false when the follower should run the query.
         */
        public boolean awaitLeader() throws InterruptedException {
            if (leading) {
                throw new IllegalStateException("the leader does not wait");
            }
            Flight l = leader;
            if (!l.executed.await(MAX_EXECUTION_WAIT_NANOS, TimeUnit.NANOSECONDS)) {
                return false;
            }
            long execution = Math.max(l.executedAtNanos - l.startNanos, 0);
            return l.ended.await(execution, TimeUnit.NANOSECONDS);
        }
    }
}
