package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Expected values from NumPy: numpy.linalg.svd of the centred data (as scikit-learn's PCA). */
class PcaTest {

    // rng = numpy.random.default_rng(3); 7 x 5 with column scales 3, 1, 0.5, 2, 0.2, rounded
    private static final double[][] TALL = {
        {6.123, -2.556, 0.209, -1.136, -0.091}, {-0.647, -2.02, -0.116, -1.73, 0.665},
        {0.677, -0.353, -0.141, -1.336, -0.211}, {-1.172, 0.482, -0.119, 1.916, -0.04},
        {0.073, 1.546, 0.273, -1.01, -0.037}, {1.622, 1.935, -0.135, -0.487, 0.2},
        {-2.659, -0.292, 0.441, 1.161, 0.018}};
    private static final double[][] TALL_PROJECTION = {
        {-5.9852185526, -0.4354967523}, {0.2139233901, -2.3526985387}, {-0.4149616526, -0.2361279144},
        {2.4227312091, 0.3604975835}, {0.7848116387, 1.3488725217}, {-0.3749571451, 2.2912313217},
        {3.3536711125, -0.9762782215}};

    // the same generator, next 4 x 9: fewer points than dimensions
    private static final double[][] WIDE = {
        {0.67, -2.828, 1.021, -0.96, -1.669, 0.276, 0.701, -0.445, -1.076},
        {0.026, -0.053, 1.406, 0.747, 0.194, 1.112, -0.206, -0.926, 0.584},
        {0.583, -0.215, -0.783, 0.229, -2.494, 0.69, 0.491, -1.639, 0.061},
        {-0.964, 0.757, -2.034, -0.914, 0.71, 1.156, -2.158, -0.498, 0.328}};
    private static final double[][] WIDE_PROJECTION = {
        {-2.8993048196, -0.0824894805}, {0.1817475213, 2.0725426617}, {-0.7834238827, -1.4824221805},
        {3.5009811811, -0.5076310007}};

    /** Projections agree with NumPy's up to the sign of each component. */
    private static void assertProjection(double[][] expected, INDArray actual) {
        for (int c = 0; c < expected[0].length; c++) {
            double sign = Math.signum(actual.getDouble(0, c)) * Math.signum(expected[0][c]);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i][c], sign * actual.getDouble(i, c), 1e-8, "point " + i + ", component " + c);
            }
        }
    }

    @Test
    void morePointsThanDimensionsMatchesNumpy() {
        Pca pca = Pca.fit(Nd4j.createFromArray(TALL).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT), 2);
        assertArrayEquals(new double[] {8.985676020663911, 2.322146658423421}, pca.variances(), 1e-5);
        assertArrayEquals(new double[] {0.7063695845243014, 0.18254539408531367}, pca.varianceRatios(), 1e-6);
        Pca exact = Pca.fit(Nd4j.createFromArray(TALL), 2);
        assertArrayEquals(new double[] {8.985676020663911, 2.322146658423421}, exact.variances(), 1e-10);
        assertProjection(TALL_PROJECTION, exact.transform(Nd4j.createFromArray(TALL)));
    }

    @Test
    void fewerPointsThanDimensionsUsesTheGramMatrixAndMatchesNumpy() {
        Pca pca = Pca.fit(Nd4j.createFromArray(WIDE), 2);
        assertArrayEquals(new double[] {7.103207603060416, 2.2525007843420712}, pca.variances(), 1e-10);
        assertArrayEquals(new double[] {0.6294371618356556, 0.19960105067434594}, pca.varianceRatios(), 1e-10);
        assertProjection(WIDE_PROJECTION, pca.transform(Nd4j.createFromArray(WIDE)));
    }

    @Test
    void componentsAreOrthonormalWithAPositiveLargestCoefficient() {
        INDArray v = Pca.fit(Nd4j.createFromArray(TALL), 3).components();
        INDArray gram = v.mmul(v.transpose());
        assertTrue(gram.equalsWithEps(Nd4j.eye(3).castTo(gram.dataType()), 1e-10), gram.toString());
        for (int c = 0; c < 3; c++) {
            INDArray row = v.getRow(c);
            assertEquals(row.amaxNumber().doubleValue(), row.maxNumber().doubleValue(), 0.0, "component " + c);
        }
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(Nd4j.zeros(5), 1));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(Nd4j.zeros(1, 3), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pca.fit(Nd4j.zeros(4, 3), 4));
        assertTrue(e.getMessage().contains("k must be in 1..3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(Nd4j.createFromArray(TALL), 2).transform(Nd4j.zeros(2, 4)));
        double[][] bad = {{1, 2}, {Double.NaN, 1}, {0, 0}};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Pca.fit(Nd4j.createFromArray(bad), 1))
                .getMessage().contains("[1, 0] is NaN"));
    }
}
