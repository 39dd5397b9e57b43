package dl.data;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks on class-id labels, shared by the datasets; each error names the row. */
final class Labels {

    private Labels() {}

    static void requireClass(String where, int label, int row, int numClasses) {
        if (label < 0 || label >= numClasses) {
            throw new IllegalArgumentException(where + ": label " + label + " at row " + row
                    + " is outside the classes 0.." + (numClasses - 1) + " (" + numClasses + " classes)");
        }
    }

    /**
     * Every entry of y is a whole number in 0..k-1: y is [N] (a class per example) or, for
     * segmentation, [N, H, W] (a class per pixel); the message names the row.
     */
    static void requireClasses(String where, INDArray y, int numClasses) {
        double[] v = y.dup('c').data().asDouble();
        long perRow = v.length / y.size(0);
        for (int i = 0; i < v.length; i++) {
            int row = (int) (i / perRow);
            String at = perRow == 1 ? "" : " (element " + Arrays.toString(org.nd4j.linalg.api.shape.Shape.ind2subC(y.shape(), i)) + ")";
            if (v[i] != Math.rint(v[i])) {
                throw new IllegalArgumentException(where + ": label " + v[i] + " at row " + row + at
                        + " is not a whole class id in 0.." + (numClasses - 1));
            }
            if (v[i] < 0 || v[i] >= numClasses) {
                throw new IllegalArgumentException(where + ": label " + (long) v[i] + " at row " + row + at
                        + " is outside the classes 0.." + (numClasses - 1) + " (" + numClasses + " classes)");
            }
        }
    }

    /** Names "0", "1", ... for classes that have no names. */
    static java.util.List<String> numbered(int numClasses) {
        String[] names = new String[numClasses];
        for (int k = 0; k < numClasses; k++) {
            names[k] = String.valueOf(k);
        }
        return java.util.List.of(names);
    }
}
