package dl.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Java arrays into Nd4j arrays for the {@link Tensor} factories, with the checks a learner needs:
 * data length against the shape (both named), ragged rows, negative or several inferred sizes.
 * Tensor's static factories delegate here so that Tensor keeps to tensors and their operations.
 */
final class TensorData {

    private TensorData() {}

    /** {@code data} (row-major) with {@code shape} in {@code type}; one size may be -1 (inferred). */
    static INDArray shaped(String factory, double[] data, long[] shape, DataType type) {
        requireData(factory, data);
        long[] s = resolveShape(factory, data.length, shape);
        INDArray flat = Nd4j.createFromArray(data);
        return reshape(flat.castTo(type), s);
    }

    /** Integer {@code data} (row-major) with {@code shape}, stored as INT32. */
    static INDArray shaped(String factory, int[] data, long[] shape) {
        requireData(factory, data);
        return reshape(Nd4j.createFromArray(data), resolveShape(factory, data.length, shape));
    }

    /** Integer {@code data} (row-major) with {@code shape}, stored as INT64. */
    static INDArray shaped(String factory, long[] data, long[] shape) {
        requireData(factory, data);
        return reshape(Nd4j.createFromArray(data), resolveShape(factory, data.length, shape));
    }

    /** A vector [n] (n may be 0 or 1: never a scalar). */
    static INDArray vector(String factory, double[] values, DataType type) {
        requireData(factory, values);
        return shaped(factory, values, new long[] {values.length}, type);
    }

    /** A column [n, 1]. */
    static INDArray column(String factory, double[] values, DataType type) {
        requireData(factory, values);
        return shaped(factory, values, new long[] {values.length, 1}, type);
    }

    /** A matrix [rows, cols] from rows of equal length. */
    static INDArray matrix(String factory, double[][] rows, DataType type) {
        int cols = checkRows(factory, rows, r -> ((double[]) r).length);
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return shaped(factory, flat, new long[] {rows.length, cols}, type);
    }

    /** An INT32 matrix [rows, cols] from rows of equal length. */
    static INDArray matrix(String factory, int[][] rows) {
        int cols = checkRows(factory, rows, r -> ((int[]) r).length);
        int[] flat = new int[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return shaped(factory, flat, new long[] {rows.length, cols});
    }

    /** An INT64 matrix [rows, cols] from rows of equal length. */
    static INDArray matrix(String factory, long[][] rows) {
        int cols = checkRows(factory, rows, r -> ((long[]) r).length);
        long[] flat = new long[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return shaped(factory, flat, new long[] {rows.length, cols});
    }

    /**
     * The shape {@code shape} with its one -1 (if any) replaced by what {@code count} values need.
     * Throws when a size is below -1, when -1 appears twice, or when the count does not fill it.
     */
    static long[] resolveShape(String factory, long count, long[] shape) {
        if (shape == null) {
            throw new IllegalArgumentException(factory + ": expected a shape (sizes >= 0, one may be -1), got null");
        }
        long[] s = shape.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException(factory + ": shape " + Arrays.toString(shape)
                            + " has -1 at dimensions " + inferred + " and " + i + "; expected at most one size to infer");
                }
                inferred = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException(factory + ": shape " + Arrays.toString(shape)
                        + ": expected every dimension >= 0 (or one -1 to infer), got " + s[i] + " at dimension " + i);
            } else {
                known = Math.multiplyExact(known, s[i]);
            }
        }
        if (inferred >= 0) {
            if (known == 0 || count % known != 0) {
                throw new IllegalArgumentException(factory + ": " + count + " values cannot fill shape "
                        + Arrays.toString(shape) + ": the other dimensions hold " + known
                        + " per step of dimension " + inferred + ", and " + count + " is not a multiple of " + known);
            }
            s[inferred] = count / known;
        } else if (known != count) {
            throw new IllegalArgumentException(factory + ": " + count + " values do not fit shape "
                    + Arrays.toString(shape) + ", which holds " + known + " elements; expected " + known
                    + " values (or a shape with " + count + " elements, e.g. [" + count + "])");
        }
        return s;
    }

    private static INDArray reshape(INDArray flat, long[] shape) {
        if (shape.length == 0) {
            return flat.dataType() == DataType.LONG ? Nd4j.scalar(flat.getLong(0))
                    : Nd4j.scalar(flat.dataType(), flat.getDouble(0));
        }
        if (java.util.Arrays.equals(flat.shape(), shape)) {
            return flat;
        }
        INDArray r = flat.reshape('c', shape);
        return r.isView() ? r.dup('c') : r;   // own the data: callers such as GradCheck refuse views
    }

    private static void requireData(String factory, Object data) {
        if (data == null) {
            throw new IllegalArgumentException(factory + ": expected values, got null");
        }
    }

    private static int checkRows(String factory, Object[] rows, java.util.function.ToIntFunction<Object> length) {
        requireData(factory, rows);
        if (rows.length == 0) {
            return 0;
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null) {
                throw new IllegalArgumentException(factory + ": row " + i + " is null; expected " + rows.length
                        + " rows of values");
            }
        }
        int cols = length.applyAsInt(rows[0]);
        for (int i = 1; i < rows.length; i++) {
            int n = length.applyAsInt(rows[i]);
            if (n != cols) {
                throw new IllegalArgumentException(factory + ": rows must all have the same length: row 0 has "
                        + cols + " values, row " + i + " has " + n);
            }
        }
        return cols;
    }
}
