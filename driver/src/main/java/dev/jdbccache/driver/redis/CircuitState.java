package dev.jdbccache.driver.redis;

/** The state of the circuit breaker around Redis calls. */
public enum CircuitState {
    /** Calls go to Redis. */
    CLOSED,
    /** Redis failed repeatedly: calls are skipped (reads bypass, writes mark the store dirty). */
    OPEN,
    /** The open period ran out: one trial call goes to Redis; success closes the circuit. */
    HALF_OPEN
}
