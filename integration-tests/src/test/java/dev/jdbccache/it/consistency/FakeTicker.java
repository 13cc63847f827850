package dev.jdbccache.it.consistency;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told: lease expiry without sleeping. It can also hold one thread
 * at its next reading of the clock, to place that thread at an exact point of the protocol (the
 * table versions read the clock to judge leases). Thread-safe.
 */
final class FakeTicker implements Ticker {
    // not zero: nothing may rely on the clock starting at the epoch
    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(3).toNanos());
    private final AtomicReference<Hold> hold = new AtomicReference<>();

    private record Hold(Thread thread, CountDownLatch reached, CountDownLatch resume) {
    }

    @Override
    public long read() {
        Hold h = hold.get();
        if (h != null && h.thread == Thread.currentThread() && hold.compareAndSet(h, null)) {
            h.reached.countDown();
            try {
                h.resume.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return nanos.get();
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /**
     * The next time {@code thread} reads this clock, it opens {@code reached} and waits for
     * {@code resume} before the reading is taken.
     */
    void holdNextRead(Thread thread, CountDownLatch reached, CountDownLatch resume) {
        hold.set(new Hold(thread, reached, resume));
    }
}
