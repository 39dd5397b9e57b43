package dl.data;

import dl.Course;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * sin(x) with Gaussian noise: a regression set y = sin(x) + noise * N(0, 1) with x uniform in
 * [xMin, xMax], and a time series x_t = sin(omega t) + noise * N(0, 1) for forecasting.
 */
public final class NoisySine {

    private NoisySine() {}

    /** n points, x uniform in [-pi, pi], seed from {@link Course#rng()}. */
    public static ArrayDataset of(int n, double noise) {
        return of(n, -Math.PI, Math.PI, noise, Course.rng().nextLong());
    }

    /** x [n, 1] uniform in [xMin, xMax], sorted ascending so it plots as a curve; y [n, 1]. */
    public static ArrayDataset of(int n, double xMin, double xMax, double noise, long seed) {
        Synthetic.requirePositive("NoisySine", "n", n);
        Synthetic.requireNonNegative("NoisySine", "noise", noise);
        if (!(xMax > xMin)) {
            throw new IllegalArgumentException("NoisySine: expected xMin < xMax, got [" + xMin + ", " + xMax + "]");
        }
        Random rng = new Random(seed);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xMin + (xMax - xMin) * rng.nextDouble();
        }
        java.util.Arrays.sort(xs);
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) xs[i];
            y[i] = (float) (Math.sin(xs[i]) + noise * rng.nextGaussian());
        }
        return ArrayDataset.of(Nd4j.create(x, new long[] {n, 1}, DataType.FLOAT),
                Nd4j.create(y, new long[] {n, 1}, DataType.FLOAT));
    }

    /** x_t = sin(omega t) + noise * N(0, 1) for t = 0..length-1. */
    public static double[] series(int length, double omega, double noise, long seed) {
        Synthetic.requirePositive("NoisySine.series", "length", length);
        Synthetic.requireNonNegative("NoisySine.series", "noise", noise);
        Random rng = new Random(seed);
        double[] s = new double[length];
        for (int t = 0; t < length; t++) {
            s[t] = Math.sin(omega * t) + (noise == 0 ? 0 : noise * rng.nextGaussian());
        }
        return s;
    }
}
