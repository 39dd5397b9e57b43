package dl.rnn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between Nd4j arrays (fp32 or fp64) and Java double[] arrays through the arrays'
 * native memory, for the elementwise loops of the fused kernels. Measured on the busy 2-core
 * machine: a bulk NIO copy of 32K values takes about 10 µs, while Nd4j's castTo, asDouble or
 * create(double[]) took 0.3–6 ms each, and element access through Nd4j is slower still.
 * Arrays passed here must be contiguous and row-major (own buffers or contiguous views).
 */
final class Heap {

    private Heap() {}

    /** The values of {@code a} in row-major order as doubles (a copy). */
    static double[] of(INDArray a) {
        double[] out = new double[(int) a.length()];
        read(a, out);
        return out;
    }

    /** Copies the values of {@code a} into {@code out}. */
    static void read(INDArray a, double[] out) {
        INDArray c = contiguous(a);
        int off = (int) c.offset();
        int len = (int) c.length();
        if (c.dataType() == DataType.DOUBLE) {
            DoubleBuffer b = c.data().asNioDouble();
            b.get(off, out, 0, len);
        } else if (c.dataType() == DataType.FLOAT) {
            FloatBuffer b = c.data().asNioFloat();
            float[] tmp = new float[len];
            b.get(off, tmp, 0, len);
            for (int i = 0; i < len; i++) {
                out[i] = tmp[i];
            }
        } else {
            System.arraycopy(c.castTo(DataType.DOUBLE).dup('c').data().asDouble(), 0, out, 0, len);
        }
    }

    /** Writes {@code v} into the contiguous array or view {@code target} (rounding for fp32). */
    static void write(INDArray target, double[] v) {
        if (!isContiguous(target)) {
            throw new IllegalArgumentException("Heap.write: expected a contiguous row-major target");
        }
        int off = (int) target.offset();
        int len = (int) target.length();
        if (target.dataType() == DataType.DOUBLE) {
            target.data().asNioDouble().put(off, v, 0, len);
        } else {
            float[] tmp = new float[len];
            for (int i = 0; i < len; i++) {
                tmp[i] = (float) v[i];
            }
            target.data().asNioFloat().put(off, tmp, 0, len);
        }
    }

    /** A new array of the given type and shape holding {@code v}. */
    static INDArray array(double[] v, DataType type, long... shape) {
        INDArray a = Nd4j.create(type, shape, 'c');
        write(a, v);
        return a;
    }

    private static INDArray contiguous(INDArray a) {
        if (isContiguous(a) && (a.dataType() == DataType.DOUBLE || a.dataType() == DataType.FLOAT)) {
            return a;
        }
        INDArray d = a.dataType() == DataType.DOUBLE || a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.DOUBLE);
        return d.dup('c');
    }

    /** Row-major with unit strides: its elements are one block of the buffer from offset(). */
    static boolean isContiguous(INDArray a) {
        if (a.ordering() != 'c' && a.rank() > 1) {
            return false;
        }
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }
}
