package dl.loss;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks the inputs of the classification losses: scores [N, C] and one class id per row. */
final class ClassIds {

    private ClassIds() {}

    /**
     * The scores as a batch [N, C]: a 2-D tensor as is, a 1-D tensor [C] (one sample) as [1, C].
     * {@code what} names the input in messages ("logits", "log-probabilities").
     */
    static Tensor rows(String loss, String what, Tensor scores) {
        Targets.checkPrediction(loss, scores);
        if (scores.rank() == 2) {
            return scores;
        }
        if (scores.rank() == 1) {
            return scores.reshape(1, scores.length());
        }
        throw new ShapeException(loss + ": " + what + " must have shape [N, C] (one row of C class scores per sample)"
                + " or [C], got " + Arrays.toString(scores.shape())
                + "; hint: for scores [N, C, d...] move the class axis last and reshape to [N·d..., C]");
    }

    /**
     * Labels [N] stored as whole floating-point numbers (as datasets store them) become integer
     * class ids; a value that is not a whole number is rejected as the losses reject it
     * ({@link #requireWhole}), never truncated (1.7 is not class 1). Others pass as they are.
     */
    static Tensor fromLabels(String loss, INDArray y) {
        if (y.rank() == 1 && y.dataType().isFPType()) {
            requireWhole(loss, y);
            return Tensor.of(y.castTo(DataType.INT));
        }
        return Tensor.of(y);
    }

    /** Throws for the first element of floating-point labels that is not a whole number (or NaN), naming index and value. */
    static void requireWhole(String loss, INDArray labels) {
        double[] values = labels.dup('c').data().asDouble();
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || Double.isInfinite(v) || Math.abs(v) > Integer.MAX_VALUE) {
                String shown = labels.dataType() == DataType.DOUBLE ? String.valueOf(v) : String.valueOf((float) v);
                throw new IllegalArgumentException(loss + ": label " + shown + " at index " + i
                        + " is not a class id; class ids are whole numbers 0..C-1 (a label is never rounded or truncated)"
                        + "; hint: for soft or probability targets pass a floating-point tensor of shape [N, C]");
            }
        }
    }

    /** Validated class ids from an integer tensor of shape [N] (or a scalar when N = 1). */
    static int[] of(String loss, Tensor labels, long n, long numClasses) {
        Objects.requireNonNull(labels, loss + ": labels must not be null");
        if (!labels.dtype().isIntType()) {
            if (labels.dtype().isFPType() && labels.rank() == 1) {
                requireWhole(loss, labels.data());   // the same rule and message as labels read by the Trainer
            }
            throw new IllegalArgumentException(loss + ": labels must be integer class ids (INT or LONG), got "
                    + labels.dtype() + " of shape " + Arrays.toString(labels.shape())
                    + "; hint: pass an int[] (labels.toIntArray()) or a tensor of ids (Tensor.ofInts(ids))"
                    + (labels.rank() == 1 ? "; for class probabilities pass targets of shape [" + n + ", " + numClasses + "]" : ""));
        }
        boolean shapeOk = labels.rank() == 1 || (labels.rank() == 0 && n == 1);
        if (!shapeOk) {
            throw new ShapeException(loss + ": labels must have shape [N] = [" + n + "] (one class id per row), got "
                    + Arrays.toString(labels.shape()) + (labels.length() == n ? "; hint: labels.reshape(" + n + ")"
                            : labels.rank() == 2 ? "; for one-hot or probability targets [N, C] use a floating-point tensor" : ""));
        }
        double[] values = labels.toDoubleArray();
        int[] ids = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            // values outside int range are reported by check() as out of range
            ids[i] = values[i] > Integer.MAX_VALUE ? Integer.MAX_VALUE : values[i] < Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) values[i];
        }
        return check(loss, ids, n, numClasses);
    }

    /** Checks there is one id per row and each lies in 0..numClasses−1; returns {@code labels}. */
    static int[] check(String loss, int[] labels, long n, long numClasses) {
        Objects.requireNonNull(labels, loss + ": labels must not be null");
        if (labels.length != n) {
            throw new ShapeException(loss + ": scores have " + n + " rows but " + labels.length
                    + " labels were given; expected one class id per row");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(loss + ": class index " + labels[i] + " at position " + i
                        + " is out of range for " + numClasses + " classes (valid ids 0.." + (numClasses - 1) + ")");
            }
        }
        return labels;
    }

    /** One row per label with a 1 at its class: [N, numClasses] of {@code type} (labels already checked). */
    static INDArray oneHot(int[] labels, long numClasses, org.nd4j.linalg.api.buffer.DataType type) {
        int c = Math.toIntExact(numClasses);
        float[] values = new float[labels.length * c];
        for (int i = 0; i < labels.length; i++) {
            values[i * c + labels[i]] = 1f;
        }
        return org.nd4j.linalg.factory.Nd4j.create(values, new long[] {labels.length, c}, 'c').castTo(type);
    }
}
