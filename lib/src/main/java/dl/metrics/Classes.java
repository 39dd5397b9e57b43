package dl.metrics;

import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns model outputs and label tensors into class ids (int[]) for the metrics:
 * {@link #argmax} picks the class with the largest score in each row, {@link #threshold} makes
 * a binary decision from one score per sample, {@link #ids} reads labels.
 */
public final class Classes {

    private Classes() {}

    /**
     * The predicted class of each row of scores [N, C] (logits or probabilities: the same
     * answer, softmax keeps the order): argmax_j s_ij, the first one on ties, as PyTorch.
     */
    public static int[] argmax(Tensor scores) {
        Objects.requireNonNull(scores, "argmax: scores must not be null");
        return argmax(scores.data());
    }

    public static int[] argmax(INDArray scores) {
        Objects.requireNonNull(scores, "argmax: scores must not be null");
        if (scores.rank() != 2 || scores.size(1) == 0) {
            throw new IllegalArgumentException("argmax: expected scores of shape [N, C] (one row of class scores per sample), got "
                    + Arrays.toString(scores.shape())
                    + (scores.rank() == 1 ? "; hint: for one score per sample (binary) use Classes.threshold(scores, 0.5)" : ""));
        }
        int n = (int) scores.size(0);
        int c = (int) scores.size(1);
        double[] s = Tensor.of(scores).toDoubleArray();
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < c; j++) {
                // NaN never wins, so a NaN row keeps class 0 unless a later value is a number
                if (s[i * c + j] > s[i * c + best] || Double.isNaN(s[i * c + best]) && !Double.isNaN(s[i * c + j])) {
                    best = j;
                }
            }
            ids[i] = best;
        }
        return ids;
    }

    /**
     * Binary decisions from one score per sample ([N] or [N, 1]): class 1 where the score is
     * ≥ {@code threshold} (0.5 for probabilities, 0 for logits), class 0 otherwise.
     */
    public static int[] threshold(Tensor scores, double threshold) {
        Objects.requireNonNull(scores, "threshold: scores must not be null");
        checkColumn("threshold: scores", scores.shape());
        double[] s = scores.toDoubleArray();
        int[] ids = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            ids[i] = s[i] >= threshold ? 1 : 0;
        }
        return ids;
    }

    /** Class ids from labels of shape [N] or [N, 1], of any numeric type holding whole numbers ≥ 0. */
    public static int[] ids(Tensor labels) {
        Objects.requireNonNull(labels, "labels must not be null");
        checkColumn("labels", labels.shape());
        double[] v = labels.toDoubleArray();
        int[] ids = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] == Math.rint(v[i]) && v[i] <= Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("labels: " + v[i] + " at position " + i
                        + " is not a class id (a whole number >= 0)");
            }
            ids[i] = (int) v[i];
        }
        return ids;
    }

    public static int[] ids(INDArray labels) {
        Objects.requireNonNull(labels, "labels must not be null");
        return ids(Tensor.of(labels));
    }

    private static void checkColumn(String what, long[] shape) {
        boolean ok = shape.length == 1 || (shape.length == 2 && shape[1] == 1) || shape.length == 0;
        if (!ok) {
            throw new IllegalArgumentException(what + " must have shape [N] or [N, 1], got " + Arrays.toString(shape)
                    + (shape.length == 2 ? "; hint: for class scores [N, C] use Classes.argmax" : ""));
        }
    }
}
