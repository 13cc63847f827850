package dev.jdbccache.driver.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which key hashes were seen recently, approximately and in fixed memory: a Bloom filter (two bits
 * per key) cleared once as many new keys as an eighth of its bits have been marked, so that fewer
 * than one new key in twenty passes for a seen one (about one in fifty on average over a window).
 * The admission filter in front of a full local tier: a result is worth recording only when its
 * key comes back.
 *
 * <p>Thread-safe and lock-free; a race with a clear only makes a key look new once more.
 */
final class Doorkeeper {

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] words;
    private final int bitMask;
    private final int clearAfter;
    private final AtomicInteger marked = new AtomicInteger();

    /** @param bits a power of two, at least 64 */
    Doorkeeper(int bits) {
        if (bits < 64 || Integer.bitCount(bits) != 1) {
            throw new IllegalArgumentException("bits must be a power of two >= 64: " + bits);
        }
        this.words = new long[bits >>> 6];
        this.bitMask = bits - 1;
        this.clearAfter = bits >>> 3;
    }

    /** Marks {@code hash} as seen; true when it had been (probably) seen since the last clear. */
    boolean seenBefore(int hash) {
        // a product's upper bits depend on all of the hash's bits: take both indexes from there
        long mixed = hash * 0x9E3779B97F4A7C15L;
        boolean first = mark((int) (mixed >>> 40) & bitMask);
        boolean second = mark((int) (mixed >>> 20) & bitMask);
        if (first && second) {
            return true;
        }
        if (marked.incrementAndGet() >= clearAfter) {
            clear();
        }
        return false;
    }

    /** Sets one bit; true when it was set already. */
    private boolean mark(int bitIndex) {
        long bit = 1L << bitIndex; // shifts use the low six bits: the bit within its word
        long before = (long) WORDS.getAndBitwiseOr(words, bitIndex >>> 6, bit);
        return (before & bit) != 0;
    }

    private void clear() {
        marked.set(0);
        for (int i = 0; i < words.length; i++) {
            WORDS.setOpaque(words, i, 0L);
        }
    }
}
