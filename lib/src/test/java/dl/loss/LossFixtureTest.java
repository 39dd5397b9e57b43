package dl.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Fixture;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares every loss, for every reduction, in fp64 (relative 1e-6) and fp32 (relative 1e-4),
 * with the values and input gradients PyTorch computed (lib/src/test/python/fixtures_loss.py).
 */
class LossFixtureTest {

    /** One fixture file: how to build the loss from the fixture and whether targets are class ids. */
    record Case(String file, Function<Fixture, Function<Reduction, Loss>> loss, boolean classIds) {}

    static Case elementwise(String file, Function<Reduction, Loss> loss) {
        return new Case(file, f -> loss, false);
    }

    static final List<Case> CASES = List.of(
            elementwise("mse", MSELoss::new),
            elementwise("mse_vector", MSELoss::new),
            elementwise("l1", L1Loss::new),
            elementwise("rmse", RMSELoss::new),
            elementwise("rmse_matrix", RMSELoss::new),
            new Case("huber_delta1_0", f -> r -> new HuberLoss(f.scalar("delta"), r), false),
            new Case("huber_delta0_5", f -> r -> new HuberLoss(f.scalar("delta"), r), false),
            new Case("huber_delta2_5", f -> r -> new HuberLoss(f.scalar("delta"), r), false),
            elementwise("bce", BCELoss::new),
            elementwise("bce_edge", BCELoss::new),
            elementwise("bce_with_logits", BCEWithLogitsLoss::new),
            elementwise("bce_with_logits_large", BCEWithLogitsLoss::new),
            new Case("cross_entropy", f -> CrossEntropyLoss::new, true),
            new Case("cross_entropy_large", f -> CrossEntropyLoss::new, true),
            new Case("cross_entropy_single", f -> CrossEntropyLoss::new, true),
            elementwise("cross_entropy_probs", CrossEntropyLoss::new),
            elementwise("cross_entropy_probs_large", CrossEntropyLoss::new),
            new Case("nll", f -> NLLLoss::new, true),
            new Case("nll_unnormalized", f -> NLLLoss::new, true));

    @TestFactory
    Stream<DynamicTest> everyLossReductionAndPrecisionMatchesPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : CASES) {
            for (Reduction r : Reduction.values()) {
                for (DataType dt : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
                    tests.add(DynamicTest.dynamicTest(c.file() + " " + r + " " + dt, () -> compare(c, r, dt)));
                }
            }
        }
        return tests.stream();
    }

    static void compare(Case c, Reduction r, DataType dt) {
        Fixture f = Fixture.load("loss/" + c.file() + ".json");
        String suffix = r + "_" + (dt == DataType.DOUBLE ? "f64" : "f32");
        double tol = dt == DataType.DOUBLE ? 1e-6 : 1e-4;
        Loss loss = c.loss().apply(f).apply(r);
        Tensor input = new Tensor(f.array("input").castTo(dt), true);
        boolean targetGrad = f.has("grad_target_" + suffix);
        Tensor target = c.classIds()
                ? Tensor.of(f.array("labels").castTo(DataType.LONG))
                : new Tensor(f.array("target").castTo(dt), targetGrad);
        Tensor out = loss.forward(input, target);
        assertEquals(dt, out.dtype(), "the loss keeps the input's precision");
        if (r == Reduction.NONE) {
            out.backward(f.array("grad_out_none").castTo(dt));
        } else {
            out.backward();
        }
        assertClose(c.file() + " loss " + suffix, f.array("loss_" + suffix), out.data(), tol);
        assertClose(c.file() + " grad input " + suffix, f.array("grad_input_" + suffix), input.grad(), tol);
        if (targetGrad) {
            assertClose(c.file() + " grad target " + suffix, f.array("grad_target_" + suffix), target.grad(), tol);
        }
        if (c.classIds()) {
            // the int[] overloads give the same loss as integer tensors
            int[] ids = f.array("labels").castTo(DataType.INT).reshape(-1).toIntVector();
            Tensor again = loss instanceof CrossEntropyLoss ce ? ce.forward(input.detach(), ids)
                    : ((NLLLoss) loss).forward(input.detach(), ids);
            assertClose(c.file() + " loss with int[] " + suffix, f.array("loss_" + suffix), again.data(), tol);
        }
    }

    /**
     * |actual − expected| ≤ tol · max(|expected|, 1e-3) element by element, and the same shape:
     * relative, with an absolute floor (1e-7 in fp32, 1e-9 in fp64) for values that are zero up
     * to round-off, e.g. a softmax gradient p − y with p = y = 1/3 that PyTorch leaves at 3e-8 in
     * fp32, or σ(−88), a denormal.
     */
    static void assertClose(String what, INDArray expected, INDArray actual, double tol) {
        assertTrue(actual != null, what + ": no gradient");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        double[] a = actual.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        for (int i = 0; i < e.length; i++) {
            double allowed = tol * Math.max(Math.abs(e[i]), 1e-3);
            assertTrue(Double.isFinite(a[i]) && Math.abs(a[i] - e[i]) <= allowed, String.format(Locale.ROOT,
                    "%s [%d]: expected %.10g (PyTorch), got %.10g, allowed difference %.2g", what, i, e[i], a[i], allowed));
        }
    }
}
