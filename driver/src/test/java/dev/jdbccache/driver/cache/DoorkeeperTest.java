package dev.jdbccache.driver.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DoorkeeperTest {

    @Test
    void aKeyIsNewTheFirstTimeAndSeenAfterwards() {
        Doorkeeper keeper = new Doorkeeper(1 << 16);
        assertFalse(keeper.seenBefore(42));
        assertTrue(keeper.seenBefore(42));
        assertTrue(keeper.seenBefore(42));
        assertFalse(keeper.seenBefore(43));
    }

    @Test
    void fewNewKeysPassForSeenOnesOverAWholeWindow() {
        int bits = 1 << 16;
        Doorkeeper keeper = new Doorkeeper(bits);
        SplittableRandom random = new SplittableRandom(7);
        int window = bits / 8 - 1; // one short of the clear
        int mistaken = 0;
        for (int i = 0; i < window; i++) {
            if (keeper.seenBefore(random.nextInt())) {
                mistaken++;
            }
        }
        assertTrue(mistaken < window / 40, "new keys taken for seen ones: " + mistaken + " of " + window);
    }

    @Test
    void sequentialHashesSpreadLikeRandomOnes() {
        // QueryKey hashes of consecutive parameters differ by small steps
        int bits = 1 << 16;
        Doorkeeper keeper = new Doorkeeper(bits);
        int window = bits / 8 - 1;
        int mistaken = 0;
        for (int i = 0; i < window; i++) {
            if (keeper.seenBefore(1_000_003 + 31 * i)) {
                mistaken++;
            }
        }
        assertTrue(mistaken < window / 40, "new keys taken for seen ones: " + mistaken + " of " + window);
    }

    @Test
    void itForgetsEverythingAfterAnEighthOfItsBitsInNewKeys() {
        int bits = 1 << 16;
        Doorkeeper keeper = new Doorkeeper(bits);
        assertFalse(keeper.seenBefore(-1));
        SplittableRandom random = new SplittableRandom(11);
        // a window of new keys and a tenth more (a few of them pass for seen ones and do not count)
        for (int i = 0; i < bits / 8 + bits / 80; i++) {
            keeper.seenBefore(random.nextInt());
        }
        assertFalse(keeper.seenBefore(-1), "cleared: the first key is new again");
    }

    @Test
    void itsSizeIsAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new Doorkeeper(1000));
        assertThrows(IllegalArgumentException.class, () -> new Doorkeeper(32));
    }
}
