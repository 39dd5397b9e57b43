package dl.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.Fixture;
import dl.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Every optimizer against PyTorch 1.13 (lib/src/test/python/fixtures_optim.py): the same start
 * values W [3, 4] and b [4], the same 5 gradients, the parameters after each step and the final
 * state, in fp64 and fp32. The Java settings below mirror the Python ones case by case.
 */
class OptimizerFixtureTest {

    static final Map<String, BiFunction<Tensor, Tensor, Optimizer>> CASES = Map.ofEntries(
            Map.entry("sgd", (W, b) -> new SGD(List.of(W, b), 0.1)),
            Map.entry("sgd_weight_decay", (W, b) -> new SGD(List.of(W, b), 0.1).weightDecay(0.01)),
            Map.entry("sgd_momentum", (W, b) -> new SGD(List.of(W, b), 0.1).momentum(0.9)),
            Map.entry("sgd_momentum_dampening",
                    (W, b) -> new SGD(List.of(W, b), 0.1).momentum(0.9).dampening(0.3).weightDecay(0.01)),
            Map.entry("sgd_nesterov", (W, b) -> new SGD(List.of(W, b), 0.1).momentum(0.9).nesterov(true)),
            Map.entry("sgd_nesterov_weight_decay",
                    (W, b) -> new SGD(List.of(W, b), 0.1).momentum(0.9).nesterov(true).weightDecay(0.01)),
            Map.entry("adagrad", (W, b) -> new AdaGrad(List.of(W, b), 0.1)),
            Map.entry("adagrad_options", (W, b) -> new AdaGrad(List.of(W, b), 0.1)
                    .lrDecay(0.05).weightDecay(0.01).initialAccumulatorValue(0.1).eps(1e-6)),
            Map.entry("rmsprop", (W, b) -> new RMSProp(List.of(W, b), 0.01)),
            Map.entry("rmsprop_centered_momentum", (W, b) -> new RMSProp(List.of(W, b), 0.01)
                    .alpha(0.9).eps(1e-6).momentum(0.8).centered(true)),
            Map.entry("rmsprop_momentum_weight_decay",
                    (W, b) -> new RMSProp(List.of(W, b), 0.01).momentum(0.5).weightDecay(0.1)),
            Map.entry("adam", (W, b) -> new Adam(List.of(W, b), 0.01)),
            Map.entry("adam_weight_decay",
                    (W, b) -> new Adam(List.of(W, b), 0.01).betas(0.8, 0.99).weightDecay(0.1)),
            Map.entry("adam_amsgrad", (W, b) -> new Adam(List.of(W, b), 0.01).amsgrad(true)),
            Map.entry("adamw", (W, b) -> new AdamW(List.of(W, b), 0.01)),
            Map.entry("adamw_amsgrad", (W, b) -> new AdamW(List.of(W, b), 0.01).weightDecay(0.1).amsgrad(true)),
            Map.entry("sgd_param_groups", (W, b) -> {
                SGD opt = new SGD(List.of(W), 0.1).momentum(0.9);
                opt.addParamGroup(List.of(b)).setLr(0.01).set(SGD.MOMENTUM, 0.5);
                return opt;
            }),
            Map.entry("adam_param_groups", (W, b) -> {
                Adam opt = new Adam(List.of(W), 0.01);
                opt.addParamGroup(List.of(b)).setLr(0.001).set(Adam.WEIGHT_DECAY, 0.1);
                return opt;
            }));

    static Stream<Arguments> cases() {
        return CASES.keySet().stream().sorted()
                .flatMap(name -> Stream.of(Arguments.of(name, DataType.DOUBLE), Arguments.of(name, DataType.FLOAT)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesPyTorch(String name, DataType dtype) {
        Fixture f = Fixture.load("optim/" + name + ".json");
        Tensor W = Compare.param(f.array("W0"), dtype).name("W");
        Tensor b = Compare.param(f.array("b0"), dtype).name("b");
        Optimizer opt = CASES.get(name).apply(W, b);
        INDArray gradsW = f.array("grads_W");
        INDArray gradsB = f.array("grads_b");
        INDArray stepsW = f.array("W_steps");
        INDArray stepsB = f.array("b_steps");
        for (int t = 0; t < gradsW.size(0); t++) {
            opt.zeroGrad();
            Compare.setGrad(W, gradsW.get(NDArrayIndex.point(t)));
            Compare.setGrad(b, gradsB.get(NDArrayIndex.point(t)));
            opt.step();
            Compare.close(name + " W after step " + (t + 1), W.data(), stepsW.get(NDArrayIndex.point(t)), dtype);
            Compare.close(name + " b after step " + (t + 1), b.data(), stepsB.get(NDArrayIndex.point(t)), dtype);
        }
        for (Tensor p : List.of(W, b)) {
            ParamState state = opt.state(p);
            String keys = f.string("state_keys");
            assertEquals(keys.isEmpty() ? new TreeSet<String>() : new TreeSet<>(List.of(keys.split(","))),
                    new TreeSet<>(state.buffers().keySet()), name + ": state buffers of " + p.name());
            for (String key : state.buffers().keySet()) {
                Compare.close(name + " state " + p.name() + "." + key, state.get(key),
                        f.array("state_" + p.name() + "_" + key), dtype);
            }
            if (f.has("state_" + p.name() + "_step")) {
                assertEquals((long) f.scalar("state_" + p.name() + "_step"), state.step(), name + ": step count");
            }
        }
    }
}
