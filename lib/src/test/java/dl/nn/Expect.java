package dl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Fixture;
import dl.tensor.GradCheck;
import dl.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Comparisons shared by the dl.nn tests. */
final class Expect {

    /** Tolerances of the PyTorch fixtures: fp64 1e-6, fp32 relative 1e-4. */
    static double tolerance(DataType t) {
        return t == DataType.DOUBLE ? 1e-6 : 1e-4;
    }

    private Expect() {}

    /**
     * Same shape and |a − e| ≤ rtol·(|e| + 0.01·max|E|) everywhere: relative, with a floor so that
     * values that cancel to nearly 0 are judged against the array's scale.
     */
    static void close(String what, INDArray actual, INDArray expected, double rtol) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] a = actual.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        double[] e = expected.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        double max = 0;
        for (double v : e) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < a.length; i++) {
            double tol = rtol * (Math.abs(e[i]) + 0.01 * max);
            assertTrue(Math.abs(a[i] - e[i]) <= tol || (a[i] == e[i]),
                    what + ": element " + i + " expected " + e[i] + ", got " + a[i] + " (tolerance " + tol + ")");
        }
    }

    static void close(String what, Tensor actual, INDArray expected, double rtol) {
        close(what, actual.data(), expected, rtol);
    }

    /** Compares with the fixture entry {@code key}. */
    static void matches(Fixture f, String key, INDArray actual, DataType t) {
        close(key + " (" + t + ")", actual, f.array(key), tolerance(t));
        System.out.println("fixture " + key + " (" + t + ") ok");
    }

    /** A fixture array as a tensor of type {@code t}. */
    static Tensor tensor(Fixture f, String key, DataType t) {
        return new Tensor(f.array(key).castTo(t), false);
    }

    /** Gradient check with tolerance 1e-6 (abs or rel); returns the number of checked values. */
    static int gradOk(String what, Function<List<Tensor>, Tensor> loss, Tensor... inputs) {
        GradCheck.Result r = GradCheck.run(loss, inputs);
        assertTrue(r.passes(1e-6), what + ": max abs " + r.maxAbsError() + ", rel " + r.maxRelError());
        System.out.printf("gradcheck %s: %d values, max abs %.2e, max rel %.2e%n", what, r.checkedValues(), r.maxAbsError(), r.maxRelError());
        return r.checkedValues();
    }

    /** A random fp64 leaf in [-1, 1) that requires grad. */
    static Tensor leaf(long... shape) {
        return new Tensor(Nd4j.rand(DataType.DOUBLE, shape).subi(0.5).muli(2), true);
    }

    /** Fixed random weights r for a loss Σ y·r (every output element then matters). */
    static Tensor weights(long... shape) {
        return new Tensor(Nd4j.randn(DataType.DOUBLE, shape), false);
    }
}
