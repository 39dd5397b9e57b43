package dl.data;

import dl.Course;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Interleaved spiral arms in the plane, one arm per class: point i of class k has
 * t = i / perClass, radius r = t and angle theta = 2 pi k / K + turns * 2 pi * t + noise * N(0, 1),
 * so x = (r cos theta, r sin theta). No straight line separates two arms.
 */
public final class Spirals {

    private Spirals() {}

    /** Two arms, 0.65 turn each (a classic toy problem), seed from {@link Course#rng()}. */
    public static ArrayDataset of(int perClass, double noise) {
        return of(perClass, 2, 0.65, noise, Course.rng().nextLong());
    }

    /**
     * {@code classes} arms of {@code perClass} points; rows are grouped by class (class 0 first).
     */
    public static ArrayDataset of(int perClass, int classes, double turns, double noise, long seed) {
        Synthetic.requirePositive("Spirals", "perClass", perClass);
        Synthetic.requirePositive("Spirals", "classes", classes);
        Synthetic.requireNonNegative("Spirals", "noise", noise);
        Random rng = new Random(seed);
        int n = perClass * classes;
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < perClass; i++) {
                int row = k * perClass + i;
                double t = (double) i / perClass;
                double theta = 2 * Math.PI * k / classes + turns * 2 * Math.PI * t + noise * rng.nextGaussian();
                x[2 * row] = (float) (t * Math.cos(theta));
                x[2 * row + 1] = (float) (t * Math.sin(theta));
                y[row] = k;
            }
        }
        return ArrayDataset.of(Nd4j.create(x, new long[] {n, 2}, DataType.FLOAT), y, classes);
    }
}
