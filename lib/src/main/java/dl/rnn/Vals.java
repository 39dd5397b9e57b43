package dl.rnn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Direct element access to an array's native memory (no copy), for the elementwise loops of the
 * fused kernels: one pass of plain Java over [N, H] instead of a dozen Nd4j calls, each of which
 * costs a dispatch and a fresh buffer. fp32 and fp64.
 */
abstract class Vals {

    abstract double get(int i);

    abstract void set(int i, double v);

    /** The values of {@code a}, which must be c-ordered and own its whole buffer (as Nd4j.create gives). */
    static Vals of(INDArray a) {
        if (a.ordering() != 'c' || a.offset() != 0 || a.data().length() != a.length()) {
            throw new IllegalArgumentException("Vals: expected a contiguous array owning its buffer, got a view of shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        return a.dataType() == DataType.DOUBLE ? new Doubles(a.data().asNioDouble()) : new Floats(a.data().asNioFloat());
    }

    /** {@code a} itself when {@link #of} can read it, else a contiguous copy. */
    static INDArray owned(INDArray a) {
        return a.ordering() == 'c' && a.offset() == 0 && a.data().length() == a.length() && !a.isView() ? a : a.dup('c');
    }

    private static final class Floats extends Vals {
        private final FloatBuffer b;

        Floats(FloatBuffer b) {
            this.b = b;
        }

        @Override
        double get(int i) {
            return b.get(i);
        }

        @Override
        void set(int i, double v) {
            b.put(i, (float) v);
        }
    }

    private static final class Doubles extends Vals {
        private final DoubleBuffer b;

        Doubles(DoubleBuffer b) {
            this.b = b;
        }

        @Override
        double get(int i) {
            return b.get(i);
        }

        @Override
        void set(int i, double v) {
            b.put(i, v);
        }
    }
}
