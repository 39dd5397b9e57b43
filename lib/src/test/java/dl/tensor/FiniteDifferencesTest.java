package dl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.viz.Plot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tensor-valued conveniences that keep notebook cells free of raw Nd4j arrays. */
class FiniteDifferencesTest {

    @Test
    void finiteDifferencesOfASumOfSquaresAreTwiceTheInput() {
        Tensor x = Tensor.ofDouble(1, 2, -3).requiresGrad(true);
        Tensor w = Tensor.ofDouble(new double[] {0.5, -1, 2, 4}, 2, 2).requiresGrad(true);
        // L = Σ x² + Σ w³: dL/dx = 2x, dL/dw = 3w² (central differences are exact for x², off by h² for w³)
        List<Tensor> g = GradCheck.finiteDifferences(p -> p.get(0).pow(2).sum().add(p.get(1).pow(3).sum()), List.of(x, w), 1e-4);
        assertEquals(2, g.size());
        assertArrayEquals(new double[] {2, 4, -6}, g.get(0).toDoubleArray(), 1e-8);
        assertArrayEquals(new long[] {2, 2}, g.get(1).shape());
        assertArrayEquals(new double[] {0.75, 3, 12, 48}, g.get(1).toDoubleArray(), 1e-6);
    }

    @Test
    void plotImagesTakesTensors() {
        Tensor flat = Tensor.rand(6, 16);
        assertEquals(6, Plot.images(flat, 4, 4).count());
        assertEquals(3, Plot.images(Tensor.rand(3, 5, 7)).count());
    }
}
