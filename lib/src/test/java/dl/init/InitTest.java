package dl.init;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import dl.Fixture;
import dl.nn.Linear;
import dl.nn.Parameter;
import dl.tensor.Tensor;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InitTest {

    private static final Fixture F = Fixture.load("nn/init.json");

    @BeforeEach
    void seed() {
        Course.seed(42);
    }

    private static Parameter weight() {
        return new Parameter(Nd4j.zeros(DataType.FLOAT, (long) F.scalar("rows"), (long) F.scalar("cols")));
    }

    /**
     * Fills a [256, 784] weight and compares its sample mean and std with PyTorch's theoretical
     * values (computed in the generator from torch's fan and gain helpers); a uniform init must
     * also stay inside its bound and come close to it.
     */
    private static void checkStatistics(String name, Consumer<Parameter> init) {
        Parameter w = weight();
        init.accept(w);
        INDArray d = w.data().castTo(DataType.DOUBLE);
        double std = F.scalar(name + ".std");
        double mean = F.scalar(name + ".mean");
        assertEquals(std, d.stdNumber().doubleValue(), 0.02 * std, name + " std");
        assertEquals(mean, d.meanNumber().doubleValue(), 0.02 * std, name + " mean");
        if (F.has(name + ".bound")) {
            double bound = F.scalar(name + ".bound");
            double max = Math.max(d.maxNumber().doubleValue(), -d.minNumber().doubleValue());
            assertTrue(max <= bound * (1 + 1e-6), name + ": max |w| " + max + " > bound " + bound);
            assertTrue(max > 0.999 * bound, name + ": max |w| " + max + " far below bound " + bound);
        }
    }

    @Test
    void statisticsMatchPyTorchFormulas() {
        checkStatistics("xavier_uniform", Init::xavierUniform);
        checkStatistics("xavier_uniform_tanh", w -> Init.xavierUniform(w, Init.gain("tanh")));
        checkStatistics("xavier_normal", Init::xavierNormal);
        checkStatistics("kaiming_uniform", Init::kaimingUniform);
        checkStatistics("kaiming_normal_relu", w -> Init.kaimingNormal(w, 0, Init.FanMode.FAN_IN, "relu"));
        checkStatistics("kaiming_normal_fan_out", w -> Init.kaimingNormal(w, 0, Init.FanMode.FAN_OUT, "relu"));
        checkStatistics("kaiming_uniform_leaky_0.2", w -> Init.kaimingUniform(w, 0.2, Init.FanMode.FAN_IN, "leaky_relu"));
        checkStatistics("linear_default", w -> Init.kaimingUniform(w, Math.sqrt(5), Init.FanMode.FAN_IN, "leaky_relu"));
        checkStatistics("uniform_-0.3_0.7", w -> Init.uniform(w, -0.3, 0.7));
        checkStatistics("normal_0.5_0.02", w -> Init.normal(w, 0.5, 0.02));
    }

    @Test
    void linearDefaultInitHasTheBoundOfPyTorch() {
        Linear layer = new Linear(784, 256);
        double bound = F.scalar("linear_default.bound");
        double max = layer.weight().data().amaxNumber().doubleValue();
        assertTrue(max <= bound && max > 0.999 * bound, "max |W| = " + max + ", bound " + bound);
        assertEquals(F.scalar("linear_default.std"), layer.weight().data().stdNumber().doubleValue(),
                0.02 * F.scalar("linear_default.std"));
    }

    @Test
    void constantIsExact() {
        Parameter c = new Parameter(Nd4j.zeros(DataType.DOUBLE, 3, 4));
        Init.constant(c, 0.37);
        assertArrayEquals(F.array("constant_0.37").data().asDouble(), c.toDoubleArray(), 0.0);
        assertSame(c, Init.zeros(c));
        assertEquals(0.0, c.data().sumNumber().doubleValue(), 0.0);
        Init.ones(c);
        assertEquals(12.0, c.data().sumNumber().doubleValue(), 0.0);
    }

    @Test
    void fansAsPyTorch() {
        assertEquals(new Init.Fans((long) F.scalar("fan_in"), (long) F.scalar("fan_out")), Init.fans(256, 784));
        assertEquals(new Init.Fans((long) F.scalar("conv_fan_in"), (long) F.scalar("conv_fan_out")), Init.fans(32, 16, 3, 5));
        assertEquals(F.scalar("conv_xavier_uniform.bound"), Math.sqrt(3) * Init.xavierStd(Init.fans(32, 16, 3, 5), 1), 1e-12);
        Parameter conv = new Parameter(Nd4j.zeros(DataType.FLOAT, 32, 16, 3, 5));
        Init.xavierUniform(conv);
        double bound = F.scalar("conv_xavier_uniform.bound");
        assertTrue(conv.data().amaxNumber().doubleValue() <= bound);
        assertEquals(F.scalar("conv_xavier_uniform.std"), conv.data().stdNumber().doubleValue(), 0.05 * F.scalar("conv_xavier_uniform.std"));
        var e = assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform(new Parameter(Nd4j.zeros(DataType.FLOAT, 5))));
        assertTrue(e.getMessage().contains("at least 2 dimensions"), e.getMessage());
    }

    @Test
    void gainsAsPyTorch() {
        for (String n : new String[] {"linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu", "conv2d"}) {
            assertEquals(F.scalar("gain." + n), Init.gain(n), 1e-15, n);
        }
        assertEquals(F.scalar("gain.leaky_relu.0.2"), Init.gain("leaky_relu", 0.2), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Init.gain("swish"));
    }

    /** TOPICS chapter 08, facts 1 and 2. */
    @Test
    void courseFacts() {
        Init.Fans f = Init.fans(256, 784); // the weight of 784 -> 256
        double bound = Math.sqrt(3) * Init.xavierStd(f, 1);
        assertEquals(0.075955, bound, 1e-6);
        assertEquals(0.001923, Math.pow(Init.xavierStd(f, 1), 2), 1e-6);
        assertEquals(0.050508, Init.kaimingStd(f, Init.FanMode.FAN_IN, Init.gain("relu")), 1e-6);
        // the sample variance of a 1000 x 1000 He init is within 2% of 2 / fan_in
        Parameter w = new Parameter(Nd4j.zeros(DataType.FLOAT, 1000, 1000));
        Init.kaimingNormal(w, 0, Init.FanMode.FAN_IN, "relu");
        double var = Math.pow(w.data().castTo(DataType.DOUBLE).stdNumber().doubleValue(), 2);
        assertEquals(2.0 / 1000, var, 0.02 * 2.0 / 1000);
    }

    @Test
    void seededAndInPlace() {
        Parameter a = weight();
        INDArray live = a.data();
        Course.seed(3);
        Init.xavierNormal(a);
        assertSame(live, a.data(), "filled in place");
        Parameter b = weight();
        Course.seed(3);
        Init.xavierNormal(b);
        assertEquals(a.data(), b.data());
        Parameter d = new Parameter(Nd4j.zeros(DataType.DOUBLE, 20, 30));
        Init.kaimingUniform(d);
        assertEquals(DataType.DOUBLE, d.dtype());
        assertNotEquals(0.0, d.data().amaxNumber().doubleValue());
    }

    @Test
    void initializerPlugsIntoLinear() {
        Linear layer = new Linear(784, 256).initWeights(Init::xavierUniform);
        double bound = F.scalar("xavier_uniform.bound");
        assertTrue(layer.weight().data().amaxNumber().doubleValue() <= bound);
        assertTrue(layer.weight().data().amaxNumber().doubleValue() > 0.999 * F.scalar("xavier_uniform.bound"));
        assertEquals(0.0, layer.bias().data().amaxNumber().doubleValue(), 0.0);
        Tensor t = new Tensor(Nd4j.zeros(DataType.FLOAT, 10, 10));
        Initializer he = w -> Init.kaimingNormal(w, 0, Init.FanMode.FAN_IN, "relu");
        he.initialize(t);
        assertNotEquals(0.0, t.data().amaxNumber().doubleValue());
    }

    /** TOPICS chapter 08, fact 4: with a constant init every hidden unit stays the same unit. */
    @Test
    void constantInitStaysSymmetricUnderGradientDescent() {
        var hidden = new Linear(2, 4);
        var out = new Linear(4, 1);
        var model = new dl.nn.Sequential(hidden, new dl.nn.Tanh(), out).toDouble();
        for (Parameter p : model.parameters()) {
            Init.constant(p, 0.5);
        }
        Tensor x = new Tensor(Nd4j.randn(DataType.DOUBLE, 16, 2));
        Tensor y = new Tensor(Nd4j.randn(DataType.DOUBLE, 16, 1));
        for (int step = 0; step < 20; step++) {
            model.zeroGrad();
            model.forward(x).sub(y).pow(2).mean().backward();
            for (Parameter p : model.parameters()) {
                p.data().subi(p.grad().mul(0.1)); // plain gradient descent, η = 0.1
            }
        }
        INDArray w = hidden.weight().data();
        assertNotEquals(0.5, w.getDouble(0, 0), 1e-3, "the weights did move");
        for (int row = 1; row < 4; row++) {
            assertEquals(w.getRow(0), w.getRow(row), "row " + row + " equals row 0");
        }
    }
}
