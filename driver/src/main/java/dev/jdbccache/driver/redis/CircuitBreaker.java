package dev.jdbccache.driver.redis;

import java.util.function.LongSupplier;

/**
 * Skips a failing Redis instead of waiting for its timeouts on every query: opens after
 * {@code threshold} consecutive failures, lets one trial call through after {@code openNanos}
 * (half-open), and closes on the first success. Every {@link #tryAcquire()} that returns true
 * must be followed by {@link #onSuccess()} or {@link #onFailure()}. Thread-safe.
 */
final class CircuitBreaker {

    private final int threshold;
    private final long openNanos;
    private final LongSupplier nanoClock;

    private CircuitState state = CircuitState.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;
    private long failures;
    private long rejected;
    private long opened;

    CircuitBreaker(int threshold, long openNanos, LongSupplier nanoClock) {
        this.threshold = threshold;
        this.openNanos = openNanos;
        this.nanoClock = nanoClock;
    }

    /** True when a call may go to Redis now; false while the circuit is open (the call is skipped). */
    synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoClock.getAsLong() - openedAt >= openNanos) {
                    state = CircuitState.HALF_OPEN;
                    trialInFlight = true;
                    return true;
                }
                rejected++;
                return false;
            default: // HALF_OPEN: one trial at a time
                if (trialInFlight) {
                    rejected++;
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    /** Redis answered. Returns true when this closed an open or half-open circuit. */
    synchronized boolean onSuccess() {
        consecutiveFailures = 0;
        trialInFlight = false;
        if (state != CircuitState.CLOSED) {
            state = CircuitState.CLOSED;
            return true;
        }
        return false;
    }

    /** Redis failed or timed out. Returns true when this opened the circuit. */
    synchronized boolean onFailure() {
        failures++;
        consecutiveFailures++;
        trialInFlight = false;
        if (state == CircuitState.HALF_OPEN || (state == CircuitState.CLOSED && consecutiveFailures >= threshold)) {
            state = CircuitState.OPEN;
            openedAt = nanoClock.getAsLong();
            opened++;
            return true;
        }
        return false;
    }

    synchronized CircuitState state() {
        return state;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized long failures() {
        return failures;
    }

    synchronized long rejected() {
        return rejected;
    }

    synchronized long opened() {
        return opened;
    }
}
