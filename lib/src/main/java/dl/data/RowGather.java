package dl.data;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies chosen rows of a row-major array into a new array: one bulk memory copy per row through
 * the native buffers (no per-element work, no Nd4j op). Measured on 60000 x 784 floats, batches
 * of 64: about 0.2-0.5 ms per batch, where {@code Nd4j.pullRows} took 0.3 ms alone and 15 ms
 * when other processes kept the 2 cores busy (its OpenMP threads wait on each other).
 */
final class RowGather {

    private RowGather() {}

    /** Rows {@code rows} of {@code a} ([N, ...], c-order, default strides) as a fresh [B, ...] array. */
    static INDArray rows(INDArray a, int[] rows) {
        long n = a.size(0);
        long rowLength = n == 0 ? 0 : a.length() / n;
        long[] shape = a.shape().clone();
        shape[0] = rows.length;
        boolean direct = JavaArrays.rowMajor(a)
                && (a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE)
                && a.data().length() <= Integer.MAX_VALUE && rowLength <= Integer.MAX_VALUE;
        if (!direct) {
            INDArray pulled = Nd4j.pullRows(a.reshape('c', n, rowLength), 1, rows);
            return pulled.reshape('c', shape);
        }
        INDArray out = Nd4j.createUninitialized(a.dataType(), shape, 'c');
        int len = (int) rowLength;
        long base = a.offset();
        if (a.dataType() == DataType.FLOAT) {
            FloatBuffer src = a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            FloatBuffer dst = out.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            for (int i = 0; i < rows.length; i++) {
                dst.put(i * len, src, (int) (base + (long) rows[i] * len), len);
            }
        } else {
            DoubleBuffer src = a.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
            DoubleBuffer dst = out.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
            for (int i = 0; i < rows.length; i++) {
                dst.put(i * len, src, (int) (base + (long) rows[i] * len), len);
            }
        }
        return out;
    }
}
