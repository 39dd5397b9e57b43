package dl.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A tensor's values as plain Java arrays (row-major), for printing, tables and checks. Integer
 * conversions refuse values that are not whole numbers or do not fit, naming the first such
 * position, instead of truncating 1.7 to 1.
 */
final class JavaValues {

    private JavaValues() {}

    static double[] doubles(INDArray a) {
        if (a.length() == 0) {
            return new double[0];
        }
        return a.dup('c').castTo(DataType.DOUBLE).data().asDouble();
    }

    static double[][] matrix(String who, INDArray a) {
        if (a.rank() != 2) {
            throw new ShapeException(who + ".toDoubleMatrix(): expected a matrix (rank 2), got shape "
                    + Arrays.toString(a.shape()) + (a.rank() < 2 ? "; hint: reshape(1, -1) for one row, reshape(-1, 1) for one column"
                            : "; hint: reshape(" + a.size(0) + ", -1) to flatten the other axes"));
        }
        int rows = Math.toIntExact(a.size(0));
        int cols = Math.toIntExact(a.size(1));
        double[] flat = doubles(a);
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, out[i], 0, cols);
        }
        return out;
    }

    static long[] longs(String who, INDArray a) {
        if (a.dataType() == DataType.LONG || a.dataType() == DataType.INT || a.dataType() == DataType.SHORT
                || a.dataType() == DataType.BYTE || a.dataType() == DataType.UBYTE) {
            return a.length() == 0 ? new long[0] : a.dup('c').castTo(DataType.LONG).data().asLong();
        }
        double[] v = doubles(a);
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || Math.abs(v[i]) > 0x1p63) {
                throw new IllegalArgumentException(who + ".toLongArray(): expected whole numbers, got " + v[i]
                        + " at flat position " + i + " (" + a.dataType() + ", shape " + Arrays.toString(a.shape())
                        + "); hint: round first if that is meant");
            }
            out[i] = (long) v[i];
        }
        return out;
    }

    static int[] ints(String who, INDArray a) {
        double[] v = doubles(a);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || v[i] < Integer.MIN_VALUE || v[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(who + ".toIntArray(): expected whole numbers in int range, got "
                        + v[i] + " at flat position " + i + " (" + a.dataType() + ", shape " + Arrays.toString(a.shape())
                        + ")" + (v[i] == Math.rint(v[i]) ? "; hint: toLongArray()" : "; hint: round first if that is meant"));
            }
            out[i] = (int) v[i];
        }
        return out;
    }
}
