package dev.jdbccache.driver.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class DoorkeeperTest {

    @Test
    void aKeyIsNewTheFirstTimeAndSeenAfterwards() {
        Doorkeeper keeper = new Doorkeeper(1 << 16);
        assertFalse(keeper.markSeen(42));
        assertTrue(keeper.markSeen(42));
        assertTrue(keeper.markSeen(42));
        assertFalse(keeper.markSeen(43));
    }

    @Test
    void fewNewKeysPassForSeenOnesOverAWholeWindow() {
        SplittableRandom random = new SplittableRandom(7);
        assertFewMistakenOverAWindow(i -> random.nextInt());
    }

    @Test
    void sequentialHashesSpreadLikeRandomOnes() {
        // QueryKey hashes of keys whose last parameter counts up differ by 31^3 (three fields follow it)
        assertFewMistakenOverAWindow(i -> 1_000_003 + 29_791 * i);
    }

    /** Marks a window of new keys (one short of the clear): fewer than 1 in 40 may pass for seen. */
    private static void assertFewMistakenOverAWindow(IntUnaryOperator hashOfKey) {
        int bits = 1 << 16;
        Doorkeeper keeper = new Doorkeeper(bits);
        int window = bits / 8 - 1;
        int mistaken = 0;
        for (int i = 0; i < window; i++) {
            if (keeper.markSeen(hashOfKey.applyAsInt(i))) {
                mistaken++;
            }
        }
        assertTrue(mistaken < window / 40, "new keys taken for seen ones: " + mistaken + " of " + window);
    }

    @Test
    void itForgetsEverythingAfterAnEighthOfItsBitsInNewKeys() {
        int bits = 1 << 16;
        Doorkeeper keeper = new Doorkeeper(bits);
        assertFalse(keeper.markSeen(-1));
        SplittableRandom random = new SplittableRandom(11);
        // a window of new keys and a tenth more (a few of them pass for seen ones and do not count)
        for (int i = 0; i < bits / 8 + bits / 80; i++) {
            keeper.markSeen(random.nextInt());
        }
        assertFalse(keeper.markSeen(-1), "cleared: the first key is new again");
    }

    @Test
    void justBeforeAClearAboutOneNewKeyInTwentyPassesForASeenOne() {
        int bits = Doorkeeper.MAX_BITS;
        Doorkeeper keeper = new Doorkeeper(bits);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < bits / 8 - 2_000; i++) {
            keeper.markSeen(random.nextInt());
        }
        int mistaken = 0;
        for (int i = 0; i < 1_000; i++) { // the last thousand new keys before the clear
            if (keeper.markSeen(random.nextInt())) {
                mistaken++;
            }
        }
        assertTrue(mistaken < 70, "new keys taken for seen ones near the end of a window: " + mistaken + " of 1000");
    }

    @Test
    void itsSizeIsAPowerOfTwoUpToTheMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new Doorkeeper(1000));
        assertThrows(IllegalArgumentException.class, () -> new Doorkeeper(32));
        assertThrows(IllegalArgumentException.class, () -> new Doorkeeper(Doorkeeper.MAX_BITS * 2));
    }
}
