package dl.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Anomaly detection (as PyTorch's {@code torch.autograd.detect_anomaly}), off by default: when on,
 * every operation checks its result, and every backward rule its gradients, and the first one that
 * turns finite values into NaN or ±infinity throws an {@link ArithmeticException} naming the op.
 * It costs a scan of every array, so it is meant for finding where a NaN loss comes from.
 */
final class Anomaly {

    private static volatile boolean enabled;

    private Anomaly() {}

    static boolean enabled() {
        return enabled;
    }

    static void enable(boolean on) {
        enabled = on;
    }

    /** After the forward computation of {@code op}: its result {@code y} from {@code inputs}. */
    static void checkForward(String op, INDArray y, Tensor[] inputs) {
        if (finite(y)) {
            return;
        }
        for (Tensor in : inputs) {
            if (!finite(in.data())) {
                return; // not the origin: a non-finite value came in
            }
        }
        throw new ArithmeticException("anomaly: op '" + op + "' produced " + firstBad(y) + " from finite inputs "
                + shapes(inputs) + "; this is the first operation where a NaN or infinity appeared");
    }

    /** After the backward rule of {@code t}: dL/d(inputs) from the finite dL/d(t) = {@code g}. */
    static void checkBackward(Tensor t, INDArray g, INDArray[] inputGrads) {
        if (!finite(g)) {
            return;
        }
        for (int k = 0; k < inputGrads.length; k++) {
            if (inputGrads[k] != null && !finite(inputGrads[k])) {
                throw new ArithmeticException("anomaly: the backward of op '" + t.op() + "' (" + t.describe()
                        + ") produced " + firstBad(inputGrads[k]) + " in the gradient of input " + k
                        + " from a finite output gradient; its inputs were " + shapes(t.inputArray()));
            }
        }
    }

    static boolean finite(INDArray a) {
        if (!a.dataType().isFPType() || a.length() == 0) {
            return true;
        }
        return count(a, true) == 0 && count(a, false) == 0;
    }

    private static long count(INDArray a, boolean nan) {
        return Nd4j.getExecutioner().exec(new MatchCondition(a, nan ? Conditions.isNan() : Conditions.isInfinite()))
                .getLong(0);
    }

    /** "NaN at index 3" or "Infinity at index 0" (row-major position). */
    private static String firstBad(INDArray a) {
        double[] v = a.dup('c').castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return v[i] + " at index " + i + " of shape " + Arrays.toString(a.shape());
            }
        }
        return "a non-finite value";
    }

    private static String shapes(Tensor[] inputs) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < inputs.length; i++) {
            b.append(i == 0 ? "" : ", ").append(inputs[i].describe());
        }
        return b.append(")").toString();
    }
}
