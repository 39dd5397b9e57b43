package dl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written word2vec gradients against central finite differences (fp64), for both
 * objectives, and for a whole training step (CBOW mean, skip-gram, subword rows).
 */
class Word2VecGradientTest {

    private static final double EPS = 1e-6;

    @Test
    void negativeSamplingObjectiveOfTheLecture() {
        // log σ(1) + log σ(−0) + log σ(−(−1)) = −0.313262 − 0.693147 − 0.313262
        double objective = Word2VecLoss.negativeSamplingObjective(1, 0, -1);
        assertEquals(-1.319671, objective, 1e-6);
        assertEquals(2 * Math.log(1 / (1 + Math.exp(-1))) + Math.log(0.5), objective, 1e-15);
    }

    @Test
    void logSigmoidIsStableForLargeScores() {
        assertEquals(-1000, Word2VecLoss.logSigmoid(-1000), 1e-9);
        assertEquals(-Math.exp(-40), Word2VecLoss.logSigmoid(40), 1e-30);
    }

    @Test
    void negativeSamplingGradientsMatchFiniteDifferences() {
        int d = 4;
        SplittableRandom rng = new SplittableRandom(1);
        double[] h = random(d, rng);
        double[] out = random(6 * d, rng);
        int target = 2;
        int[] negatives = {0, 5, 5, 3};    // a repeated noise word counts twice
        Objective f = (hh, oo) -> Word2VecLoss.negativeSampling(hh, oo.clone(), d, target, negatives, 4, new double[d], 0, new double[5]);
        double[] gradH = new double[d];
        double[] stepped = out.clone();
        double loss = Word2VecLoss.negativeSampling(h, stepped, d, target, negatives, 4, gradH, 1.0, new double[5]);
        assertEquals(f.loss(h, out), loss, 1e-15);
        assertMatches(numericH(f, h, out), gradH, "∂L/∂h");
        assertMatches(numericOut(f, h, out), difference(out, stepped), "∂L/∂v'");
    }

    @Test
    void softmaxGradientsMatchFiniteDifferences() {
        int d = 3;
        SplittableRandom rng = new SplittableRandom(2);
        double[] h = random(d, rng);
        double[] out = random(7 * d, rng);
        int first = 2;
        int count = 5;
        int target = 4;
        Objective f = (hh, oo) -> Word2VecLoss.softmax(hh, oo.clone(), d, first, count, target, new double[d], 0,
                new double[count]);
        double[] gradH = new double[d];
        double[] stepped = out.clone();
        Word2VecLoss.softmax(h, stepped, d, first, count, target, gradH, 1.0, new double[count]);
        assertMatches(numericH(f, h, out), gradH, "∂L/∂h");
        double[] g = difference(out, stepped);
        assertMatches(numericOut(f, h, out), g, "∂L/∂v'");
        for (int j = 0; j < first * d; j++) {
            assertEquals(0.0, g[j], 0.0, "rows outside the softmax stay untouched");
        }
    }

    @Test
    void softmaxLossIsCrossEntropyOfTheScores() {
        // h = (1, 0), rows give scores 2, 0, -1 over ids 1..3; target 1: L = -2 + ln(e^2 + 1 + e^-1)
        double[] out = {9, 9, 2, 0, 0, 5, -1, 0};
        double loss = Word2VecLoss.softmax(new double[] {1, 0}, out, 2, 1, 3, 1, new double[2], 0, new double[3]);
        assertEquals(-2 + Math.log(Math.exp(2) + 1 + Math.exp(-1)), loss, 1e-14);
    }

    @Test
    void wholeStepGradientsForCbowSkipGramSubwordsAndSoftmax() {
        List<List<String>> corpus = List.of(List.of("a", "b", "c", "d", "a", "b", "e"));
        Vocabulary v = Vocabulary.of(corpus);
        int a = v.id("a");
        int b = v.id("b");
        int c = v.id("c");
        int d = v.id("d");
        int e = v.id("e");
        Word2Vec[] configs = {
            Word2Vec.cbow().dimension(3).seed(5),
            Word2Vec.skipGram().dimension(3).seed(6),
            Word2Vec.cbow().dimension(3).subwords(2, 3, 11).seed(7),
            Word2Vec.skipGram().dimension(3).fullSoftmax().seed(8),
            Word2Vec.cbow().dimension(3).fullSoftmax().subwords(1, 2, 5).seed(9),
        };
        for (Word2Vec config : configs) {
            Word2VecTraining t = new Word2VecTraining(config, v, 3);
            SplittableRandom rng = new SplittableRandom(4);
            for (int i = 0; i < t.out.length; i++) {
                t.out[i] = rng.nextDouble() - 0.5;     // non-zero outputs, so every gradient is non-trivial
            }
            for (int i = 0; i < t.in.length; i++) {
                t.in[i] = rng.nextDouble() - 0.5;
            }
            // CBOW: context (a, b, b) predicts c; skip-gram: a predicts c
            int[] words = config.architecture() == Word2Vec.Architecture.CBOW ? new int[] {a, b, b} : new int[] {a};
            int[] rows = concat(t.inputRows, words);
            int[] negatives = {d, e, a};
            double[] in0 = t.in.clone();
            double[] out0 = t.out.clone();
            double loss = t.step(rows, rows.length, c, negatives, 3, 0);
            double maxAbs = 0;
            double[] numericIn = new double[in0.length];
            for (int i = 0; i < in0.length; i++) {
                numericIn[i] = central(t, rows, c, negatives, in0, out0, i, true);
                maxAbs = Math.max(maxAbs, Math.abs(numericIn[i]));
            }
            double[] numericOut = new double[out0.length];
            for (int i = 0; i < out0.length; i++) {
                numericOut[i] = central(t, rows, c, negatives, in0, out0, i, false);
            }
            System.arraycopy(in0, 0, t.in, 0, in0.length);
            System.arraycopy(out0, 0, t.out, 0, out0.length);
            assertEquals(loss, t.step(rows, rows.length, c, negatives, 3, 1.0), 1e-15);
            assertMatches(numericIn, difference(in0, t.in), config + " ∂L/∂in");
            assertMatches(numericOut, difference(out0, t.out), config + " ∂L/∂out");
            assertTrue(maxAbs > 1e-3, config + ": the input gradient should not vanish");
        }
    }

    private static double central(Word2VecTraining t, int[] rows, int target, int[] negatives, double[] in0,
            double[] out0, int i, boolean input) {
        double[] p = input ? t.in : t.out;
        double[] base = input ? in0 : out0;
        System.arraycopy(in0, 0, t.in, 0, in0.length);
        System.arraycopy(out0, 0, t.out, 0, out0.length);
        p[i] = base[i] + EPS;
        double up = t.step(rows, rows.length, target, negatives, 3, 0);
        p[i] = base[i] - EPS;
        double down = t.step(rows, rows.length, target, negatives, 3, 0);
        p[i] = base[i];
        return (up - down) / (2 * EPS);
    }

    private static int[] concat(int[][] inputRows, int[] words) {
        int n = 0;
        for (int w : words) {
            n += inputRows[w].length;
        }
        int[] out = new int[n];
        int k = 0;
        for (int w : words) {
            for (int r : inputRows[w]) {
                out[k++] = r;
            }
        }
        return out;
    }

    interface Objective {
        double loss(double[] h, double[] out);
    }

    private static double[] numericH(Objective f, double[] h, double[] out) {
        double[] g = new double[h.length];
        for (int j = 0; j < h.length; j++) {
            double[] up = h.clone();
            double[] down = h.clone();
            up[j] += EPS;
            down[j] -= EPS;
            g[j] = (f.loss(up, out) - f.loss(down, out)) / (2 * EPS);
        }
        return g;
    }

    private static double[] numericOut(Objective f, double[] h, double[] out) {
        double[] g = new double[out.length];
        for (int j = 0; j < out.length; j++) {
            double[] up = out.clone();
            double[] down = out.clone();
            up[j] += EPS;
            down[j] -= EPS;
            g[j] = (f.loss(h, up) - f.loss(h, down)) / (2 * EPS);
        }
        return g;
    }

    private static double[] difference(double[] before, double[] after) {
        double[] g = new double[before.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = before[i] - after[i];     // the step was p ← p − 1·∂L/∂p
        }
        return g;
    }

    private static double[] random(int n, SplittableRandom rng) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * rng.nextDouble() - 1;
        }
        return x;
    }

    private static void assertMatches(double[] numeric, double[] analytic, String what) {
        assertEquals(numeric.length, analytic.length, what);
        double worst = 0;
        for (int i = 0; i < numeric.length; i++) {
            worst = Math.max(worst, Math.abs(numeric[i] - analytic[i]));
        }
        assertTrue(worst < 1e-8, what + ": max |analytic - numeric| = " + worst);
    }
}
