package dl.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final double[] LOGITS = {1, 2, 3};

    @Test
    void probabilitiesAreTheTemperedSoftmaxByHand() {
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(new double[] {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z},
                Sampler.temperature(1).probabilities(LOGITS), 1e-15);
        // T = 0.5 doubles the logits
        double z2 = Math.exp(2) + Math.exp(4) + Math.exp(6);
        assertArrayEquals(new double[] {Math.exp(2) / z2, Math.exp(4) / z2, Math.exp(6) / z2},
                Sampler.temperature(0.5).probabilities(LOGITS), 1e-15);
        // top-2 drops id 0 and renormalises
        double zk = Math.exp(2) + Math.exp(3);
        assertArrayEquals(new double[] {0, Math.exp(2) / zk, Math.exp(3) / zk},
                Sampler.temperature(1).topK(2).probabilities(LOGITS), 1e-15);
        // large T tends to uniform
        double[] flat = Sampler.temperature(1e6).probabilities(LOGITS);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, flat, 1e-6);
    }

    @Test
    void temperatureZeroIsArgmaxAndSmallTemperatureApproachesIt() {
        assertArrayEquals(new double[] {0, 0, 1}, Sampler.greedy().probabilities(LOGITS), 0.0);
        assertEquals(2, Sampler.greedy().sample(LOGITS));
        assertEquals(0, Sampler.greedy().sample(new double[] {5, 5, 1}), "ties go to the lower id");
        Sampler cold = Sampler.temperature(1e-3).seed(3);
        for (int i = 0; i < 2000; i++) {
            assertEquals(2, cold.sample(new double[] {1, 2.9, 3}));
        }
        assertEquals(1.0, Sampler.temperature(1e-3).probabilities(new double[] {1, 2.9, 3})[2], 1e-40);
    }

    @Test
    void topKNeverPicksOutsideTheK() {
        Random r = new Random(5);
        double[] logits = new double[20];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = r.nextGaussian();
        }
        Integer[] order = new Integer[20];
        for (int i = 0; i < 20; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(logits[b], logits[a]));
        boolean[] inTop = new boolean[20];
        for (int i = 0; i < 3; i++) {
            inTop[order[i]] = true;
        }
        Sampler s = Sampler.temperature(5).topK(3).seed(8);    // hot, so outside ids would be likely without top-k
        int[] seen = new int[20];
        for (int i = 0; i < 20_000; i++) {
            int id = s.sample(logits);
            assertTrue(inTop[id], "drew id " + id + " outside the top 3 " + Arrays.toString(Arrays.copyOf(order, 3)));
            seen[id]++;
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(seen[order[i]] > 5000, "each of the top 3 is drawn: " + Arrays.toString(seen));
        }
        // ties at the k-th place: exactly k ids stay
        double[] p = Sampler.temperature(1).topK(2).probabilities(new double[] {1, 1, 1, 0});
        assertArrayEquals(new double[] {0.5, 0.5, 0, 0}, p, 1e-15);
    }

    @Test
    void drawsFollowTheDistribution() {
        double[] logits = {0.5, -1, 2, 0, 1.2, -0.3};
        Sampler s = Sampler.temperature(0.7).topK(4).seed(11);
        double[] p = s.probabilities(logits);
        int n = 100_000;
        int[] seen = new int[logits.length];
        for (int i = 0; i < n; i++) {
            seen[s.sample(logits)]++;
        }
        double chi2 = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                chi2 += (seen[i] - n * p[i]) * (seen[i] - n * p[i]) / (n * p[i]);
            } else {
                assertEquals(0, seen[i], "id " + i + " has probability 0");
            }
        }
        // 3 degrees of freedom: P(chi2 > 16.27) = 0.001
        assertTrue(chi2 < 16.27, "chi-square " + chi2 + " for " + Arrays.toString(seen) + " against " + Arrays.toString(p));
    }

    @Test
    void seededSamplersRepeat() {
        double[] logits = {0, 0, 0, 0, 0, 0, 0, 0};
        int[] a = new int[50];
        int[] b = new int[50];
        int[] c = new int[50];
        Sampler s1 = Sampler.temperature(1).seed(4);
        Sampler s2 = Sampler.temperature(1).seed(4);
        Sampler s3 = Sampler.temperature(1).seed(5);
        for (int i = 0; i < 50; i++) {
            a[i] = s1.sample(logits);
            b[i] = s2.sample(logits);
            c[i] = s3.sample(logits);
        }
        assertArrayEquals(a, b);
        assertNotEquals(Arrays.toString(a), Arrays.toString(c));
    }

    @Test
    void maskedLogitsAreNeverDrawn() {
        double inf = Double.NEGATIVE_INFINITY;
        Sampler s = Sampler.temperature(2).seed(1);
        for (int i = 0; i < 1000; i++) {
            assertEquals(1, s.sample(new double[] {inf, 0.3, inf}));
        }
        assertEquals(1, Sampler.temperature(1).topK(2).sample(new double[] {inf, 0.3, inf}));
    }

    @Test
    void generateAppendsUntilTheStopId() {
        // a "model" that always predicts last + 1 (mod 5), strongly
        java.util.function.Function<int[], double[]> next = seq -> {
            double[] z = new double[5];
            z[(seq[seq.length - 1] + 1) % 5] = 20;
            return z;
        };
        assertArrayEquals(new int[] {2, 3, 4, 0, 1}, Sampler.greedy().generate(new int[] {2}, 4, next, -1));
        assertArrayEquals(new int[] {2, 3, 4}, Sampler.greedy().generate(new int[] {2}, 10, next, 4));
        assertArrayEquals(new int[] {2}, Sampler.greedy().generate(new int[] {2}, 0, next, 4));
    }

    @Test
    void inputsOfOtherTypes() {
        assertEquals(2, Sampler.greedy().sample(new float[] {1, 2, 3}));
        assertEquals(2, Sampler.greedy().sample(dl.tensor.Tensor.of(1, 2, 3)));
        assertEquals(2, Sampler.greedy().sample(org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{1, 2, 3}})));
    }

    @Test
    void badInputIsExplained() {
        assertThrows(IllegalArgumentException.class, () -> Sampler.temperature(-1));
        assertThrows(IllegalArgumentException.class, () -> Sampler.temperature(1).topK(0));
        var e = assertThrows(IllegalArgumentException.class, () -> Sampler.greedy().sample(new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("logit 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sampler.greedy().sample(new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> Sampler.greedy().sample(new double[] {Double.NEGATIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class,
                () -> Sampler.greedy().sample(org.nd4j.linalg.factory.Nd4j.zeros(2, 3)));
    }
}
