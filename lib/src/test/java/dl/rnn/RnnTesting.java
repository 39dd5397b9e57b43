package dl.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.GradCheck;
import dl.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Helpers of the dl.rnn tests. */
public final class RnnTesting {

    private RnnTesting() {}

    /** A random fp64 leaf in [-1, 1) that requires grad. */
    static Tensor leaf(long... shape) {
        return new Tensor(Nd4j.rand(DataType.DOUBLE, shape).subi(0.5).muli(2), true);
    }

    /** Fixed random weights r for a loss Σ y·r. */
    static Tensor weights(long... shape) {
        return new Tensor(Nd4j.randn(DataType.DOUBLE, shape), false);
    }

    /** Σ y·r. */
    static Tensor weighted(Tensor y, Tensor r) {
        return y.mul(r).sum();
    }

    /** Same shape, |a − e| ≤ tol everywhere. */
    public static void close(String what, INDArray actual, INDArray expected, double tol) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] a = actual.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        double[] e = expected.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        for (int i = 0; i < a.length; i++) {
            assertTrue(Math.abs(a[i] - e[i]) <= tol, what + ": element " + i + " expected " + e[i] + ", got " + a[i]
                    + " (tolerance " + tol + ")");
        }
    }

    /** Relative comparison with a floor at 1% of the largest expected magnitude (fp32 vs PyTorch). */
    static void closeRel(String what, INDArray actual, INDArray expected, double rtol) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] a = actual.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        double[] e = expected.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        double max = 0;
        for (double v : e) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < a.length; i++) {
            double tol = rtol * (Math.abs(e[i]) + 0.01 * max);
            assertTrue(Math.abs(a[i] - e[i]) <= tol, what + ": element " + i + " expected " + e[i] + ", got " + a[i]
                    + " (tolerance " + tol + ")");
        }
    }

    /** Finite-difference check at 1e-6 (abs or rel); returns the number of values checked. */
    static int gradOk(String what, Function<List<Tensor>, Tensor> loss, Tensor... inputs) {
        GradCheck.Result r = GradCheck.run(loss, inputs);
        assertTrue(r.passes(1e-6), what + ": max abs " + r.maxAbsError() + ", rel " + r.maxRelError());
        System.out.printf("gradcheck %s: %d values, max abs %.2e, max rel %.2e%n", what, r.checkedValues(),
                r.maxAbsError(), r.maxRelError());
        return r.checkedValues();
    }
}
