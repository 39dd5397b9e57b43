package dl.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dl.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class FiltersTest {
    @Test
    void sobelTensorsAreFp64() {
        Tensor x = Filters.sobelX();
        assertEquals(DataType.DOUBLE, x.dtype());
        assertArrayEquals(new long[] {3, 3}, x.shape());
        assertArrayEquals(new double[] {-1, 0, 1, -2, 0, 2, -1, 0, 1}, x.toDoubleArray());
        assertArrayEquals(new double[] {-1, -2, -1, 0, 0, 0, 1, 2, 1}, Filters.sobelY().toDoubleArray());
    }

    @Test
    void sobelOnAHorizontalRamp() {
        // every row 0,1,2,3: each 3×3 window has (x+2) - x = 2 across, weighted 1+2+1 = 4 -> 8
        double[][] ramp = {{0, 1, 2, 3}, {0, 1, 2, 3}, {0, 1, 2, 3}};
        assertArrayEquals(new double[] {8, 8}, Filters.apply(ramp, Filters.sobelXArray())[0]);
        assertEquals(1, Filters.apply(ramp, Filters.sobelXArray()).length);
        assertArrayEquals(new double[] {0, 0}, Filters.apply(ramp, Filters.sobelYArray())[0]);
    }

    @Test
    void crossCorrelationDoesNotFlipTheKernel() {
        // out[0][j] = 1·img[0][j] + 2·img[0][j+1]: 1 + 4 = 5 and 2 + 6 = 8
        // (a flipped kernel, true convolution, would give 2·4+5 = 13 and 2·5+6 = 16)
        double[][] image = {{1, 2, 3}, {4, 5, 6}};
        double[][] out = Filters.apply(image, new double[][] {{1, 2}, {0, 0}});
        assertEquals(1, out.length);
        assertArrayEquals(new double[] {5, 8}, out[0]);
        // 2×2 kernel [[1,0],[0,-1]] on 3×3: img[i][j] - img[i+1][j+1] = -4 everywhere, 2×2 output
        double[][] out2 = Filters.apply(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}},
                new double[][] {{1, 0}, {0, -1}});
        assertArrayEquals(new double[] {-4, -4}, out2[0]);
        assertArrayEquals(new double[] {-4, -4}, out2[1]);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Filters.apply(new double[][] {{1, 2}}, Filters.sobelXArray()));
        assertThrows(IllegalArgumentException.class, () -> Filters.apply(new double[][] {{1, 2}, {3}}, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> Filters.apply(new double[0][], new double[][] {{1}}));
    }
}
