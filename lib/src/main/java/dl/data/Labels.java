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

    /** Every entry of a [N] label vector is a whole number in 0..k-1. */
    static void requireClasses(String where, INDArray y, int numClasses) {
        if (y.rank() != 1) {
            throw new IllegalArgumentException(where + ": class labels must be a vector [N], got shape "
                    + Arrays.toString(y.shape()));
        }
        double[] v = y.toDoubleVector();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i])) {
                throw new IllegalArgumentException(where + ": label " + v[i] + " at row " + i
                        + " is not a whole class id in 0.." + (numClasses - 1));
            }
            requireClass(where, (int) v[i], i, numClasses);
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
