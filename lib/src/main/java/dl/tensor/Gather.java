package dl.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Row lookup in a table, the op behind an embedding: y[k] = table[idx[k]] (an index-select along
 * axis 0), and its backward, a scatter-add: dL/dtable[r] = Σ_{k: idx[k] = r} g[k].
 *
 * <p>Unlike {@link Tensor#index(long...)}, the backward runs as one pass over plain Java arrays
 * instead of one Nd4j call per row, which matters when a batch looks up thousands of tokens.
 * Rows whose index equals {@code skip} (an embedding's padding index) get no gradient.
 */
public final class Gather {

    private Gather() {}

    /**
     * Rows of {@code table} [V, D] for every index of {@code idx}; the result has shape
     * {@code outShape} + [D] (outShape's sizes multiply to idx.length). {@code skip} &lt; 0: none.
     */
    public static Tensor rows(Tensor table, long[] idx, long[] outShape, long skip) {
        if (table.rank() != 2) {
            throw new ShapeException("Gather.rows: expected a table of shape [V, D], got " + Arrays.toString(table.shape()));
        }
        long expected = 1;
        for (long s : outShape) {
            expected *= s;
        }
        if (expected != idx.length) {
            throw new ShapeException("Gather.rows: " + idx.length + " indices do not fill the shape " + Arrays.toString(outShape));
        }
        long v = table.size(0);
        int d = (int) table.size(1);
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < 0 || idx[k] >= v) {
                throw new IndexOutOfBoundsException("Gather.rows: index " + idx[k] + " at position " + k
                        + " is outside the table's " + v + " rows (valid 0.." + (v - 1) + ")");
            }
        }
        long[] yShape = Arrays.copyOf(outShape, outShape.length + 1);
        yShape[outShape.length] = d;
        INDArray w = table.data();
        INDArray y = idx.length == 0 ? Nd4j.create(w.dataType(), yShape)
                : Nd4j.pullRows(w, 1, toInt(idx)).reshape('c', yShape);
        return Tensor.op("gather", y, g -> new INDArray[] {scatterAdd(g, idx, v, d, skip)}, table);
    }

    /** out [v, d] with out[idx[k]] += g[k] for every k (rows equal to skip left out). */
    static INDArray scatterAdd(INDArray g, long[] idx, long v, int d, long skip) {
        INDArray flat = g.dup('c');
        if (g.dataType() == DataType.DOUBLE) {
            double[] src = flat.data().asDouble();
            double[] out = new double[(int) (v * d)];
            for (int k = 0; k < idx.length; k++) {
                if (idx[k] == skip) {
                    continue;
                }
                int o = (int) idx[k] * d;
                int s = k * d;
                for (int j = 0; j < d; j++) {
                    out[o + j] += src[s + j];
                }
            }
            return Nd4j.create(out, new long[] {v, d}, DataType.DOUBLE);
        }
        float[] src = flat.castTo(DataType.FLOAT).data().asFloat();
        float[] out = new float[(int) (v * d)];
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] == skip) {
                continue;
            }
            int o = (int) idx[k] * d;
            int s = k * d;
            for (int j = 0; j < d; j++) {
                out[o + j] += src[s + j];
            }
        }
        INDArray r = Nd4j.create(out, new long[] {v, d}, DataType.FLOAT);
        return g.dataType() == DataType.FLOAT ? r : r.castTo(g.dataType());
    }

    /** Whole-number values of an array (token ids stored as floats) as longs; refuses fractions. */
    public static long[] indices(String where, INDArray ids) {
        double[] values = ids.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i])) {
                throw new IllegalArgumentException(where + ": token ids must be whole numbers, got " + values[i]
                        + " at position " + i);
            }
            out[i] = (long) values[i];
        }
        return out;
    }

    private static int[] toInt(long[] idx) {
        int[] r = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            r[i] = (int) idx[i];
        }
        return r;
    }
}
