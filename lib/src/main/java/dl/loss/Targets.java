package dl.loss;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/** Checks that a prediction and its target fit together before a loss does any work. */
final class Targets {

    private Targets() {}

    /**
     * Returns {@code target} ready to be compared with {@code prediction} element by element:
     * same shape (named in the error otherwise), same floating-point type (a constant target of
     * another type, e.g. integer 0/1 labels, is converted; one that needs a gradient is not).
     */
    static Tensor matching(String loss, Tensor prediction, Tensor target) {
        checkPrediction(loss, prediction);
        Objects.requireNonNull(target, loss + ": target must not be null");
        if (!Arrays.equals(prediction.shape(), target.shape())) {
            String hint = prediction.length() == target.length()
                    ? "; hint: same number of elements, reshape one of them, e.g. target.reshape("
                            + dims(prediction.shape()) + ")"
                    : "";
            throw new ShapeException(loss + ": prediction has shape " + Arrays.toString(prediction.shape())
                    + " but target has shape " + Arrays.toString(target.shape())
                    + "; they must be equal (losses do not broadcast)" + hint);
        }
        if (target.dtype() == prediction.dtype()) {
            return target;
        }
        if (target.requiresGrad()) {
            throw new IllegalArgumentException(loss + ": prediction is " + prediction.dtype() + " but target is "
                    + target.dtype() + " and requires grad; convert one with toFloat() or toDouble()");
        }
        return Tensor.of(target.data().castTo(prediction.dtype()));
    }

    /** The prediction must be a non-empty floating-point tensor. */
    static void checkPrediction(String loss, Tensor prediction) {
        Objects.requireNonNull(prediction, loss + ": prediction must not be null");
        if (!prediction.dtype().isFPType()) {
            throw new IllegalArgumentException(loss + ": prediction must be floating point (FLOAT or DOUBLE), got "
                    + prediction.dtype() + " of shape " + Arrays.toString(prediction.shape()));
        }
        if (prediction.length() == 0) {
            throw new ShapeException(loss + ": prediction is empty (shape " + Arrays.toString(prediction.shape()) + ")");
        }
    }

    /**
     * Binary cross-entropy targets are probabilities: 0 or 1, or a soft label in between. Names
     * the first value outside [0, 1] (or NaN) and its position.
     */
    static void checkProbabilityTarget(String loss, Tensor target) {
        var y = target.data();
        if (y.minNumber().doubleValue() >= 0 && y.maxNumber().doubleValue() <= 1
                && !Double.isNaN(y.sumNumber().doubleValue())) {
            return;
        }
        double[] values = target.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException(loss + ": target must hold probabilities in [0, 1] (class 0 or 1,"
                        + " or a soft label), got " + values[i] + " at " + position(i, target.shape())
                        + " (flat index " + i + "); hint: BCE takes one 0/1 label per output, for class ids 0..C-1"
                        + " use CrossEntropyLoss");
            }
        }
    }

    /** "[2, 0]": the position of element {@code flatIndex} (row-major) in an array of {@code shape}. */
    static String position(long flatIndex, long[] shape) {
        if (shape.length == 0) {
            return "[]";
        }
        long[] idx = new long[shape.length];
        long rest = flatIndex;
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = rest % shape[d];
            rest /= shape[d];
        }
        return Arrays.toString(idx);
    }

    private static String dims(long[] shape) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.toString();
    }
}
