package dl.data;

import dl.Course;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Truth tables of two-input logic gates: x = (0,0), (0,1), (1,0), (1,1) and y the gate's output
 * as class 0 or 1. AND and OR are linearly separable, XOR is not (chapter 1).
 */
public final class LogicGates {

    private static final float[] INPUTS = {0, 0, 0, 1, 1, 0, 1, 1};

    private LogicGates() {}

    /** y = x1 AND x2: 0, 0, 0, 1. */
    public static ArrayDataset and() {
        return table(0, 0, 0, 1);
    }

    /** y = x1 OR x2: 0, 1, 1, 1. */
    public static ArrayDataset or() {
        return table(0, 1, 1, 1);
    }

    /** y = x1 XOR x2: 0, 1, 1, 0. */
    public static ArrayDataset xor() {
        return table(0, 1, 1, 0);
    }

    /** y = NOT (x1 AND x2): 1, 1, 1, 0. */
    public static ArrayDataset nand() {
        return table(1, 1, 1, 0);
    }

    /** {@code copies} noisy points around each corner of a gate, x + N(0, sigma^2), same labels. */
    public static ArrayDataset noisy(ArrayDataset gate, int copies, double sigma, long seed) {
        if (copies < 1) {
            throw new IllegalArgumentException("LogicGates.noisy: copies must be >= 1, got " + copies);
        }
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("LogicGates.noisy: sigma must be >= 0, got " + sigma);
        }
        Random rng = new Random(seed);
        int corners = gate.size();
        float[] x = new float[corners * copies * 2];
        int[] y = new int[corners * copies];
        int[] labels = gate.labels();
        float[] base = gate.x().dup('c').data().asFloat();
        for (int c = 0; c < copies; c++) {
            for (int k = 0; k < corners; k++) {
                int row = c * corners + k;
                x[2 * row] = (float) (base[2 * k] + sigma * rng.nextGaussian());
                x[2 * row + 1] = (float) (base[2 * k + 1] + sigma * rng.nextGaussian());
                y[row] = labels[k];
            }
        }
        return ArrayDataset.of(Nd4j.create(x, new long[] {y.length, 2}, DataType.FLOAT), y, gate.classNames());
    }

    /** As {@link #noisy(ArrayDataset, int, double, long)} with a seed from {@link Course#rng()}. */
    public static ArrayDataset noisy(ArrayDataset gate, int copies, double sigma) {
        return noisy(gate, copies, sigma, Course.rng().nextLong());
    }

    private static ArrayDataset table(int... outputs) {
        INDArray x = Nd4j.create(INPUTS.clone(), new long[] {4, 2}, DataType.FLOAT);
        return ArrayDataset.of(x, outputs, List.of("0", "1"));
    }
}
