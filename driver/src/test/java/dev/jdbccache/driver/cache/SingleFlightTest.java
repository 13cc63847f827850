package dev.jdbccache.driver.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The flights of {@link SingleFlight}: who leads, who follows, and that none outlives its leader. */
class SingleFlightTest {

    private final SingleFlight flights = new SingleFlight();
    private final QueryKey key = new QueryKey("db", "select 1", new Object[0], "", 0, ResultSet.TYPE_FORWARD_ONLY);
    private final QueryKey other = new QueryKey("db", "select 2", new Object[0], "", 0, ResultSet.TYPE_FORWARD_ONLY);

    @Test
    void theFirstMissLeads_theNextFollow_otherKeysLeadTheirOwn() {
        SingleFlight.Flight leader = flights.join(key);
        assertTrue(leader.leading());
        assertFalse(flights.join(key).leading());
        assertTrue(flights.join(other).leading());
        assertEquals(2, flights.inFlight());
    }

    @Test
    void aFollowerIsReleasedWhenTheLeaderEnds_andTheFlightIsGone() throws Exception {
        SingleFlight.Flight leader = flights.join(key);
        SingleFlight.Flight follower = flights.join(key);
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
            try {
                return follower.awaitLeader();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        leader.executed();
        leader.ended();
        assertTrue(waited.get(10, TimeUnit.SECONDS), "the leader ended in time");
        assertEquals(0, flights.inFlight(), "an ended flight is forgotten");
        assertTrue(flights.join(key).leading(), "the next miss leads a new flight");
    }

    @Test
    void aLeaderWhoseExecutionFails_releasesItsFollowers() throws Exception {
        SingleFlight.Flight leader = flights.join(key);
        SingleFlight.Flight follower = flights.join(key);
        leader.ended(); // as CachingConnection does when the execution throws
        assertTrue(follower.awaitLeader());
        assertEquals(0, flights.inFlight());
    }

    @Test
    void aFollowerStopsWaiting_afterAsLongAsTheLeadersExecutionTook() throws Exception {
        SingleFlight.Flight leader = flights.join(key);
        SingleFlight.Flight follower = flights.join(key);
        leader.executed(); // at once: its execution took next to nothing, and its rows never end
        assertFalse(follower.awaitLeader(), "the follower runs the query itself");
    }

    @Test
    void aFlightWhoseLeaderNeverEnded_isTakenOverOnceStale() throws Exception {
        long before = System.nanoTime();
        SingleFlight.Flight abandoned = flights.join(key);
        abandoned.executed();
        long executedBy = System.nanoTime();
        // stale once longer has passed since its execution than the execution took (at least 1 ms);
        // before..executedBy bounds both, however long this thread was descheduled in between
        long staleAfter = Math.max(executedBy - before, TimeUnit.MILLISECONDS.toNanos(1));
        while (System.nanoTime() - executedBy <= staleAfter) {
            Thread.sleep(1);
        }
        assertTrue(flights.join(key).leading(), "a new miss leads instead of waiting for it");
        assertEquals(1, flights.inFlight());
    }

    @Test
    void endingTwiceOrEndingAFollower_changesNothing() {
        SingleFlight.Flight leader = flights.join(key);
        SingleFlight.Flight follower = flights.join(key);
        follower.ended();
        assertEquals(1, flights.inFlight(), "a follower cannot end the leader's flight");
        leader.ended();
        leader.ended();
        assertEquals(0, flights.inFlight());
    }
}
