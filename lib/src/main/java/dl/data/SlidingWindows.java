package dl.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Forecasting pairs from a series s_0..s_{T-1}: input x_i = (s_i, ..., s_{i+L-1}) and target
 * y_i = (s_{i+L}, ..., s_{i+L+H-1}) for i = 0..T-L-H, so T - L - H + 1 pairs; a series of 100
 * with window 10 and horizon 1 gives 90.
 */
public final class SlidingWindows {

    private SlidingWindows() {}

    /** x [N, window], y [N, horizon] with N = T - window - horizon + 1. */
    public static ArrayDataset of(double[] series, int window, int horizon) {
        if (window < 1 || horizon < 1) {
            throw new IllegalArgumentException("SlidingWindows: window and horizon must be >= 1, got window " + window
                    + ", horizon " + horizon);
        }
        int n = series.length - window - horizon + 1;
        if (n < 1) {
            throw new IllegalArgumentException("SlidingWindows: a series of " + series.length + " values is too short"
                    + " for window " + window + " + horizon " + horizon + "; it needs at least " + (window + horizon));
        }
        for (int t = 0; t < series.length; t++) {
            if (!Double.isFinite(series[t])) {
                throw new IllegalArgumentException("SlidingWindows: the series has " + series[t] + " at index " + t
                        + "; expected finite numbers (fill or drop missing values first)");
            }
        }
        float[] x = new float[n * window];
        float[] y = new float[n * horizon];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < window; j++) {
                x[i * window + j] = (float) series[i + j];
            }
            for (int j = 0; j < horizon; j++) {
                y[i * horizon + j] = (float) series[i + window + j];
            }
        }
        return ArrayDataset.of(Nd4j.create(x, new long[] {n, window}, DataType.FLOAT),
                Nd4j.create(y, new long[] {n, horizon}, DataType.FLOAT));
    }
}
