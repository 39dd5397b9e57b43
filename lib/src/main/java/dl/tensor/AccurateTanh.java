package dl.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * tanh that stays accurate near 0. Nd4j's kernels lose small values to cancellation (measured in
 * fp32: tanh(1e-7) gives 8.9e-8 and tanh(1e-8) gives 0; in fp64 tanh(1e-12) is off by 2e-5
 * relative), which would make the signal of a deep tanh network vanish faster than it does.
 * For |x| < {@value #SERIES_BELOW} the result is the series
 * <pre>
 *   tanh x = x − x³/3 + 2x⁵/15 − 17x⁷/315 + 62x⁹/2835
 * </pre>
 * (the next term, 1382x¹¹/155925, is below 1e-19 relative there)
 * and elsewhere Nd4j's value (relative error below 1e-6 in fp32 for |x| ≥ 0.01).
 * Types other than fp32 and fp64 go to Nd4j unchanged.
 */
final class AccurateTanh {

    /** Below this |x| the series replaces Nd4j's result. */
    static final double SERIES_BELOW = 0.02;

    private AccurateTanh() {}

    /** tanh of every element, as a new c-ordered array of x's type and shape. */
    static INDArray tanh(INDArray x) {
        DataType type = x.dataType();
        INDArray y = x.dup('c');                  // contiguous: buffer index = element index
        if (x.isEmpty() || (type != DataType.FLOAT && type != DataType.DOUBLE) || y.data().length() != y.length()) {
            return Transforms.tanh(y, false);
        }
        double[] in = y.data().asDouble();
        Transforms.tanh(y, false);
        double[] out = null;
        for (int i = 0; i < in.length; i++) {
            double v = in[i];
            if (Math.abs(v) < SERIES_BELOW) {
                if (out == null) {
                    out = y.data().asDouble();
                }
                double v2 = v * v;
                out[i] = v * (1 + v2 * (-1.0 / 3 + v2 * (2.0 / 15 + v2 * (-17.0 / 315 + v2 * 62.0 / 2835))));
            }
        }
        if (out != null && type == DataType.DOUBLE) {
            y.data().setData(out);
        } else if (out != null) {
            float[] rounded = new float[out.length];
            for (int i = 0; i < out.length; i++) {
                rounded[i] = (float) out[i];
            }
            y.data().setData(rounded);
        }
        return y;
    }
}
