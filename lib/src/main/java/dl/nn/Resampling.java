package dl.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one-dimensional matrices M [out, in] of the separable maps y = A·x·Bᵀ of {@link ConvOps#separable}:
 * each output position is a weighted sum of input positions, and rows and columns are treated alike.
 */
final class Resampling {

    private Resampling() {}

    /** Row i of the padded signal: the source index by {@code mode}, or a zero row (zero padding). */
    static INDArray padding(long n, int before, int after, PaddingMode mode) {
        long out = n + before + after;
        INDArray m = Nd4j.zeros(DataType.DOUBLE, out, n);
        for (long i = 0; i < out; i++) {
            long src = i - before;
            if (src < 0 || src >= n) {
                if (mode == PaddingMode.ZEROS) {
                    continue;
                }
                src = mode == PaddingMode.REFLECT ? reflect(src, n) : Math.max(0, Math.min(n - 1, src));
            }
            m.putScalar(i, src, 1.0);
        }
        return m;
    }

    /** Mirror at the edges without repeating them: −1 → 1, n → n − 2 (needs padding < n). */
    private static long reflect(long i, long n) {
        if (n == 1) {
            return 0;
        }
        long period = 2 * (n - 1);
        long j = Math.floorMod(i, period);
        return j < n ? j : period - j;
    }

    /**
     * Nearest neighbour as PyTorch's mode='nearest': output i takes input ⌊i·scale⌋ with
     * scale = in/out (or 1/factor when a scale factor was given).
     */
    static INDArray nearest(long in, long out, double scale) {
        INDArray m = Nd4j.zeros(DataType.DOUBLE, out, in);
        for (long i = 0; i < out; i++) {
            long src = Math.min((long) Math.floor(i * scale), in - 1);
            m.putScalar(i, src, 1.0);
        }
        return m;
    }

    /**
     * Linear interpolation as PyTorch's mode='bilinear' along one axis. align_corners=false:
     * src = max(0, (i + ½)·scale − ½); align_corners=true: src = i·(in − 1)/(out − 1).
     * Output i = (1 − λ)·x[⌊src⌋] + λ·x[min(⌊src⌋ + 1, in − 1)], λ = src − ⌊src⌋.
     */
    static INDArray linear(long in, long out, double scale, boolean alignCorners) {
        INDArray m = Nd4j.zeros(DataType.DOUBLE, out, in);
        for (long i = 0; i < out; i++) {
            double src;
            if (alignCorners) {
                src = out == 1 ? 0 : i * (double) (in - 1) / (out - 1);
            } else {
                src = Math.max(0, (i + 0.5) * scale - 0.5);
            }
            long i0 = Math.min((long) Math.floor(src), in - 1);
            long i1 = Math.min(i0 + 1, in - 1);
            double lambda = src - i0;
            m.putScalar(i, i0, m.getDouble(i, i0) + (1 - lambda));
            m.putScalar(i, i1, m.getDouble(i, i1) + lambda);
        }
        return m;
    }

    /**
     * Adaptive average pooling as PyTorch: output i averages inputs ⌊i·in/out⌋ to ⌈(i + 1)·in/out⌉ − 1.
     * The 2-D pooling is separable because the windows form a grid.
     */
    static INDArray adaptiveAverage(long in, long out) {
        INDArray m = Nd4j.zeros(DataType.DOUBLE, out, in);
        for (long i = 0; i < out; i++) {
            long start = Math.floorDiv(i * in, out);
            long end = -Math.floorDiv(-(i + 1) * in, out);
            for (long j = start; j < end; j++) {
                m.putScalar(i, j, 1.0 / (end - start));
            }
        }
        return m;
    }
}
