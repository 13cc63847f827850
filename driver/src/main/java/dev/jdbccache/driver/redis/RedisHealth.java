package dev.jdbccache.driver.redis;

/**
 * A snapshot of a Redis-backed store's health, for metrics and tests.
 *
 * @param circuit the circuit breaker's state now
 * @param consecutiveFailures failures since the last success
 * @param failures Redis calls that failed or timed out, in total
 * @param rejected calls skipped because the circuit was open
 * @param circuitOpened how often the circuit opened
 * @param epochChanges how often this node saw a new epoch (Redis restarted, flushed, or advanced)
 * @param dirty true while a writer step failed and the epoch must be advanced when Redis returns
 * @param degradedWrites writer steps Redis could only apply partly (out of memory): their tables'
 *     counters were removed instead
 * @param rejectedEntries entries that were corrupt, unsigned or for another key: treated as misses
 * @param mirrorLive tiered relaxed only: the local tier's pub/sub mirror is in sync now
 */
public record RedisHealth(CircuitState circuit, int consecutiveFailures, long failures, long rejected,
        long circuitOpened, long epochChanges, boolean dirty, long degradedWrites, long rejectedEntries,
        boolean mirrorLive) {
}
