package dl.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.Course;
import dl.Fixture;
import dl.nn.Parameter;
import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * RNN, LSTM and GRU layers (stacked, bidirectional, with lengths) against PyTorch
 * (lib/src/test/python/fixtures_rnn.py): PyTorch's state_dict loads by name, and outputs, final
 * states and the gradients of the input, the initial state and every weight agree, in fp64
 * (1e-9) and fp32 (relative 1e-4).
 */
class RecurrentFixtureTest {

    @BeforeEach
    void seed() {
        Course.seed(1);
    }

    static RecurrentLayer layerFor(String name) {
        return switch (name) {
            case "rnn_tanh" -> new RNN(3, 4, 2, true, 0, RNNCell.Nonlinearity.TANH);
            case "rnn_relu" -> new RNN(3, 4, 1, false, 0, RNNCell.Nonlinearity.RELU);
            case "lstm" -> new LSTM(3, 4, 2, true, 0);
            case "lstm_lengths" -> new LSTM(3, 4, 1, true, 0);
            case "gru" -> new GRU(3, 4, 2, true, 0);
            case "gru_lengths" -> new GRU(3, 4, 2, false, 0);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn_tanh", "rnn_relu", "lstm", "lstm_lengths", "gru", "gru_lengths"})
    void matchesPyTorch(String name) {
        Fixture f = Fixture.load("rnn/" + name + ".json");
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            RecurrentLayer layer = layerFor(name);
            List<String> names = Arrays.asList(f.string("parameter_names").split(","));
            assertEquals(names, List.copyOf(layer.namedParameters().keySet()), name + ": parameter names and order");
            assertEquals((long) f.scalar("parameter_count"), layer.parameterCount(), name + ": parameter count");
            if (type == DataType.DOUBLE) {
                layer.toDouble();
            }
            Map<String, INDArray> state = new LinkedHashMap<>();
            for (String p : names) {
                state.put(p, f.array("param." + p));
            }
            layer.loadStateDict(state);
            Tensor x = new Tensor(f.array("x").castTo(type), true);
            Tensor h0 = new Tensor(f.array("h0").castTo(type), true);
            boolean cell = f.has("c0");
            Tensor c0 = cell ? new Tensor(f.array("c0").castTo(type), true) : null;
            int[] lengths = f.has("lengths") ? Arrays.stream(f.array("lengths").toDoubleVector()).mapToInt(v -> (int) v).toArray() : null;
            RecurrentLayer.Output out = layer.forward(x, new State(h0, c0), lengths);
            Tensor loss = out.output().mul(new Tensor(f.array("r").castTo(type))).sum()
                    .add(out.state().h().mul(new Tensor(f.array("r_h").castTo(type))).sum());
            if (cell) {
                loss = loss.add(out.state().c().mul(new Tensor(f.array("r_c").castTo(type))).sum());
            }
            loss.backward();
            String what = name + " (" + type + ") ";
            compare(what + "output", out.output().data(), f.array("out"), type);
            compare(what + "h_n", out.state().h().data(), f.array("h_n"), type);
            if (cell) {
                compare(what + "c_n", out.state().c().data(), f.array("c_n"), type);
                compare(what + "grad c0", c0.grad(), f.array("grad.c0"), type);
            }
            compare(what + "grad x", x.grad(), f.array("grad.x"), type);
            compare(what + "grad h0", h0.grad(), f.array("grad.h0"), type);
            for (Map.Entry<String, Parameter> p : layer.namedParameters().entrySet()) {
                compare(what + "grad " + p.getKey(), p.getValue().grad(), f.array("grad." + p.getKey()), type);
            }
            System.out.println("fixture rnn/" + name + " (" + type + "): output, states and "
                    + (names.size() + (cell ? 3 : 2)) + " gradients ok");
        }
    }

    static void compare(String what, INDArray actual, INDArray expected, DataType type) {
        if (type == DataType.DOUBLE) {
            RnnTesting.close(what, actual, expected, 1e-9);
        } else {
            RnnTesting.closeRel(what, actual, expected, 1e-4);
        }
    }
}
