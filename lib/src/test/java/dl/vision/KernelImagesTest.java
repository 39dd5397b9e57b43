package dl.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.nn.Conv2d;
import dl.nn.PaddingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class KernelImagesTest {

    private static final double[][] IMAGE = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    /** Cross-correlation with this kernel reads the left neighbour: out[i][j] = x[i][j-1]. */
    private static final double[][] LEFT = {{0, 0, 0}, {1, 0, 0}, {0, 0, 0}};

    private static double[][] matrix(INDArray a) {
        return a.toDoubleMatrix();
    }

    @Test
    void layerIsAFrozenBiasFreeConvHoldingTheKernel() {
        Conv2d conv = KernelImages.layer(Filters.sobelXArray());
        assertEquals(9, conv.parameterCount());
        assertEquals(null, conv.bias());
        assertTrue(conv.weight().isFrozen());
        assertArrayEquals(new double[] {-1, 0, 1, -2, 0, 2, -1, 0, 1}, conv.weight().toDoubleArray());
    }

    @Test
    void validMatchesTheJavaLoopsOfFilters() {
        Random rng = new Random(3);
        double[][] image = new double[6][7];
        for (double[] row : image) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextDouble();
            }
        }
        double[][] kernel = {{0.5, -1, 0.25}, {2, 0, -0.75}};
        double[][] expected = Filters.apply(image, kernel);
        double[][] got = matrix(KernelImages.valid(Nd4j.create(image), kernel));
        assertEquals(expected.length, got.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], got[i], 1e-5);
        }
    }

    @Test
    void sobelOnARampIsEightEverywhere() {
        // rows 0,1,2,3: each window has (x+2) - x = 2 across, weighted 1+2+1 -> 8
        double[][] ramp = {{0, 1, 2, 3}, {0, 1, 2, 3}, {0, 1, 2, 3}};
        assertArrayEquals(new double[] {8, 8}, matrix(KernelImages.valid(Nd4j.create(ramp), Filters.sobelXArray()))[0], 1e-6);
    }

    @Test
    void sameFillsTheBorderByMode() {
        INDArray x = Nd4j.create(IMAGE);
        // the left neighbour of column 0 is 0 (zeros), column 1 (reflect), column 0 itself (replicate)
        double[][] zeros = matrix(KernelImages.same(x, LEFT, PaddingMode.ZEROS));
        double[][] reflect = matrix(KernelImages.same(x, LEFT, PaddingMode.REFLECT));
        double[][] replicate = matrix(KernelImages.same(x, LEFT, PaddingMode.REPLICATE));
        double[][] wantZeros = {{0, 1, 2}, {0, 4, 5}, {0, 7, 8}};
        double[][] wantReflect = {{2, 1, 2}, {5, 4, 5}, {8, 7, 8}};
        double[][] wantReplicate = {{1, 1, 2}, {4, 4, 5}, {7, 7, 8}};
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(wantZeros[i], zeros[i], 1e-6);
            assertArrayEquals(wantReflect[i], reflect[i], 1e-6);
            assertArrayEquals(wantReplicate[i], replicate[i], 1e-6);
        }
    }

    @Test
    void sobelMagnitudeOfAStepEdge() {
        // columns 0..2 dark, 3..5 bright: |Gx| = 4 on the two columns beside the edge, Gy = 0;
        // with replicate padding the outer columns see no change, so they stay 0
        double[][] step = new double[5][6];
        for (double[] row : step) {
            row[3] = row[4] = row[5] = 1;
        }
        double[][] m = matrix(KernelImages.sobelMagnitude(Nd4j.create(step), PaddingMode.REPLICATE));
        for (double[] row : m) {
            assertArrayEquals(new double[] {0, 0, 4, 4, 0, 0}, row, 1e-6);
        }
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        var rgb = Nd4j.zeros(3, 4, 4);
        var e = assertThrows(IllegalArgumentException.class, () -> KernelImages.valid(rgb, LEFT));
        assertTrue(e.getMessage().contains("[3, 4, 4]"), e.getMessage());
        var even = assertThrows(IllegalArgumentException.class,
                () -> KernelImages.same(Nd4j.create(IMAGE), new double[][] {{1, 0}, {0, 1}}, PaddingMode.ZEROS));
        assertTrue(even.getMessage().contains("odd"), even.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KernelImages.layer(new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class,
                () -> KernelImages.valid(Nd4j.zeros(2, 2), Filters.sobelXArray()));
    }
}
