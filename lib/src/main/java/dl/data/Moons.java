package dl.data;

import dl.Course;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Two interleaving half circles: class 0 at (cos t, sin t), class 1 at (1 - cos t, 1/2 - sin t),
 * t evenly spaced in [0, pi], plus Gaussian noise N(0, noise^2) on each coordinate.
 */
public final class Moons {

    private Moons() {}

    /** Seed from {@link Course#rng()}. */
    public static ArrayDataset of(int perClass, double noise) {
        return of(perClass, noise, Course.rng().nextLong());
    }

    /** Rows are grouped by class: the upper moon first. */
    public static ArrayDataset of(int perClass, double noise, long seed) {
        Synthetic.requirePositive("Moons", "perClass", perClass);
        Synthetic.requireNonNegative("Moons", "noise", noise);
        Random rng = new Random(seed);
        int n = 2 * perClass;
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < perClass; i++) {
                int row = k * perClass + i;
                double t = perClass == 1 ? 0 : Math.PI * i / (perClass - 1);
                double px = k == 0 ? Math.cos(t) : 1 - Math.cos(t);
                double py = k == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
                x[2 * row] = (float) (px + noise * rng.nextGaussian());
                x[2 * row + 1] = (float) (py + noise * rng.nextGaussian());
                y[row] = k;
            }
        }
        return ArrayDataset.of(Nd4j.create(x, new long[] {n, 2}, DataType.FLOAT), y, java.util.List.of("upper", "lower"));
    }
}
