package dl.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoiseDistributionTest {

    @Test
    void threeQuarterPowerOfTheLectureCounts() {
        // 100^0.75 = 31.6228, 10^0.75 = 5.6234, 1^0.75 = 1; sum 38.2462
        double[] p = NoiseDistribution.of(new long[] {100, 10, 1}).probabilities();
        assertArrayEquals(new double[] {0.826822, 0.147032, 0.026146}, p, 1e-6);
        double s = Math.pow(100, 0.75) + Math.pow(10, 0.75) + 1;
        assertEquals(Math.pow(10, 0.75) / s, p[1], 1e-15);
        assertArrayEquals(new double[] {0.900901, 0.090090, 0.009009},
                NoiseDistribution.of(new long[] {100, 10, 1}, 1.0).probabilities(), 1e-6);
    }

    @Test
    void samplesFollowTheProbabilitiesAndSkipZeroCounts() {
        long[] counts = {0, 0, 100, 10, 1, 50};
        NoiseDistribution noise = NoiseDistribution.of(counts);
        SplittableRandom rng = new SplittableRandom(7);
        int n = 200_000;
        int[] seen = new int[counts.length];
        for (int i = 0; i < n; i++) {
            seen[noise.sample(rng)]++;
        }
        assertEquals(0, seen[0]);
        assertEquals(0, seen[1]);
        double chi2 = 0;
        for (int w = 2; w < counts.length; w++) {
            double expected = n * noise.probability(w);
            chi2 += (seen[w] - expected) * (seen[w] - expected) / expected;
        }
        // 3 degrees of freedom: P(chi2 > 16.27) = 0.001
        assertTrue(chi2 < 16.27, "chi-square " + chi2 + " for counts " + java.util.Arrays.toString(seen));
    }

    @Test
    void badCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> NoiseDistribution.of(new long[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> NoiseDistribution.of(new long[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> NoiseDistribution.of(new long[] {1}, Double.NaN));
    }
}
