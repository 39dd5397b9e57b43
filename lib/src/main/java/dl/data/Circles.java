package dl.data;

import dl.Course;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Two concentric circles: class 0 on radius 1, class 1 on radius {@code factor} < 1, at evenly
 * spaced angles 2 pi i / perClass, plus Gaussian noise N(0, noise^2) on each coordinate. A
 * classifier needs a feature like x1^2 + x2^2 (or a hidden layer) to separate them.
 */
public final class Circles {

    private Circles() {}

    /** Inner radius 0.5, seed from {@link Course#rng()}. */
    public static ArrayDataset of(int perClass, double noise) {
        return of(perClass, noise, 0.5, Course.rng().nextLong());
    }

    /** Rows are grouped by class: the outer circle first. */
    public static ArrayDataset of(int perClass, double noise, double factor, long seed) {
        Synthetic.requirePositive("Circles", "perClass", perClass);
        Synthetic.requireNonNegative("Circles", "noise", noise);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("Circles: factor (inner radius) must be in (0, 1), got " + factor);
        }
        Random rng = new Random(seed);
        int n = 2 * perClass;
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int k = 0; k < 2; k++) {
            double radius = k == 0 ? 1.0 : factor;
            for (int i = 0; i < perClass; i++) {
                int row = k * perClass + i;
                double angle = 2 * Math.PI * i / perClass;
                x[2 * row] = (float) (radius * Math.cos(angle) + noise * rng.nextGaussian());
                x[2 * row + 1] = (float) (radius * Math.sin(angle) + noise * rng.nextGaussian());
                y[row] = k;
            }
        }
        return ArrayDataset.of(Nd4j.create(x, new long[] {n, 2}, DataType.FLOAT), y, java.util.List.of("outer", "inner"));
    }
}
