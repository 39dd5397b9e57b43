package dl.data;

import java.util.Random;

/** Fisher-Yates shuffles of 0..n-1, the one source of random orders in this package. */
final class Permutations {

    private Permutations() {}

    /** A uniformly random permutation of 0..n-1 drawn from {@code rng}. */
    static int[] shuffled(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * A seed for epoch {@code epoch} of a stream seeded with {@code seed}: a SplitMix64 step, so
     * consecutive epochs get unrelated orders and epoch e repeats whatever ran before it.
     */
    static long mix(long seed, long epoch) {
        long z = seed + (epoch + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
