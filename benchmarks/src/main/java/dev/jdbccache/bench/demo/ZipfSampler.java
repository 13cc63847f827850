package dev.jdbccache.bench.demo;

import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Draws keys {@code 1..n} with Zipf-distributed popularity: the key of popularity rank {@code r}
 * has probability proportional to {@code 1 / r^s}. Ranks are mapped to keys through a fixed
 * shuffle, so popular keys are scattered over the key space (and over categories) rather than
 * being the lowest ids.
 *
 * <p>Immutable and thread-safe; each caller passes its own random generator.
 */
final class ZipfSampler {
    private final double[] cumulative;
    private final int[] keyOfRank;

    ZipfSampler(int n, double s, long shuffleSeed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 1; rank <= n; rank++) {
            sum += 1 / Math.pow(rank, s);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        keyOfRank = shuffledKeys(n, new Random(shuffleSeed));
    }

    int next(RandomGenerator random) {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return keyOfRank[low];
    }

    private static int[] shuffledKeys(int n, Random random) {
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = i + 1;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = keys[i];
            keys[i] = keys[j];
            keys[j] = swap;
        }
        return keys;
    }
}
