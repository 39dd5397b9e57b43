package dl.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dl.Course;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TextCnnTest {

    @Test
    void kimSizesMatchTheHandCount() {
        // widths 3/4/5 x 100 maps over d = 300: sum_w 100 * (300 w + 1) = 360,300; FC 300 -> 2: 602
        TextCnn cnn = new TextCnn(50, 300, new int[] {3, 4, 5}, 100, 2, 0.5);
        assertEquals(50L * 300 + 360_300 + 602, cnn.parameterCount());
    }

    @Test
    void featureMapsHaveOnePositionPerWindowAndScoresPerClass() {
        Course.seed(3);
        TextCnn cnn = new TextCnn(30, 8, new int[] {3, 5}, 4, 3, 0.0);
        int[][] ids = new int[2][20];
        for (int i = 0; i < 20; i++) { ids[0][i] = i; ids[1][i] = 29 - i; }
        Tensor x = Tensor.ofInts(ids);
        assertArrayEquals(new long[] {2, 4, 18}, cnn.featureMaps(x, 0).shape());
        assertArrayEquals(new long[] {2, 4, 16}, cnn.featureMaps(x, 1).shape());
        assertArrayEquals(new long[] {2, 3}, cnn.forward(x).shape());
    }

    @Test
    void poolingTakesTheMaximumOverPositions() {
        Course.seed(4);
        TextCnn cnn = new TextCnn(10, 4, new int[] {2}, 3, 2, 0.0);
        Tensor x = Tensor.ofInts(new int[][] {{1, 2, 3, 4, 5, 6}});
        double[][] maps = cnn.featureMaps(x, 0).select(0, 0).toDoubleMatrix();
        double[] max = new double[3];
        for (int c = 0; c < 3; c++) for (double v : maps[c]) max[c] = Math.max(max[c], v);
        // the head is linear in the pooled features: recompute it by hand from the maxima
        var p = cnn.namedParameters();
        double[][] w = p.get("head.weight").toDoubleMatrix();
        double[] b = p.get("head.bias").toDoubleArray();
        double[] scores = cnn.forward(x).select(0, 0).toDoubleArray();
        for (int k = 0; k < 2; k++) {
            double s = b[k];
            for (int c = 0; c < 3; c++) s += w[k][c] * max[c];
            assertEquals(s, scores[k], 1e-5 * (1 + Math.abs(s)));
        }
    }

    @Test
    void tooShortSentencesAreRejected() {
        TextCnn cnn = new TextCnn(10, 4, new int[] {3, 5}, 2, 2, 0.0);
        assertThrows(ShapeException.class, () -> cnn.forward(Tensor.ofInts(new int[][] {{1, 2, 3}})));
    }
}
