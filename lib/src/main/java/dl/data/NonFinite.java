package dl.data;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/** Finds a NaN or infinity in an array and reports where it is. */
final class NonFinite {

    private NonFinite() {}

    /**
     * Throws naming the first NaN/infinite element (row and position) of {@code a}. The common
     * case costs one native sum; the element scan only runs when the sum is not finite.
     */
    static void reject(String where, String name, INDArray a) {
        if (a.length() == 0 || !a.dataType().isFPType()) {
            return;
        }
        double sum = a.sumNumber().doubleValue();
        if (Double.isFinite(sum)) {
            return;
        }
        double[] values = a.dup('c').data().asDouble();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                long[] pos = Shape.ind2subC(a, i);
                throw new IllegalArgumentException(where + ": " + name + " contains " + values[i]
                        + " at index " + Arrays.toString(pos) + " (row " + pos[0] + ") of shape "
                        + Arrays.toString(a.shape()) + "; expected finite numbers. Clean or drop that row first.");
            }
        }
    }
}
