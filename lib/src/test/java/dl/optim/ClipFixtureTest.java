package dl.optim;

import dl.Fixture;
import dl.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

/** Gradient clipping against torch.nn.utils.clip_grad_norm_ / clip_grad_value_ (fixtures_optim.py). */
class ClipFixtureTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"norm", "norm_unchanged", "norm_inf", "norm_l1", "norm_l3", "value"})
    void fp64(String name) {
        run(name, DataType.DOUBLE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"norm", "norm_unchanged", "norm_inf", "norm_l1", "norm_l3", "value"})
    void fp32(String name) {
        run(name, DataType.FLOAT);
    }

    static void run(String name, DataType dtype) {
        Fixture f = Fixture.load("optim/clip_" + name + ".json");
        Tensor W = Compare.param(f.array("grad_W").mul(0), dtype).name("W");
        Tensor b = Compare.param(f.array("grad_b").mul(0), dtype).name("b");
        Compare.setGrad(W, f.array("grad_W"));
        Compare.setGrad(b, f.array("grad_b"));
        List<Tensor> params = List.of(W, b);
        if (f.has("clip_value")) {
            Clip.gradValue(params, f.scalar("clip_value"));
        } else {
            String type = f.string("norm_type"); // a number, or "inf"
            double normType = type.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(type);
            double total = Clip.gradNorm(params, f.scalar("max_norm"), normType);
            Compare.close(name + " total norm", total, f.scalar("total_norm"), dtype);
        }
        Compare.close(name + " clipped W", W.grad(), f.array("clipped_W"), dtype);
        Compare.close(name + " clipped b", b.grad(), f.array("clipped_b"), dtype);
    }
}
