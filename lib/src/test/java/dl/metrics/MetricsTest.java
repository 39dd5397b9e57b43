package dl.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

/** Metrics on small examples worked by hand. */
class MetricsTest {

    static final List<String> ANIMALS = List.of("cat", "dog", "bird");
    //                          index  0  1  2  3  4  5  6  7  8  9
    static final int[] ACTUAL =       {0, 0, 0, 1, 1, 2, 2, 2, 2, 0};
    static final int[] PREDICTED =    {0, 1, 0, 1, 2, 2, 2, 0, 2, 1};

    /*
     * By hand, rows = actual, columns = predicted:
     *          cat dog bird
     *   cat      2   2    0
     *   dog      0   1    1
     *   bird     1   0    3
     * accuracy 6/10; precision (columns) 2/3, 1/3, 3/4; recall (rows) 2/4, 1/2, 3/4;
     * F1 = 2TP/(2TP+FP+FN): 4/7, 2/5, 6/8.
     */
    @Test
    void workedThreeClassExample() {
        ConfusionMatrix m = ConfusionMatrix.of(PREDICTED, ACTUAL, ANIMALS);
        assertArrayEquals(new long[][] {{2, 2, 0}, {0, 1, 1}, {1, 0, 3}}, m.counts());
        assertEquals(10, m.total());
        assertEquals(0.6, m.accuracy(), 1e-12);
        assertEquals(0.6, Accuracy.of(PREDICTED, ACTUAL), 1e-12);
        assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0, 0.75}, m.precision(), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, 0.75}, m.recall(), 1e-12);
        assertArrayEquals(new double[] {4 / 7.0, 0.4, 0.75}, m.f1(), 1e-12);
        assertEquals((2 / 3.0 + 1 / 3.0 + 0.75) / 3, m.macroPrecision(), 1e-12);
        assertEquals((0.5 + 0.5 + 0.75) / 3, m.macroRecall(), 1e-12);
        assertEquals((4 / 7.0 + 0.4 + 0.75) / 3, m.macroF1(), 1e-12);
        assertEquals(1, m.falsePositives(2));  // a dog called a bird
        assertEquals(2, m.falseNegatives(0));  // two cats called dogs
        assertEquals(4, m.support(2));
        // F1 is the harmonic mean of P and R
        for (int k = 0; k < 3; k++) {
            double p = m.precision(k);
            double r = m.recall(k);
            assertEquals(2 * p * r / (p + r), m.f1(k), 1e-12);
        }
    }

    @Test
    void tableHasClassNamesAsRowAndColumnLabels() {
        Table t = ConfusionMatrix.of(PREDICTED, ACTUAL, ANIMALS).table();
        assertEquals(List.of("actual \\ predicted", "cat", "dog", "bird"), t.columnNames());
        assertEquals(List.of("cat", "dog", "bird"), t.stringColumn(0).asList());
        assertEquals(2L, t.longColumn("dog").get(0));   // actual cat, predicted dog
        assertEquals(1L, t.longColumn("cat").get(2));   // actual bird, predicted cat
        assertEquals(3L, t.longColumn("bird").get(2));
    }

    @Test
    void zeroDivisionGivesZeroAsScikitLearn() {
        // class 2 never predicted, class 3 neither present nor predicted
        // (actual, predicted) pairs: (0,0) (1,1) (2,1) (2,0): classes 0 and 1 have TP 1, FP 1, FN 0
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 1, 1, 0}, new int[] {0, 1, 2, 2}, 4);
        assertEquals(0, m.precision(2));
        assertEquals(0, m.recall(2));
        assertEquals(0, m.f1(2));
        assertEquals(0, m.precision(3));
        assertEquals(0, m.recall(3));
        assertEquals(0, m.f1(3));
        assertEquals((0.5 + 0.5 + 0 + 0) / 4, m.macroPrecision(), 1e-12);
        assertEquals((1 + 1 + 0 + 0) / 4.0, m.macroRecall(), 1e-12);
        assertEquals((2 / 3.0 + 2 / 3.0 + 0 + 0) / 4, m.macroF1(), 1e-12);   // 2TP/(2TP+FP+FN) = 2/3
    }

    @Test
    void accuracyFromScoresTakesTheFirstLargestScore() {
        Tensor logits = Tensor.of(new double[][] {{2, 1, 0}, {0, 3, 3}, {-1, -2, -0.5}, {5, 5, 5}});
        assertArrayEquals(new int[] {0, 1, 2, 0}, Classes.argmax(logits));
        assertEquals(0.75, Accuracy.of(logits, new int[] {0, 1, 2, 1}), 1e-12);
        // probabilities give the same predictions as their logits
        Tensor e = logits.exp();
        assertArrayEquals(Classes.argmax(logits), Classes.argmax(e.div(e.sum(true, 1))));
        assertEquals(0.5, Accuracy.of(logits, Tensor.of(Nd4j.createFromArray(0L, 2L, 2L, 1L))), 1e-12);
    }

    @Test
    void binaryAccuracyThresholdsOneScorePerSample() {
        Tensor p = Tensor.of(0.9, 0.5, 0.49, 0.1);
        assertArrayEquals(new int[] {1, 1, 0, 0}, Classes.threshold(p, 0.5));
        assertEquals(0.75, Accuracy.binary(p, new int[] {1, 0, 0, 0}, 0.5), 1e-12);
        assertEquals(1.0, Accuracy.binary(Tensor.of(new double[][] {{2.0}, {-1.0}}), Tensor.of(1, 0), 0), 1e-12);
    }

    @Test
    void classCountIsInferredOrTakenFromTheScores() {
        assertEquals(3, ConfusionMatrix.of(new int[] {0, 2}, new int[] {1, 1}).numClasses());
        ConfusionMatrix m = ConfusionMatrix.of(Tensor.of(new double[][] {{0, 1, 0, 0}, {1, 0, 0, 0}}), new int[] {1, 1});
        assertEquals(4, m.numClasses());
        assertEquals(List.of("0", "1", "2", "3"), m.classNames());
        assertEquals(1, m.count(1, 0));
    }

    @Test
    void fromCountsAndDisplay() {
        ConfusionMatrix m = ConfusionMatrix.fromCounts(new long[][] {{5, 1}, {2, 12}}, List.of("<neg>", "pos"));
        assertEquals(17 / 20.0, m.accuracy(), 1e-12);
        assertEquals(12 / 13.0, m.precision(1), 1e-12);
        String html = m.toHtml();
        assertTrue(html.contains("&lt;neg&gt;") && !html.contains("<neg>"), html);
        assertTrue(html.contains(">12</td>"), html);
        String text = m.toString();
        assertTrue(text.startsWith("ConfusionMatrix(2 classes, 20 samples)"), text);
        assertTrue(text.contains("pos") && text.contains("12"), text);
    }

    @Test
    void clearErrors() {
        var length = assertThrows(IllegalArgumentException.class, () -> Accuracy.of(new int[] {0, 1}, new int[] {0}));
        assertEquals("accuracy: 2 predictions but 1 labels; expected one label per prediction", length.getMessage());
        var range = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 1}, ANIMALS));
        assertEquals("confusion matrix: predicted class 3 at position 1 is out of range for 3 classes (valid ids 0..2)",
                range.getMessage());
        var twice = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0}, new int[] {0}, List.of("a", "a")));
        assertTrue(twice.getMessage().contains("'a' appears twice"), twice.getMessage());
        var vector = assertThrows(IllegalArgumentException.class, () -> Classes.argmax(Tensor.of(0.2, 0.8)));
        assertTrue(vector.getMessage().contains("Classes.threshold"), vector.getMessage());
        var fractional = assertThrows(IllegalArgumentException.class, () -> Classes.ids(Tensor.of(1, 1.5)));
        assertEquals("labels: 1.5 at position 1 is not a class id (a whole number >= 0)", fractional.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Accuracy.of(new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.fromCounts(new long[][] {{1, 2}}, List.of("a", "b")));
    }
}
