package dev.jdbccache.driver.cache;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the change-capture consumer of a cache does (cache.change-capture): its state, the changes
 * it applied, how far behind the database it is, and each fall-back with its reason. Thread-safe:
 * the consumer thread writes, anyone reads.
 */
public final class ChangeCaptureStats {

    /** The consumer's states; {@code OFF} when change capture is not configured. */
    public enum State { OFF, STARTING, STREAMING, STANDBY, FALLBACK, CLOSED }

    private volatile State state = State.OFF;
    private volatile String lastFallback = "";
    private final LongAdder transactions = new LongAdder();
    private final LongAdder rowChanges = new LongAdder();
    private final LongAdder escalations = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder flushes = new LongAdder();
    private final LongAdder takeovers = new LongAdder();
    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicLong lagBytes = new AtomicLong();
    private final AtomicLong largestTagSet = new AtomicLong();
    private final AtomicLong maxLagMillis = new AtomicLong();

    public State state() {
        return state;
    }

    public void state(State state) {
        this.state = state;
    }

    /** A committed transaction was applied: its row changes, the tags it bumped, and its commit's age when applied. */
    public void applied(long rows, int tags, long ageMillis) {
        largestTagSet.accumulateAndGet(tags, Math::max);
        transactions.increment();
        rowChanges.add(rows);
        lagMillis.set(Math.max(0, ageMillis));
        maxLagMillis.accumulateAndGet(ageMillis, Math::max);
    }

    /** A table's changes in one transaction were too many for row tags: it was invalidated whole. */
    public void escalated() {
        escalations.increment();
    }

    /**
     * The stream stopped being trusted for {@code reason} (reads fall back to the TTL meanwhile).
     * Counted once per outage and reason: a consumer retrying every second adds nothing.
     */
    public void fellBack(String reason) {
        if (state != State.FALLBACK || !reason.equals(lastFallback)) {
            fallbacks.increment();
        }
        lastFallback = reason;
        state = State.FALLBACK;
    }

    /** The cache was flushed because the stream could not vouch for what it holds. */
    public void flushed() {
        flushes.increment();
    }

    /** This node became the cache's consumer. */
    public void tookOver() {
        takeovers.increment();
    }

    /** WAL the slot holds that the consumer has not confirmed (bytes). */
    public void lagBytes(long bytes) {
        lagBytes.set(Math.max(0, bytes));
    }

    public long transactions() {
        return transactions.sum();
    }

    public long rowChanges() {
        return rowChanges.sum();
    }

    public long escalations() {
        return escalations.sum();
    }

    public long fallbacks() {
        return fallbacks.sum();
    }

    public long flushes() {
        return flushes.sum();
    }

    public long takeovers() {
        return takeovers.sum();
    }

    /** The age of the last applied commit when it was applied. */
    public long lagMillis() {
        return lagMillis.get();
    }

    public long lagBytes() {
        return lagBytes.get();
    }

    /** The largest age of a commit when it was applied, since the cache started. */
    public long maxLagMillis() {
        return maxLagMillis.get();
    }

    /** The most tags one transaction bumped: what the consumer held for it (bounded by the escalation). */
    public long largestTagSet() {
        return largestTagSet.get();
    }

    /** Why the stream last fell back; empty when it never did. */
    public String lastFallback() {
        return lastFallback;
    }

    void putInto(Map<String, Object> m) {
        m.put("change_capture.state", state.name().toLowerCase(Locale.ROOT));
        m.put("change_capture.transactions", transactions());
        m.put("change_capture.row_changes", rowChanges());
        m.put("change_capture.escalations", escalations());
        m.put("change_capture.lag_millis", lagMillis());
        m.put("change_capture.max_lag_millis", maxLagMillis());
        m.put("change_capture.lag_bytes", lagBytes());
        m.put("change_capture.largest_tag_set", largestTagSet());
        m.put("change_capture.fallbacks", fallbacks());
        m.put("change_capture.last_fallback", lastFallback());
        m.put("change_capture.flushes", flushes());
        m.put("change_capture.takeovers", takeovers());
    }
}
