package dl.rnn;

import static dl.rnn.RnnTesting.close;
import static dl.rnn.RnnTesting.leaf;
import static dl.rnn.RnnTesting.weighted;
import static dl.rnn.RnnTesting.weights;

import dl.Course;
import dl.nn.Parameter;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fused sequence kernels (one op per direction, hand-written backward) against the cell's own
 * step in a loop of tensor ops (autograd's backward): outputs, final states and every gradient,
 * forwards and backwards in time, with and without a length mask, in fp64.
 */
class FusedKernelTest {

    @BeforeEach
    void seed() {
        Course.seed(7);
    }

    static RecurrentCell cell(String kind) {
        return switch (kind) {
            case "lstm" -> new LSTMCell(3, 4);
            case "gru" -> new GRUCell(3, 4);
            case "rnn_tanh" -> new RNNCell(3, 4);
            case "rnn_relu" -> new RNNCell(3, 4, RNNCell.Nonlinearity.RELU);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "rnn_tanh", "rnn_relu"})
    void fusedEqualsComposed(String kind) {
        for (boolean reverse : new boolean[] {false, true}) {
            for (boolean masked : new boolean[] {false, true}) {
                RecurrentCell cell = cell(kind);
                cell.toDouble();
                Tensor x = leaf(3, 5, 3);
                Tensor h0 = leaf(3, 4);
                Tensor c0 = cell.hasCell() ? leaf(3, 4) : null;
                INDArray mask = masked ? RecurrentLayer.lengthMask(new int[] {5, 2, 3}, 3, 5, DataType.DOUBLE) : null;
                Tensor r = weights(3, 5, 4);
                Tensor rh = weights(3, 4);
                Tensor rc = weights(3, 4);
                List<Tensor> leaves = new ArrayList<>(List.of(x, h0));
                if (c0 != null) {
                    leaves.add(c0);
                }
                leaves.addAll(cell.parameters());
                INDArray[][] grads = new INDArray[2][];
                INDArray[][] values = new INDArray[2][];
                for (int way = 0; way < 2; way++) {
                    for (Tensor t : leaves) {
                        t.zeroGrad();
                    }
                    State s0 = new State(h0, c0);
                    RecurrentCell.Sequence seq = way == 0 ? cell.run(x, s0, mask, reverse) : cell.runComposed(x, s0, mask, reverse);
                    Tensor loss = weighted(seq.output(), r).add(weighted(seq.state().h(), rh));
                    if (c0 != null) {
                        loss = loss.add(weighted(seq.state().c(), rc));
                    }
                    loss.backward();
                    values[way] = new INDArray[] {seq.output().data().dup(), seq.state().h().data().dup(),
                            c0 == null ? null : seq.state().c().data().dup()};
                    grads[way] = leaves.stream().map(t -> t.grad().dup()).toArray(INDArray[]::new);
                }
                String what = kind + (reverse ? " reverse" : "") + (masked ? " masked" : "");
                close(what + " output", values[0][0], values[1][0], 1e-12);
                close(what + " final h", values[0][1], values[1][1], 1e-12);
                if (c0 != null) {
                    close(what + " final c", values[0][2], values[1][2], 1e-12);
                }
                for (int k = 0; k < leaves.size(); k++) {
                    String name = k == 0 ? "x" : k == 1 ? "h0" : leaves.get(k) instanceof Parameter p ? p.name() : "c0";
                    close(what + " grad " + name, grads[0][k], grads[1][k], 1e-11);
                }
                System.out.println("fused = composed: " + what);
            }
        }
    }
}
