package dl.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Course;
import dl.nn.Parameter;
import dl.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The course's facts about recurrent networks (chapter 16), hand-worked cases and bad input. */
class RecurrentFactsTest {

    @BeforeEach
    void seed() {
        Course.seed(3);
    }

    @Test
    void parameterCountsOfTheCourse() {
        // I = 100, H = 128, PyTorch's two bias vectors
        assertEquals(29_440, new RNN(100, 128).parameterCount());
        assertEquals(88_320, new GRU(100, 128).parameterCount());
        assertEquals(117_760, new LSTM(100, 128).parameterCount());
        assertEquals(235_520, new LSTM(100, 128, 1, true, 0).parameterCount());
        // with one bias: 4·(h·(h + x) + h) per direction; the second bias adds 4h
        long h = 128;
        long x = 100;
        assertEquals(4 * (h * (h + x) + h) + 4 * h, new LSTM(100, 128).parameterCount());
        assertEquals(3 * (h * (h + x) + h) + 3 * h, new GRU(100, 128).parameterCount());
        // stacked: layer 1 reads the 2H outputs of the bidirectional layer 0
        assertEquals(2 * (4 * (h * (h + x) + 2 * h)) + 2 * (4 * (h * (h + 2 * h) + 2 * h)),
                new LSTM(100, 128, 2, true, 0).parameterCount());
        // SRU at d = 256: 3d² + 4d, half a GRU's
        assertEquals(197_632, new SRU(256, 256).parameterCount());
        assertEquals(394_752, new GRU(256, 256).parameterCount());
        assertEquals(0.50, 197_632.0 / 394_752, 0.005);
        assertEquals(4 * (h * (h + x) + 2 * h) + 3 * h, new PeepholeLSTM(100, 128).parameterCount());
    }

    /** h_t = relu(w h_{t−1}) with h_0 = 1 and no input: h_T = w^T, and so is ∂h_T/∂h_0. */
    @Test
    void explodingAndVanishingFromAnActualRecurrence() {
        for (double w : new double[] {1.1, 0.9}) {
            RNN rnn = new RNN(1, 1, 1, false, 0, RNNCell.Nonlinearity.RELU);
            rnn.toDouble();
            for (Map.Entry<String, Parameter> p : rnn.namedParameters().entrySet()) {
                p.getValue().data().assign(p.getKey().startsWith("weight_hh") ? w : 0);
            }
            Tensor h0 = new Tensor(Nd4j.ones(DataType.DOUBLE, 1, 1, 1), true);
            RecurrentLayer.Output out = rnn.forward(new Tensor(Nd4j.zeros(DataType.DOUBLE, 1, 99, 1)), State.of(h0));
            out.state().h().sum().backward();
            double expected = Math.pow(w, 99);
            assertEquals(expected, out.state().h().item(), 1e-9 * expected);
            assertEquals(expected, h0.grad().getDouble(0), 1e-9 * expected);
            // every step: h_k = w^k
            for (int k : new int[] {1, 10, 50}) {
                assertEquals(Math.pow(w, k), out.output().data().getDouble(0, k - 1, 0), 1e-12 * Math.pow(w, k));
            }
        }
        assertEquals(12_528, Math.round(Math.pow(1.1, 99)));
        assertEquals(2.95e-5, Math.pow(0.9, 99), 0.005e-5);
    }

    @Test
    void scalarLstmWithZeroWeights() {
        LSTMCell cell = new LSTMCell(1, 1);
        cell.toDouble();
        cell.parameters().forEach(p -> p.data().assign(0));
        Tensor c = new Tensor(Nd4j.ones(DataType.DOUBLE, 1, 1), true);
        State s = cell.step(Tensor.ofDouble(new double[][] {{0.7}}), new State(Tensor.ofDouble(new double[][] {{0.3}}), c));
        // all gates σ(0) = 0.5, g = tanh(0) = 0: c' = 0.5·1 + 0.5·0, h' = 0.5·tanh(0.5)
        assertEquals(0.5, s.c().item(), 1e-15);
        assertEquals(0.5 * Math.tanh(0.5), s.h().item(), 1e-15);
        assertEquals(0.231059, s.h().item(), 1e-6);
    }

    /** f = 1 and i = 0 (large gate biases): the cell is carried unchanged, ∂c_T/∂c_0 = 1. */
    @Test
    void lstmForgetGateOpenKeepsTheGradient() {
        LSTM lstm = new LSTM(1, 1);
        lstm.toDouble();
        for (Map.Entry<String, Parameter> p : lstm.namedParameters().entrySet()) {
            p.getValue().data().assign(0);
            if (p.getKey().equals("bias_ih_l0")) {
                p.getValue().data().assign(Nd4j.createFromArray(-50.0, 50.0, 0.0, 0.0)); // i → 0, f → 1
            }
        }
        Tensor c0 = new Tensor(Nd4j.ones(DataType.DOUBLE, 1, 1, 1).muli(0.8), true);
        Tensor x = new Tensor(Nd4j.rand(DataType.DOUBLE, 1, 30, 1));
        RecurrentLayer.Output out = lstm.forward(x, new State(new Tensor(Nd4j.zeros(DataType.DOUBLE, 1, 1, 1)), c0));
        out.state().c().sum().backward();
        assertEquals(0.8, out.state().c().item(), 1e-12);
        assertEquals(1.0, c0.grad().getDouble(0), 1e-12);
    }

    /** The peephole step by hand for one unit: the peepholes see c (input, forget) and c' (output). */
    @Test
    void peepholeCellByHand() {
        PeepholeLSTMCell cell = new PeepholeLSTMCell(1, 1);
        cell.toDouble();
        Map<String, Parameter> p = cell.namedParameters();
        p.get("weight_ih").data().assign(Nd4j.createFromArray(0.5, -0.3, 0.8, 0.1).reshape(4, 1));
        p.get("weight_hh").data().assign(Nd4j.createFromArray(0.2, 0.4, -0.6, 0.7).reshape(4, 1));
        p.get("bias_ih").data().assign(Nd4j.createFromArray(0.1, 0.2, 0.0, -0.1));
        p.get("bias_hh").data().assign(0);
        p.get("weight_ci").data().assign(0.3);
        p.get("weight_cf").data().assign(-0.2);
        p.get("weight_co").data().assign(0.9);
        double x = 1.5;
        double h = -0.4;
        double c = 0.6;
        State s = cell.step(Tensor.ofDouble(new double[][] {{x}}),
                new State(Tensor.ofDouble(new double[][] {{h}}), Tensor.ofDouble(new double[][] {{c}})));
        double i = sigmoid(0.5 * x + 0.2 * h + 0.1 + 0.3 * c);
        double f = sigmoid(-0.3 * x + 0.4 * h + 0.2 - 0.2 * c);
        double g = Math.tanh(0.8 * x - 0.6 * h);
        double c1 = f * c + i * g;
        double o = sigmoid(0.1 * x + 0.7 * h - 0.1 + 0.9 * c1);
        assertEquals(c1, s.c().item(), 1e-14);
        assertEquals(o * Math.tanh(c1), s.h().item(), 1e-14);
        // the peepholes matter: without them the result differs
        p.get("weight_co").data().assign(0);
        assertNotEquals(o * Math.tanh(c1), cell.step(Tensor.ofDouble(new double[][] {{x}}),
                new State(Tensor.ofDouble(new double[][] {{h}}), Tensor.ofDouble(new double[][] {{c}}))).h().item(), 1e-6);
    }

    /** Two SRU steps by hand for one unit (in = H = 1, so the highway is x itself). */
    @Test
    void sruByHand() {
        SRU sru = new SRU(1, 1);
        sru.toDouble();
        Map<String, Parameter> p = sru.namedParameters();
        p.get("weight_l0").data().assign(Nd4j.createFromArray(0.8, -0.5, 1.2).reshape(3, 1)); // x̃, f, r
        p.get("weight_c_l0").data().assign(Nd4j.createFromArray(0.3, -0.7));                  // v_f, v_r
        p.get("bias_l0").data().assign(Nd4j.createFromArray(0.1, -0.2));                      // b_f, b_r
        double[] xs = {0.5, -1.0};
        double c = 0.25;
        Tensor x = new Tensor(Nd4j.createFromArray(xs).reshape(1, 2, 1));
        RecurrentLayer.Output out = sru.forward(x, new State(Tensor.ofDouble(0.0).reshape(1, 1, 1),
                Tensor.ofDouble(c).reshape(1, 1, 1)));
        for (int t = 0; t < 2; t++) {
            double f = sigmoid(-0.5 * xs[t] + 0.3 * c + 0.1);
            double r = sigmoid(1.2 * xs[t] - 0.7 * c - 0.2);
            c = f * c + (1 - f) * 0.8 * xs[t];
            double h = r * c + (1 - r) * xs[t];
            assertEquals(h, out.output().data().getDouble(0, t, 0), 1e-14, "h at step " + (t + 1));
        }
        assertEquals(c, out.state().c().item(), 1e-14);
    }

    /** Unit 3 of an SRU's cell at step t depends on unit 3 of step t − 1 only (a diagonal Jacobian). */
    @Test
    void sruRecurrenceIsElementwise() {
        SRUCell cell = new SRUCell(4, 4);
        cell.toDouble();
        Tensor c = new Tensor(Nd4j.rand(DataType.DOUBLE, 1, 4), true);
        State s = cell.step(new Tensor(Nd4j.rand(DataType.DOUBLE, 1, 4)), new State(c, c));
        s.c().select(1, 3).sum().backward();
        for (int k = 0; k < 4; k++) {
            if (k == 3) {
                assertNotEquals(0.0, c.grad().getDouble(0, k));
            } else {
                assertEquals(0.0, c.grad().getDouble(0, k));
            }
        }
    }

    @Test
    void dropoutActsBetweenLayersInTrainingOnly() {
        LSTM lstm = new LSTM(3, 8, 2, false, 0.5);
        Tensor x = Tensor.randn(2, 4, 3);
        Tensor a = lstm.forward(x);
        Tensor b = lstm.forward(x);
        assertTrue(a.data().sub(b.data()).amaxNumber().doubleValue() > 1e-4, "training: two passes drop differently");
        lstm.eval();
        Tensor c = lstm.forward(x);
        Tensor d = lstm.forward(x);
        assertEquals(0.0, c.data().sub(d.data()).amaxNumber().doubleValue(), "eval: no dropout");
        // a single layer has nothing between layers: dropout would not apply
        assertEquals("LSTM(3 -> 8, layers=2, dropout=0.5)", lstm.toString());
    }

    @Test
    void finalStateOfPaddedSequenceIsThatOfItsLastRealStep() {
        GRU gru = new GRU(2, 3);
        gru.toDouble();
        Tensor x = new Tensor(Nd4j.rand(DataType.DOUBLE, 2, 5, 2));
        RecurrentLayer.Output padded = gru.forward(x, null, new int[] {5, 3});
        RecurrentLayer.Output shortOne = gru.forward(new Tensor(x.data().get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 2), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 3),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup()), null);
        RnnTesting.close("h_n of the length-3 sequence", padded.state().h().data().get(
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(1)).reshape(1, 1, 3),
                shortOne.state().h().data(), 1e-14);
        assertEquals(0.0, padded.output().data().get(org.nd4j.linalg.indexing.NDArrayIndex.point(1),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(3, 5)).amaxNumber().doubleValue(), "padded outputs are zero");
    }

    @Test
    void badInputSaysWhatWasExpected() {
        LSTM lstm = new LSTM(3, 4, 2, true, 0);
        var e = assertThrows(RuntimeException.class, () -> lstm.forward(Tensor.randn(5, 3)));
        assertTrue(e.getMessage().contains("expected (N, T, 3)") && e.getMessage().contains("unsqueeze"), e.getMessage());
        var s = assertThrows(RuntimeException.class, () -> lstm.forward(Tensor.randn(2, 5, 3), State.of(Tensor.zeros(2, 2, 4))));
        assertTrue(s.getMessage().contains("[4, 2, 4]"), s.getMessage());
        var l = assertThrows(IllegalArgumentException.class, () -> lstm.forward(Tensor.randn(2, 5, 3), null, new int[] {5, 6}));
        assertTrue(l.getMessage().contains("sequence 1 has length 6"), l.getMessage());
        var c = assertThrows(RuntimeException.class, () -> new LSTMCell(3, 4).forward(Tensor.randn(2, 5, 3)));
        assertTrue(c.getMessage().contains("for a sequence use the layer"), c.getMessage());
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
