package dl.nn;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import dl.Fixture;
import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A small Sequential MLP against PyTorch: output, loss, input gradient and every parameter gradient. */
class MlpFixtureTest {

    private static final Fixture F = Fixture.load("nn/mlp.json");

    @BeforeEach
    void seed() {
        Course.seed(42);
    }

    private static Sequential mlp() {
        return new Sequential(new Linear(4, 8), new Tanh(), new Linear(8, 8), new ReLU(), new Linear(8, 3), new Sigmoid());
    }

    /** The parameters as PyTorch named them; our names must be the same. */
    private static Map<String, INDArray> torchState() {
        Map<String, INDArray> state = new LinkedHashMap<>();
        for (String name : F.string("parameter_names").split(",")) {
            state.put(name, F.array("param." + name));
        }
        return state;
    }

    private static Tensor mse(Tensor y, Tensor target) {
        return y.sub(target).pow(2).mean();
    }

    @Test
    void parameterNamesAndOrderAreThoseOfPyTorch() {
        assertEquals(Arrays.asList(F.string("parameter_names").split(",")), List.copyOf(mlp().namedParameters().keySet()));
    }

    @Test
    void matchesPyTorch() {
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Sequential model = mlp();
            if (t == DataType.DOUBLE) {
                model.toDouble();
            }
            model.loadStateDict(torchState());
            Tensor x = Expect.tensor(F, "x", t).requiresGrad(true);
            Tensor y = model.forward(x);
            Expect.matches(F, "y", y.data(), t);
            Tensor loss = mse(y, Expect.tensor(F, "target", t));
            assertEquals(F.scalar("loss"), loss.item(), Expect.tolerance(t) * F.scalar("loss"));
            loss.backward();
            Expect.matches(F, "grad_x", x.grad(), t);
            for (var p : model.namedParameters().entrySet()) {
                Expect.matches(F, "grad." + p.getKey(), p.getValue().grad(), t);
            }
        }
    }

    @Test
    void wholeModelGradientsMatchFiniteDifferences() {
        Sequential model = (Sequential) mlp().toDouble();
        model.loadStateDict(torchState());
        Tensor x = new Tensor(F.array("x").dup('c'), true);
        Tensor target = new Tensor(F.array("target"));
        Map<String, Parameter> p = model.namedParameters();
        // the input and one parameter of each Linear layer keep the check fast; each layer has its own full check
        Expect.gradOk("MLP", in -> mse(model.forward(x), target), x, p.get("0.bias"), p.get("2.bias"), p.get("4.weight"));
    }
}
