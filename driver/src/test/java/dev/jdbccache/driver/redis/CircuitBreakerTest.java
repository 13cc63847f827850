package dev.jdbccache.driver.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker circuit = new CircuitBreaker(3, 1_000, now::get);

    @Test
    void opensAfterConsecutiveFailures_only() {
        fail();
        fail();
        succeed(); // resets the count
        fail();
        fail();
        assertEquals(CircuitState.CLOSED, circuit.state());
        fail();
        assertEquals(CircuitState.OPEN, circuit.state());
        assertFalse(circuit.tryAcquire(), "an open circuit skips calls");
        assertEquals(1, circuit.rejected());
        assertEquals(1, circuit.opened());
    }

    @Test
    void halfOpensOnTheTimer_withOneTrial_andClosesOnSuccess() {
        fail();
        fail();
        fail();
        now.addAndGet(999);
        assertFalse(circuit.tryAcquire());
        now.addAndGet(1);
        assertTrue(circuit.tryAcquire(), "the trial call");
        assertEquals(CircuitState.HALF_OPEN, circuit.state());
        assertFalse(circuit.tryAcquire(), "one trial at a time");
        assertTrue(circuit.onSuccess(), "the success closes it");
        assertEquals(CircuitState.CLOSED, circuit.state());
        assertTrue(circuit.tryAcquire());
    }

    @Test
    void aFailedTrialOpensAgainForAnotherPeriod() {
        fail();
        fail();
        fail();
        now.addAndGet(1_000);
        assertTrue(circuit.tryAcquire());
        assertTrue(circuit.onFailure());
        assertEquals(CircuitState.OPEN, circuit.state());
        now.addAndGet(500);
        assertFalse(circuit.tryAcquire());
        assertEquals(2, circuit.opened());
        assertEquals(4, circuit.failures());
    }

    private void fail() {
        assertTrue(circuit.tryAcquire());
        circuit.onFailure();
    }

    private void succeed() {
        assertTrue(circuit.tryAcquire());
        circuit.onSuccess();
    }
}
