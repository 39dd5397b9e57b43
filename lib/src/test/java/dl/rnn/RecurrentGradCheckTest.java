package dl.rnn;

import static dl.rnn.RnnTesting.gradOk;
import static dl.rnn.RnnTesting.leaf;
import static dl.rnn.RnnTesting.weighted;
import static dl.rnn.RnnTesting.weights;

import dl.Course;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Finite-difference gradient checks (fp64) of every cell (one step) and every layer, stacked
 * (2 layers) and bidirectional, with sequences of different lengths, with respect to the input,
 * the initial state and every parameter.
 */
class RecurrentGradCheckTest {

    @BeforeEach
    void seed() {
        Course.seed(11);
    }

    static RecurrentCell cell(String kind, int in, int h) {
        return switch (kind) {
            case "rnn_tanh" -> new RNNCell(in, h);
            case "rnn_relu" -> new RNNCell(in, h, RNNCell.Nonlinearity.RELU);
            case "lstm" -> new LSTMCell(in, h);
            case "gru" -> new GRUCell(in, h);
            case "peephole" -> new PeepholeLSTMCell(in, h);
            case "sru" -> new SRUCell(in, h);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static RecurrentLayer layer(String kind, int in, int h, int layers, boolean bi) {
        return switch (kind) {
            case "rnn_tanh" -> new RNN(in, h, layers, bi, 0, RNNCell.Nonlinearity.TANH);
            case "rnn_relu" -> new RNN(in, h, layers, bi, 0, RNNCell.Nonlinearity.RELU);
            case "lstm" -> new LSTM(in, h, layers, bi, 0);
            case "gru" -> new GRU(in, h, layers, bi, 0);
            case "peephole" -> new PeepholeLSTM(in, h, layers, bi, 0);
            case "sru" -> new SRU(in, h, layers, bi, 0);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn_tanh", "rnn_relu", "lstm", "gru", "peephole", "sru"})
    void cellStep(String kind) {
        for (int in : new int[] {3, 2}) { // in = 2 = H: SRU's plain highway; in = 3: its projected one
            RecurrentCell cell = cell(kind, in, 2);
            cell.toDouble();
            Tensor x = leaf(2, in);
            Tensor h = leaf(2, 2);
            Tensor c = leaf(2, 2);
            Tensor r = weights(2, 2);
            Tensor rc = weights(2, 2);
            List<Tensor> inputs = new ArrayList<>(List.of(x, h, c));
            inputs.addAll(cell.parameters());
            gradOk(kind + " cell (in " + in + ")", ts -> {
                State s = cell.step(x, new State(h, cell.hasCell() ? c : null));
                Tensor loss = weighted(s.h(), r);
                return s.c() == null ? loss : loss.add(weighted(s.c(), rc));
            }, inputs.toArray(new Tensor[0]));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn_tanh", "rnn_relu", "lstm", "gru", "peephole", "sru"})
    void stackedBidirectionalLayerWithLengths(String kind) {
        RecurrentLayer layer = layer(kind, 3, 2, 2, true);
        layer.toDouble();
        boolean cell = layer.cell(0, 0).hasCell();
        Tensor x = leaf(2, 3, 3);
        Tensor h0 = leaf(4, 2, 2);
        Tensor c0 = leaf(4, 2, 2);
        Tensor r = weights(2, 3, 4);
        Tensor rh = weights(4, 2, 2);
        Tensor rc = weights(4, 2, 2);
        List<Tensor> inputs = new ArrayList<>(cell ? List.of(x, h0, c0) : List.of(x, h0));
        inputs.addAll(layer.parameters());
        // without lengths the same layers are also checked against PyTorch's gradients (RecurrentFixtureTest);
        // -Ddl.heavy=true adds their finite-difference check here (slow: every value needs two forward passes)
        int[][] variants = Boolean.getBoolean("dl.heavy") ? new int[][] {{3, 2}, null} : new int[][] {{3, 2}};
        for (int[] lengths : variants) {
            gradOk(kind + " 2-layer bidirectional" + (lengths == null ? "" : " lengths [3, 2]"), ts -> {
                RecurrentLayer.Output out = layer.forward(x, new State(h0, cell ? c0 : null), lengths);
                Tensor loss = weighted(out.output(), r).add(weighted(out.state().h(), rh));
                return cell ? loss.add(weighted(out.state().c(), rc)) : loss;
            }, inputs.toArray(new Tensor[0]));
        }
    }

    @Test
    void unidirectionalSingleLayerFromZeroState() {
        for (String kind : new String[] {"lstm", "gru", "sru"}) {
            RecurrentLayer layer = layer(kind, 2, 3, 1, false);
            layer.toDouble();
            Tensor x = leaf(2, 4, 2);
            Tensor r = weights(2, 4, 3);
            List<Tensor> inputs = new ArrayList<>(List.of(x));
            inputs.addAll(layer.parameters());
            gradOk(kind + " layer", ts -> weighted(layer.forward(x), r), inputs.toArray(new Tensor[0]));
        }
    }
}
