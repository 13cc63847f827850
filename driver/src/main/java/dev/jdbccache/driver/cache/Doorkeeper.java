package dev.jdbccache.driver.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which key hashes were seen recently, approximately and in fixed memory: a Bloom filter (two
 * hash positions per key) cleared once as many new keys as an eighth of its bits have been
 * marked. Just before a clear about one new key in twenty passes for a seen one, about one in
 * fifty-five on average over a window. The admission filter in front of a full local tier: a
 * result is worth recording only when its key comes back before the next clear.
 *
 * <p>Thread-safe and lock-free; a race with a clear only makes a key look new once more.
 */
final class Doorkeeper {

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] words;
    private final int bitMask;
    private final int clearAfter;
    private final AtomicInteger marked = new AtomicInteger();

    /** Most bits (128 KiB); each hash position comes from its own 32 bits of the mixed hash. */
    static final int MAX_BITS = 1 << 20;

    /** @param bits a power of two from 64 to {@link #MAX_BITS} */
    Doorkeeper(int bits) {
        if (bits < 64 || bits > MAX_BITS || Integer.bitCount(bits) != 1) {
            throw new IllegalArgumentException("bits must be a power of two from 64 to " + MAX_BITS + ": " + bits);
        }
        this.words = new long[bits >>> 6];
        this.bitMask = bits - 1;
        this.clearAfter = bits >>> 3;
    }

    /** Marks {@code hash} as seen; true when it had (probably) been seen already since the last clear. */
    boolean markSeen(int hash) {
        long mixed = mix(hash);
        boolean first = mark((int) mixed & bitMask);
        boolean second = mark((int) (mixed >>> 32) & bitMask);
        if (first && second) {
            return true;
        }
        if (marked.incrementAndGet() >= clearAfter) {
            clear();
        }
        return false;
    }

    /**
     * MurmurHash3's 64-bit finalizer: every bit of the result depends on every bit of the hash,
     * so the two halves serve as independent positions even for hashes that differ by a constant
     * step (keys whose last parameter counts up). A plain multiply left such keys on a lattice:
     * one new key in six passed for a seen one.
     */
    private static long mix(int hash) {
        long z = hash;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
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
