package dl.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Course;
import dl.Fixture;
import dl.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Embedding and EmbeddingBag against PyTorch (fixtures_rnn.py), by finite differences and by the one-hot product. */
class EmbeddingTest {

    @BeforeEach
    void seed() {
        Course.seed(5);
    }

    @Test
    void embeddingMatchesPyTorch() {
        Fixture f = Fixture.load("rnn/embedding.json");
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Embedding e = Embedding.fromPretrained(f.array("weight").castTo(t), true, 0);
            Tensor y = e.forward(new Tensor(f.array("ids")));
            Expect.matches(f, "y", y.data(), t);
            y.mul(Expect.tensor(f, "r", t)).sum().backward();
            Expect.matches(f, "grad.weight", e.weight().grad(), t);
            assertEquals(0.0, e.weight().grad().getRow(0).amaxNumber().doubleValue(), "padding row gets no gradient");
        }
    }

    @Test
    void embeddingBagMeanMatchesPyTorch() {
        Fixture f = Fixture.load("rnn/embedding_bag.json");
        long[] ids = toLongs(f.array("ids"));
        long[] offsets = toLongs(f.array("offsets"));
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            EmbeddingBag bag = new EmbeddingBag(7, 3, EmbeddingBag.Mode.MEAN, 0);
            if (t == DataType.DOUBLE) {
                bag.toDouble();
            }
            bag.weight().data().assign(f.array("weight"));
            Tensor y = bag.forward(ids, offsets);
            Expect.matches(f, "y", y.data(), t);
            y.mul(Expect.tensor(f, "r", t)).sum().backward();
            Expect.matches(f, "grad.weight", bag.weight().grad(), t);
        }
    }

    @Test
    void lookupEqualsOneHotTimesTable() {
        Embedding e = new Embedding(6, 4);
        e.toDouble();
        int[] ids = {3, 0, 3, 5};
        INDArray oneHot = Nd4j.zeros(DataType.DOUBLE, 4, 6);
        for (int k = 0; k < ids.length; k++) {
            oneHot.putScalar(k, ids[k], 1);
        }
        INDArray product = oneHot.mmul(e.weight().data());
        assertEquals(0.0, e.forward(ids).data().sub(product).amaxNumber().doubleValue(), 1e-15);
    }

    @Test
    void gradientChecks() {
        Embedding e = new Embedding(5, 3, 1);
        e.toDouble();
        Tensor ids = new Tensor(Nd4j.createFromArray(new double[][] {{0, 1, 4}, {4, 4, 2}}));
        Tensor r = Expect.weights(2, 3, 3);
        Tensor w = e.weight();
        GradCheckRow.check("embedding", () -> e.forward(ids).mul(r).sum(), w, 1);
        EmbeddingBag bag = new EmbeddingBag(5, 3, EmbeddingBag.Mode.MEAN, 1);
        bag.toDouble();
        Tensor rb = Expect.weights(2, 3);
        Expect.gradOk("embedding bag (mean, padding)", ts -> bag.forward(ids).mul(rb).sum(), bag.weight());
        EmbeddingBag sum = new EmbeddingBag(5, 3, EmbeddingBag.Mode.SUM, -1);
        sum.toDouble();
        Expect.gradOk("embedding bag (sum)", ts -> sum.forward(ids).mul(rb).sum(), sum.weight());
    }

    /** Finite differences for the rows that are learned; the padding row must get exactly zero. */
    static final class GradCheckRow {
        static void check(String what, java.util.function.Supplier<Tensor> loss, Tensor w, int paddingRow) {
            w.zeroGrad();
            loss.get().backward();
            INDArray g = w.grad().dup();
            assertEquals(0.0, g.getRow(paddingRow).amaxNumber().doubleValue(), what + ": padding row");
            double h = 1e-6;
            for (int i = 0; i < w.size(0); i++) {
                if (i == paddingRow) {
                    continue;
                }
                for (int j = 0; j < w.size(1); j++) {
                    double v = w.data().getDouble(i, j);
                    w.data().putScalar(new long[] {i, j}, v + h);
                    double plus = loss.get().item();
                    w.data().putScalar(new long[] {i, j}, v - h);
                    double minus = loss.get().item();
                    w.data().putScalar(new long[] {i, j}, v);
                    assertEquals((plus - minus) / (2 * h), g.getDouble(i, j), 1e-7, what + " row " + i + " col " + j);
                }
            }
            System.out.println("gradcheck " + what + ": " + (w.length() - w.size(1)) + " values ok");
        }
    }

    @Test
    void paddingRowStartsAtZeroAndFrozenPretrainedVectorsStayFixed() {
        Embedding e = new Embedding(4, 2, 2);
        assertEquals(0.0, e.weight().data().getRow(2).amaxNumber().doubleValue());
        INDArray vectors = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Embedding frozen = Embedding.fromPretrained(vectors, false);
        assertEquals(0, frozen.trainableParameterCount());
        Tensor y = frozen.forward(2, 0);
        assertEquals(5.0, y.data().getDouble(0, 0));
        assertEquals(2.0, y.data().getDouble(1, 1));
        assertTrue(!y.requiresGrad(), "a frozen table gives outputs without history");
        assertNull(frozen.weight().grad());
        vectors.putScalar(0, 0, 100);
        assertEquals(1.0, frozen.weight().data().getDouble(0, 0), "the vectors were copied");
    }

    @Test
    void badIdsAreNamed() {
        Embedding e = new Embedding(4, 2);
        var out = assertThrows(IndexOutOfBoundsException.class, () -> e.forward(1, 4));
        assertTrue(out.getMessage().contains("token id 4 at position 1") && out.getMessage().contains("0..3"), out.getMessage());
        var frac = assertThrows(IllegalArgumentException.class, () -> e.forward(Tensor.of(0.5, 1)));
        assertTrue(frac.getMessage().contains("whole numbers"), frac.getMessage());
        var off = assertThrows(IllegalArgumentException.class,
                () -> new EmbeddingBag(4, 2).forward(new long[] {1, 2}, new long[] {1}));
        assertTrue(off.getMessage().contains("offsets must start at 0"), off.getMessage());
    }

    private static long[] toLongs(INDArray a) {
        double[] d = a.toDoubleVector();
        long[] r = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = (long) d[i];
        }
        return r;
    }
}
