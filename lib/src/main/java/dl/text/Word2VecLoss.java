package dl.text;

/**
 * The two word2vec objectives for one example, with their gradients written out.
 *
 * <p>An example is a hidden vector h [d] (the input word's vector for skip-gram, the mean of the
 * context vectors for CBOW) and a target word O; v'_w is row w of the output matrix. Scores are
 * s_w = ⟨v'_w, h⟩.
 *
 * <p><b>Negative sampling</b> with noise words n_1..n_k (maximise the first line, minimise the loss L = −it):
 * <pre>
 *   log σ(s_O) + Σ_i log σ(−s_{n_i})
 *   ∂L/∂h     = (σ(s_O) − 1) v'_O + Σ_i σ(s_{n_i}) v'_{n_i}
 *   ∂L/∂v'_O  = (σ(s_O) − 1) h,      ∂L/∂v'_{n_i} = σ(s_{n_i}) h
 * </pre>
 * <p><b>Full softmax</b> over the output rows first..first+count−1:
 * <pre>
 *   L = −s_O + log Σ_w exp(s_w),   p_w = softmax(s)_w
 *   ∂L/∂h = Σ_w p_w v'_w − v'_O,    ∂L/∂v'_w = (p_w − [w = O]) h
 * </pre>
 * Each method returns L at the current parameters, adds ∂L/∂h into {@code gradH}, and takes the
 * SGD step v' ← v' − lr ∂L/∂v' on the output rows (∂L/∂h is computed from the rows before their step).
 * With lr = 0 it only evaluates. A repeated noise word counts once per draw.
 */
public final class Word2VecLoss {

    private Word2VecLoss() {}

    /** The negative-sampling objective log σ(s_O) + Σ log σ(−s_i) (to be maximised) from its scores. */
    public static double negativeSamplingObjective(double positiveScore, double... negativeScores) {
        double sum = logSigmoid(positiveScore);
        for (double s : negativeScores) {
            sum += logSigmoid(-s);
        }
        return sum;
    }

    /** ⟨a[offset .. offset+d), b[0 .. d)⟩ with four partial sums, so the additions need not wait on each other. */
    static double dot(double[] a, int offset, double[] b, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < d; j += 4) {
            s0 += a[offset + j] * b[j];
            s1 += a[offset + j + 1] * b[j + 1];
            s2 += a[offset + j + 2] * b[j + 2];
            s3 += a[offset + j + 3] * b[j + 3];
        }
        for (; j < d; j++) {
            s0 += a[offset + j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** log σ(x), accurate for large |x|. */
    static double logSigmoid(double x) {
        return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /**
     * Negative-sampling loss −(log σ(s_O) + Σ log σ(−s_n)); see the class comment. All scores are taken
     * before any row moves, so a noise word drawn twice gets the exact gradient (two terms) rather
     * than a second term at already-updated weights. {@code scratch} holds at least negativeCount + 1 values.
     */
    static double negativeSampling(double[] h, double[] out, int d, int target, int[] negatives, int negativeCount,
            double[] gradH, double lr, double[] scratch) {
        double loss = 0;
        for (int i = -1; i < negativeCount; i++) {
            int row = (i < 0 ? target : negatives[i]) * d;
            double s = dot(out, row, h, d);
            loss -= i < 0 ? logSigmoid(s) : logSigmoid(-s);
            double g = i < 0 ? sigmoid(s) - 1 : sigmoid(s);     // ∂L/∂s
            scratch[i + 1] = g;
            for (int j = 0; j < d; j++) {
                gradH[j] += g * out[row + j];
            }
        }
        for (int i = -1; i < negativeCount; i++) {
            int row = (i < 0 ? target : negatives[i]) * d;
            double step = lr * scratch[i + 1];
            for (int j = 0; j < d; j++) {
                out[row + j] -= step * h[j];
            }
        }
        return loss;
    }

    /** Full-softmax cross-entropy over the output rows first..first+count−1; {@code scores} is scratch [count]. */
    static double softmax(double[] h, double[] out, int d, int first, int count, int target, double[] gradH,
            double lr, double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (int w = 0; w < count; w++) {
            double s = dot(out, (first + w) * d, h, d);
            scores[w] = s;
            max = Math.max(max, s);
        }
        double z = 0;
        for (int w = 0; w < count; w++) {
            z += Math.exp(scores[w] - max);
        }
        double loss = -(scores[target - first] - max) + Math.log(z);
        for (int w = 0; w < count; w++) {
            double g = Math.exp(scores[w] - max) / z - (first + w == target ? 1 : 0);
            int row = (first + w) * d;
            double step = lr * g;
            for (int j = 0; j < d; j++) {
                gradH[j] += g * out[row + j];
                out[row + j] -= step * h[j];
            }
        }
        return loss;
    }
}
