package dl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Comparisons with PyTorch's fp64 reference values, and gradients set through autograd. */
final class Compare {

    /** fp64 runs must agree far below the project's 1e-6, so that a misplaced ε (≈1e-8) shows. */
    static final double FP64_TOL = 1e-10;
    /** fp32 runs: relative 1e-4 (plus 1e-6 absolute for values near zero). */
    static final double FP32_REL = 1e-4;

    private Compare() {}

    /** Fails with the first differing element unless actual ≈ expected at the dtype's tolerance. */
    static void close(String what, INDArray actual, INDArray expected, DataType dtype) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] a = actual.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        double[] e = expected.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        for (int i = 0; i < e.length; i++) {
            close(what + "[" + i + "]", a[i], e[i], dtype);
        }
    }

    static void close(String what, double actual, double expected, DataType dtype) {
        double tol = dtype == DataType.DOUBLE ? FP64_TOL * Math.max(1, Math.abs(expected))
                : FP32_REL * Math.abs(expected) + 1e-6;
        if (!(Math.abs(actual - expected) <= tol)) {
            fail(what + " (" + dtype + "): expected " + expected + ", got " + actual + " (off by "
                    + Math.abs(actual - expected) + ", tolerance " + tol + ")");
        }
    }

    /**
     * Makes {@code p.grad()} equal {@code g} the way training does, through backward():
     * L = Σ p·g has dL/dp = g exactly. Accumulates onto an existing gradient (zero it first).
     */
    static void setGrad(Tensor p, INDArray g) {
        p.mul(Tensor.of(g.castTo(p.dtype()))).sum().backward();
    }

    static Tensor param(INDArray values, DataType dtype) {
        return new Tensor(values.castTo(dtype).dup(), true);
    }
}
