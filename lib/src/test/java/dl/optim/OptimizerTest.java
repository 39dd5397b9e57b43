package dl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Groups, options, state, frozen parameters and argument checks of the optimizers. */
class OptimizerTest {

    static Tensor param(double... values) {
        return new Tensor(Nd4j.createFromArray(values), true);
    }

    static void grad(Tensor p, double... g) {
        Compare.setGrad(p, Nd4j.createFromArray(g));
    }

    static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void constructorsRejectBadArguments() {
        List<Tensor> ps = List.of(param(1, 2));
        assertEquals("SGD: lr must be > 0, got -0.1", message(() -> new SGD(ps, -0.1)));
        assertEquals("SGD: momentum must be in [0, 1), got 1.5", message(() -> new SGD(ps, 0.1).momentum(1.5)));
        assertEquals("Adam: beta1 must be in [0, 1), got 1.0", message(() -> new Adam(ps, 0.1).betas(1.0, 0.999)));
        assertEquals("Adam: beta2 must be in [0, 1), got -0.5", message(() -> new Adam(ps, 0.1).betas(0.9, -0.5)));
        assertEquals("AdaGrad: eps must be >= 0, got -1.0", message(() -> new AdaGrad(ps).eps(-1)));
        assertEquals("RMSProp: alpha must be in [0, 1), got 1.0", message(() -> new RMSProp(ps).alpha(1)));
        assertEquals("AdamW: weight_decay must be >= 0, got -0.01", message(() -> new AdamW(ps).weightDecay(-0.01)));
        assertEquals("SGD group 0: got an empty parameter list", message(() -> new SGD(List.of(), 0.1)));
        assertTrue(message(() -> new SGD(List.of(param(1).mul(2.0)), 0.1)).contains("is not a leaf tensor (it is the result of 'mul')"));
        Tensor p = param(1);
        assertTrue(message(() -> new SGD(List.of(p, p), 0.1)).contains("appears twice in this group"));
        SGD opt = new SGD(List.of(p), 0.1);
        assertTrue(message(() -> opt.addParamGroup(List.of(p))).contains("is already in another group"));
        // a misspelt name (Adam.BETA_1) or a number for a flag (set(SGD.NESTEROV, 0.9)) no longer compiles;
        // an option of another optimizer is a clear error at run time
        ParamGroup second = opt.addParamGroup(List.of(param(1)));
        assertEquals("SGD has no option beta1 (Double); its options are [lr, momentum, dampening, weight_decay, nesterov]",
                message(() -> second.set(Adam.BETA1, 0.9)));
        assertEquals("SGD has no option amsgrad (Boolean); its options are [lr, momentum, dampening, weight_decay, nesterov]",
                message(() -> second.get(Adam.AMSGRAD)));
        assertEquals("SGD group 1: momentum must be in [0, 1), got 1.5", message(() -> second.set(SGD.MOMENTUM, 1.5)));
        assertEquals("SGD group 1: lr must be >= 0, got -1.0", message(() -> second.set(Optimizer.LR, -1.0)));
    }

    @Test
    void nesterovWithoutMomentumFailsAtTheFirstStepWithAClearMessage() {
        Tensor p = param(1);
        SGD opt = new SGD(List.of(p), 0.1).nesterov(true); // momentum may still follow in the chain
        grad(p, 1);
        assertEquals("SGD group 0: nesterov needs momentum > 0 and dampening = 0, got momentum 0.0 and dampening 0.0",
                message(opt::step));
        assertEquals(1.0, p.data().getDouble(0), "nothing changed");
        opt.momentum(0.9);
        opt.step();
        assertEquals(1 - 0.1 * (1 + 0.9), p.data().getDouble(0), 1e-12);
    }

    @Test
    void fluentSettingsReachEveryGroupThatDoesNotOverrideThem() {
        Tensor a = param(1);
        Tensor b = param(1);
        Tensor c = param(1);
        SGD opt = new SGD(List.of(a), 0.1);
        opt.addParamGroup(List.of(b)).set(SGD.MOMENTUM, 0.5).set(SGD.WEIGHT_DECAY, 0.01);
        opt.addParamGroup(List.of(c)).set(SGD.LR, 0.01);
        opt.momentum(0.9);
        double momentum0 = opt.group(0).get(SGD.MOMENTUM);   // typed: a double, no cast, no string
        assertEquals(0.9, momentum0);
        assertEquals(0.5, opt.group(1).get(SGD.MOMENTUM));
        assertEquals(0.01, opt.group(1).get(SGD.WEIGHT_DECAY));
        assertEquals(false, opt.group(1).get(SGD.NESTEROV));
        assertEquals(0.9, opt.group(2).get(SGD.MOMENTUM));
        assertEquals(0.9, opt.defaultValue(SGD.MOMENTUM));
        assertEquals(0.1, opt.group(1).lr());
        assertEquals(0.01, opt.group(2).lr());
        assertArrayEquals(new double[] {0.1, 0.1, 0.01}, opt.lrs());
        var mixed = assertThrows(IllegalStateException.class, opt::lr);
        assertEquals("SGD: groups have different learning rates [0.1, 0.1, 0.01]; ask one group: group(i).lr()",
                mixed.getMessage(), "the rates are printed, not [D@...");
        opt.setLr(0.05);
        assertEquals(0.05, opt.lr());
        opt.group(2).setLr(0.2);
        assertEquals(0.2, opt.group(2).lr());
        assertTrue(opt.toString().startsWith("SGD(lr=0.1, momentum=0.9, dampening=0, weight_decay=0, nesterov=false; 3 groups, 3 params)"),
                opt.toString());
    }

    @Test
    void frozenParametersAndParametersWithoutGradientsAreSkipped() {
        Tensor trained = param(1, 2);
        Tensor frozen = param(1, 2);
        Tensor unused = param(1, 2);
        Adam opt = new Adam(List.of(trained, frozen, unused), 0.1);
        grad(trained, 1, 1);
        grad(frozen, 1, 1);
        frozen.requiresGrad(false); // frozen after its gradient was computed
        opt.step();
        assertTrue(trained.data().getDouble(0) < 1);
        assertArrayEquals(new double[] {1, 2}, frozen.toDoubleArray());
        assertArrayEquals(new double[] {1, 2}, unused.toDoubleArray());
        assertEquals(0, opt.state(frozen).step());
        assertEquals(0, opt.state(unused).step());
        assertTrue(opt.state(unused).buffers().isEmpty());
        assertEquals(1, opt.state(trained).step());
    }

    @Test
    void stateIsVisibleAndItsBuffersAreReusedStepAfterStep() {
        Tensor p = param(1, -2, 3);
        Adam opt = new Adam(List.of(p), 0.01);
        INDArray m = null;
        for (int t = 1; t <= 3; t++) {
            opt.zeroGrad();
            grad(p, 2, 2, 2);
            opt.step();
            if (m == null) {
                m = opt.state(p).get("exp_avg");
            }
            assertSame(m, opt.state(p).get("exp_avg"), "the first moment is updated in place");
        }
        ParamState s = opt.state(p);
        assertEquals(3, s.step());
        assertEquals(List.of("exp_avg", "exp_avg_sq"), List.copyOf(s.buffers().keySet()));
        // m₃ = (1 − 0.9³)·g and v₃ = (1 − 0.999³)·g² for a constant gradient g = 2
        assertEquals((1 - Math.pow(0.9, 3)) * 2, s.get("exp_avg").getDouble(1), 1e-12);
        assertEquals((1 - Math.pow(0.999, 3)) * 4, s.get("exp_avg_sq").getDouble(2), 1e-12);
        assertTrue(s.toString().startsWith("step=3, exp_avg="), s.toString());
        assertThrows(IllegalArgumentException.class, () -> opt.state(param(1)));
    }

    @Test
    void zeroGradZeroesInPlaceOrForgets() {
        Tensor p = param(1, 2);
        SGD opt = new SGD(List.of(p), 0.1);
        grad(p, 3, 4);
        INDArray g = p.grad();
        opt.zeroGrad();
        assertSame(g, p.grad());
        assertArrayEquals(new double[] {0, 0}, g.toDoubleVector());
        grad(p, 5, 6);
        assertSame(g, p.grad(), "backward adds into the zeroed array");
        assertArrayEquals(new double[] {5, 6}, p.grad().toDoubleVector());
        opt.zeroGrad(true);
        assertNull(p.grad());
    }

    @Test
    void updatesWorkOnViewsAndColumnMajorArrays() {
        // BLAS axpy would read the wrong elements of a view; the update must follow the strides
        INDArray big = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        Tensor view = new Tensor(big.get(NDArrayIndex.interval(0, 2), NDArrayIndex.interval(1, 3)), true);
        Tensor fOrder = new Tensor(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}).dup('f'), true);
        SGD opt = new SGD(List.of(view, fOrder), 0.5).momentum(0.9);
        for (int t = 0; t < 2; t++) {
            opt.zeroGrad();
            Compare.setGrad(view, Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}));
            Compare.setGrad(fOrder, Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}));
            opt.step();
        }
        // v₁ = g, v₂ = 1.9·g: p₂ = p₀ − 0.5·(1 + 1.9)·g = p₀ − 1.45·g
        assertArrayEquals(new double[] {2 - 1.45, 3 - 2.9, 5 - 4.35, 6 - 5.8}, view.toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {1, 4, 7}, big.getColumn(0).toDoubleVector(), "outside the view untouched");
        assertArrayEquals(new double[] {1 - 1.45, 2 - 2.9, 3 - 4.35, 4 - 5.8}, fOrder.toDoubleArray(), 1e-12);
    }

    @Test
    void fp32ParametersStayFp32() {
        Tensor p = new Tensor(Nd4j.createFromArray(1f, 2f), true);
        Adam opt = new AdamW(List.of(p), 0.1).amsgrad(true);
        grad(p, 1, 1);
        opt.step();
        assertEquals(DataType.FLOAT, p.dtype());
        assertEquals(DataType.FLOAT, opt.state(p).get("max_exp_avg_sq").dataType());
        assertFalse(opt.state(p).has("momentum_buffer"));
    }

    @Test
    void clippingChecksItsArgumentsAndRefusesANonFiniteNorm() {
        Tensor p = param(0, 0);
        Tensor noGrad = param(0);
        grad(p, Double.NaN, 1);
        assertTrue(assertThrows(IllegalStateException.class, () -> Clip.gradNorm(List.of(p, noGrad), 1)).getMessage()
                .contains("total gradient norm is NaN"));
        assertEquals("Clip.gradNorm: maxNorm must be > 0, got 0.0", message(() -> Clip.gradNorm(List.of(p), 0)));
        assertEquals("Clip.gradValue: clipValue must be > 0, got -1.0", message(() -> Clip.gradValue(List.of(p), -1)));
        Tensor q = param(0, 0);
        grad(q, 0.3, 0.4);
        assertEquals(0.5, Clip.gradNorm(List.of(q, noGrad), 1), 1e-12);
        assertArrayEquals(new double[] {0.3, 0.4}, q.grad().toDoubleVector(), 1e-12, "below maxNorm: unchanged");
    }
}
