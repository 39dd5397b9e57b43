package dl.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Course;
import dl.data.ArrayDataset;
import dl.data.SequenceTasks;
import dl.init.Init;
import dl.nn.Parameter;
import dl.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SequenceClassifier (many-to-one), LstmGates (gate traces) and the recall task. */
class SequenceClassifierAndGatesTest {

    @BeforeEach
    void seed() {
        Course.seed(5);
    }

    @Test
    void recallTaskPutsTheKeyFirstAndDistractorsAfter() {
        ArrayDataset d = SequenceTasks.recall(50, 7, 3, 4, 11);
        assertArrayEquals(new long[] {50, 8}, d.x().shape());
        int[] labels = d.labels();
        for (int i = 0; i < 50; i++) {
            assertEquals(labels[i], d.x().getDouble(i, 0), 0.0);
            assertTrue(labels[i] >= 0 && labels[i] < 3);
            for (int t = 1; t < 8; t++) {
                double tok = d.x().getDouble(i, t);
                assertTrue(tok >= 3 && tok < 7, "distractor " + tok);
            }
        }
        assertEquals(3, d.classNames().size());
        assertThrows(IllegalArgumentException.class, () -> SequenceTasks.recall(5, -1, 3, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> SequenceTasks.recall(5, 2, 1, 4, 1));
    }

    @Test
    void classifierReadsTheFinalStateOfTheLastLayer() {
        SequenceClassifier model = new SequenceClassifier(6, 4, new GRU(4, 5), 3);
        model.toDouble();
        Tensor ids = Tensor.ofDouble(new double[] {0, 1, 2, 3, 4, 5}, 2, 3);
        Tensor logits = model.forward(ids);
        assertArrayEquals(new long[] {2, 3}, logits.shape());
        // by hand: the GRU output at the last step, then the head's affine map
        Tensor emb = model.embedding().forward(ids);
        Tensor lastOut = model.recurrent().forward(emb).select(1, 2);
        var head = model.namedParameters();
        Tensor expected = lastOut.matmul(head.get("head.weight").t()).add(head.get("head.bias"));
        assertArrayEquals(expected.toDoubleArray(), logits.toDoubleArray(), 1e-12);
        assertEquals(6 * 4 + new GRU(4, 5).parameterCount() + 5 * 3 + 3, model.parameterCount());
    }

    @Test
    void bidirectionalClassifierSeesBothDirections() {
        SequenceClassifier model = new SequenceClassifier(6, 4, new LSTM(4, 5, 2, true, 0), 3);
        model.toDouble();
        Tensor ids = Tensor.ofDouble(new double[] {0, 1, 2, 3, 4, 5}, 1, 6);
        model.forward(ids).sum().backward();
        // the backward direction's final state has read token 0 last: row 0 of the table gets a gradient
        Parameter table = model.embedding().weight();
        assertTrue(Tensor.of(table.grad()).select(0, 0).abs().sum().item() > 0);
        assertEquals(new LSTM(4, 5, 2, true, 0).parameterCount() + 6 * 4 + 10 * 3 + 3, model.parameterCount());
        assertThrows(IllegalArgumentException.class, () -> new SequenceClassifier(6, 3, new LSTM(4, 5), 2));
    }

    @Test
    void gatesOfAZeroWeightCellAreOneHalf() {
        LSTMCell cell = new LSTMCell(2, 3);
        cell.toDouble();
        cell.parameters().forEach(p -> Init.constant(p, 0.0));
        LstmGates g = LstmGates.trace(cell, Tensor.ofDouble(new double[] {1, -2, 3, 4}, 1, 2, 2));
        for (double v : g.forget().toDoubleArray()) {
            assertEquals(0.5, v, 1e-15);
        }
        for (double v : g.candidate().toDoubleArray()) {
            assertEquals(0.0, v, 1e-15);
        }
        // c stays 0 from the zero state: h = 0.5 tanh(0) = 0
        assertEquals(0.0, g.hidden().abs().sum().item(), 1e-15);
    }

    @Test
    void gateTraceReproducesTheFusedLayer() {
        LSTM layer = new LSTM(3, 4);
        layer.toDouble();
        Tensor x = Tensor.randn(2, 5, 3).toDouble();
        RecurrentLayer.Output out = layer.forward(x, null);
        LstmGates g = LstmGates.trace((LSTMCell) layer.cell(0, 0), x);
        assertArrayEquals(new long[] {2, 5, 4}, g.input().shape());
        assertArrayEquals(out.output().toDoubleArray(), g.hidden().toDoubleArray(), 1e-12);
        assertArrayEquals(out.state().c().select(0, 0).toDoubleArray(), g.cell().select(1, 4).toDoubleArray(), 1e-12);
        // c_t = f c_{t-1} + i g at every step after the first
        Tensor recomposed = g.forget().slice(1, 1, 5).mul(g.cell().slice(1, 0, 4))
                .add(g.input().slice(1, 1, 5).mul(g.candidate().slice(1, 1, 5)));
        assertArrayEquals(g.cell().slice(1, 1, 5).toDoubleArray(), recomposed.toDoubleArray(), 1e-12);
        assertThrows(dl.tensor.ShapeException.class, () -> LstmGates.trace((LSTMCell) layer.cell(0, 0), Tensor.randn(2, 3)));
    }
}
