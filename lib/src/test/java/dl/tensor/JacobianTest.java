package dl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Jacobians by autograd against ones worked by hand. */
class JacobianTest {

    @Test
    void jacobianOfAMatrixProductIsTheMatrix() {
        double[][] w = {{1, 2, 0}, {-3, 0.5, 4}};
        Tensor wt = Tensor.ofDouble(w);
        double[][] jac = Jacobian.of(h -> h.reshape(1, 3).matmul(wt.t()), Tensor.ofDouble(0.3, -1, 2));
        assertEquals(2, jac.length);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(w[i], jac[i], 1e-15);
        }
    }

    @Test
    void jacobianOfElementwiseFunctionIsDiagonal() {
        // d tanh(x)_i / d x_j = (1 - tanh² x_i) [i = j]
        double[] x = {0.5, -1.5};
        double[][] jac = Jacobian.of(Tensor::tanh, Tensor.ofDouble(x));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double expected = i == j ? 1 - Math.pow(Math.tanh(x[i]), 2) : 0;
                assertEquals(expected, jac[i][j], 1e-15);
            }
        }
    }

    @Test
    void outputThatIgnoresTheInputHasZeroRows() {
        double[][] jac = Jacobian.of(h -> Tensor.ofDouble(1, 2).add(h.mul(0).sum()), Tensor.ofDouble(3, 4, 5));
        assertArrayEquals(new double[] {0, 0, 0}, jac[1], 0);
    }
}
