package dl.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Course;
import dl.init.Init;
import dl.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Gradient norms through a recurrence against a^k worked by hand. */
class GradientFlowTest {

    /** An RNN cell with W_hh = a · (cyclic shift), everything else zero: h stays 0, tanh' = 1. */
    private static RNNCell shiftCell(int h, double a) {
        RNNCell cell = new RNNCell(2, h);
        cell.toDouble();
        cell.parameters().forEach(p -> Init.constant(p, 0.0));
        double[][] w = new double[h][h];
        for (int i = 0; i < h; i++) {
            w[(i + 1) % h][i] = a;
        }
        cell.namedParameters().get("weight_hh").assign(Tensor.ofDouble(w));
        return cell;
    }

    @Test
    void normsArePowersOfTheRecurrentScale() {
        for (double a : new double[] {0.9, 1.1}) {
            double[] norms = GradientFlow.byDistance(shiftCell(5, a), Tensor.ofDouble(new double[2 * 30], 1, 30, 2),
                    Tensor.ofDouble(0, 3, 0, 4, 0));
            assertEquals(31, norms.length);
            for (int k = 0; k <= 30; k++) {
                assertEquals(5 * Math.pow(a, k), norms[k], 1e-12 * 5 * Math.pow(a, k), "a = " + a + ", k = " + k);
            }
        }
    }

    @Test
    void saturatedTanhShrinksTheGradientFurther() {
        Course.seed(2);
        RNNCell cell = new RNNCell(3, 4);
        cell.toDouble();
        double[] norms = GradientFlow.byDistance(cell, Tensor.randn(1, 12, 3).toDouble().mul(3), Tensor.ofDouble(1, 1, 1, 1));
        assertEquals(2.0, norms[0], 1e-12);  // ‖g‖ itself
        assertTrue(norms[12] < norms[0]);
        assertThrows(dl.tensor.ShapeException.class,
                () -> GradientFlow.byDistance(cell, Tensor.randn(2, 12, 3).toDouble(), Tensor.ofDouble(1, 1, 1, 1)));
    }
}
