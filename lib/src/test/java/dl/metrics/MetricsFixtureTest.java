package dl.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.Fixture;
import dl.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import tech.tablesaw.api.Table;

/** Accuracy, confusion matrix, precision, recall and F1 against scikit-learn (fixtures_metrics.py). */
class MetricsFixtureTest {

    static int[] ints(Fixture f, String key) {
        return f.array(key).castTo(DataType.INT).toIntVector();
    }

    @ParameterizedTest
    @ValueSource(strings = {"four_classes", "zero_division", "binary"})
    void matchesScikitLearn(String name) {
        Fixture f = Fixture.load("metrics/" + name + ".json");
        int c = (int) f.scalar("num_classes");
        int[] actual = ints(f, "actual");
        int[] predicted = ints(f, "predicted");
        Tensor scores = Tensor.of(f.array("scores").castTo(DataType.FLOAT));

        assertArrayEquals(predicted, Classes.argmax(scores), "argmax as numpy");
        assertArrayEquals(predicted, Classes.argmax(scores.toDouble()), "argmax in fp64");
        assertEquals(f.scalar("accuracy"), Accuracy.of(scores, actual), 1e-12);
        assertEquals(f.scalar("accuracy"), Accuracy.of(predicted, actual), 1e-12);
        assertEquals(f.scalar("accuracy"), Accuracy.of(scores, Tensor.of(f.array("actual"))), 1e-12);

        ConfusionMatrix m = ConfusionMatrix.of(scores, actual);
        assertEquals(c, m.numClasses());
        long[][] counts = m.counts();
        double[] expected = f.array("confusion").reshape(-1).toDoubleVector();
        for (int a = 0; a < c; a++) {
            for (int p = 0; p < c; p++) {
                assertEquals((long) expected[a * c + p], counts[a][p], "count [" + a + "][" + p + "]");
            }
        }
        assertEquals(f.scalar("accuracy"), m.accuracy(), 1e-12);
        assertArrayEquals(f.array("precision").toDoubleVector(), m.precision(), 1e-12);
        assertArrayEquals(f.array("recall").toDoubleVector(), m.recall(), 1e-12);
        assertArrayEquals(f.array("f1").toDoubleVector(), m.f1(), 1e-12);
        double[] support = f.array("support").toDoubleVector();
        for (int k = 0; k < c; k++) {
            assertEquals((long) support[k], m.support(k));
        }
        assertEquals(f.scalar("macro_precision"), m.macroPrecision(), 1e-12);
        assertEquals(f.scalar("macro_recall"), m.macroRecall(), 1e-12);
        assertEquals(f.scalar("macro_f1"), m.macroF1(), 1e-12);

        Table report = m.report();
        assertEquals(c + 1, report.rowCount());
        assertEquals("macro avg", report.stringColumn("class").get(c));
        assertEquals(f.scalar("macro_f1"), report.doubleColumn("f1").get(c), 1e-12);
        assertEquals(f.array("recall").getDouble(0), report.doubleColumn("recall").get(0), 1e-12);
    }
}
