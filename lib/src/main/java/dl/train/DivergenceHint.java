package dl.train;

import dl.nn.Module;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * The likely cause of a non-finite loss, for the message of {@link TrainingDiverged}: NaN or ∞
 * already in the batch's inputs (a data problem, no learning rate fixes it), in the weights (an
 * earlier update overflowed), or neither (this step overflowed: the learning rate is too large).
 */
final class DivergenceHint {

    private DivergenceHint() {}

    static String nonFinite(INDArray inputs, Module model) {
        String inInputs = firstNonFinite(inputs);
        if (inInputs != null) {
            return "The inputs of this batch contain " + inInputs + "; hint: clean or drop those rows"
                    + " (no learning rate fixes NaN in the data)";
        }
        for (var p : model.namedParameters().entrySet()) {
            String inWeights = firstNonFinite(p.getValue().data());
            if (inWeights != null) {
                return "The parameter " + p.getKey() + " holds " + inWeights + " after an earlier update; hint: the learning"
                        + " rate is too large: lower it, normalize the inputs or clip gradients (clipGradNorm)";
            }
        }
        return "The inputs and weights are finite, so this step overflowed; hint: lower the learning rate, normalize"
                + " the inputs or clip gradients (clipGradNorm)";
    }

    /** "NaN at index [3, 7]", or null when every element is finite (one native sum in that common case). */
    static String firstNonFinite(INDArray a) {
        if (a == null || a.length() == 0 || !a.dataType().isFPType() || Double.isFinite(a.sumNumber().doubleValue())) {
            return null;
        }
        double[] values = a.dup('c').data().asDouble();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return values[i] + " at index " + Arrays.toString(Shape.ind2subC(a, i));
            }
        }
        return null;  // the sum overflowed, but every element is finite
    }

    /** Four significant digits, as the progress line prints them. */
    static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }
}
