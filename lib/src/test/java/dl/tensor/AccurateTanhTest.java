package dl.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** fp32 tanh against java.lang.Math.tanh in double, from 1e-30 to 20, both signs. */
class AccurateTanhTest {

    /** ±10^e for e from -30 to 1.3 in steps of 0.1, plus 0. */
    private static float[] logSpaced() {
        int n = 314;
        float[] v = new float[2 * n + 1];
        for (int i = 0; i < n; i++) {
            float x = (float) Math.pow(10, -30 + 0.1 * i);
            v[2 * i] = x;
            v[2 * i + 1] = -x;
        }
        return v;
    }

    @Test
    void fp32TanhHasSmallRelativeErrorEverywhereIncludingNearZero() {
        float[] x = logSpaced();
        INDArray y = Tensor.of(Nd4j.createFromArray(x)).tanh().data();
        assertEquals(DataType.FLOAT, y.dataType());
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double exact = Math.tanh(x[i]);        // of the fp32 input, in double
            double got = y.getDouble(i);
            double rel = exact == 0 ? Math.abs(got) : Math.abs(got - exact) / Math.abs(exact);
            worst = Math.max(worst, rel);
            assertTrue(rel < 1e-6, "tanh(" + x[i] + "): got " + got + ", expected " + exact);
        }
        System.out.println("fp32 tanh: worst relative error " + worst + " over " + x.length + " values");
    }

    @Test
    void tinyValuesDoNotVanish() {
        // Nd4j's own fp32 kernel returns 0 for 1e-8 and 8.9e-8 for 1e-7
        INDArray y = Tensor.of(1e-8, 1e-7, -3e-20).tanh().data();
        assertEquals(1e-8, y.getDouble(0), 1e-8 * 1e-6);
        assertEquals(1e-7, y.getDouble(1), 1e-7 * 1e-6);
        assertEquals(-3e-20, y.getDouble(2), 3e-20 * 1e-6);
    }

    @Test
    void viewsAndFortranOrderGiveTheSameValuesAndShape() {
        INDArray base = Nd4j.createFromArray(new float[][] {{1e-9f, 0.5f, -2f}, {3e-3f, -1e-5f, 7f}});
        INDArray transposed = base.transpose();                        // a view with swapped strides
        INDArray y = Tensor.of(transposed).tanh().data();
        assertArrayEquals(new long[] {3, 2}, y.shape());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double exact = Math.tanh(transposed.getFloat(i, j));
                assertEquals(exact, y.getDouble(i, j), Math.abs(exact) * 1e-6, "element " + i + "," + j);
            }
        }
        INDArray fOrder = base.dup('f');
        INDArray yf = Tensor.of(fOrder).tanh().data();
        assertEquals(Math.tanh(1e-9f), yf.getDouble(0, 0), 1e-15);
        assertEquals(Math.tanh(7f), yf.getDouble(1, 2), 1e-6);
        assertEquals(0.5f, base.getFloat(0, 1), "the input is not changed");
    }

    @Test
    void fp64IsAccurateNearZeroAndGradientIsOneMinusYSquared() {
        Tensor x = Tensor.ofDouble(1e-12, 0.3, -4, 0.019, -0.021).requiresGrad(true);
        Tensor y = x.tanh();
        assertEquals(DataType.DOUBLE, y.dtype());
        assertEquals(1e-12, y.data().getDouble(0), 1e-27);   // Nd4j's fp64 kernel gives 9.99978e-13
        for (int i = 1; i < 5; i++) {
            assertEquals(Math.tanh(x.data().getDouble(i)), y.data().getDouble(i), 1e-15);
        }
        y.sum().backward();
        for (int i = 0; i < 5; i++) {
            double t = Math.tanh(x.data().getDouble(i));
            assertEquals(1 - t * t, x.grad().getDouble(i), 1e-12);
        }
    }
}
