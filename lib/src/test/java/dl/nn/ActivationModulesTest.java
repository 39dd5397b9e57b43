package dl.nn;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import dl.Fixture;
import dl.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class ActivationModulesTest {

    @BeforeEach
    void seed() {
        Course.seed(42);
    }

    /** Fixture key -> a fresh module. */
    private static Map<String, Supplier<Module>> modules() {
        Map<String, Supplier<Module>> m = new LinkedHashMap<>();
        m.put("sigmoid", Sigmoid::new);
        m.put("tanh", Tanh::new);
        m.put("relu", ReLU::new);
        m.put("leaky_relu_default", LeakyReLU::new);
        m.put("leaky_relu_0.2", () -> new LeakyReLU(0.2));
        m.put("elu_default", ELU::new);
        m.put("elu_0.5", () -> new ELU(0.5));
        m.put("softmax_axis1", () -> new Softmax(1));
        m.put("softmax_axis0", () -> new Softmax(0));
        m.put("log_softmax_axis1", LogSoftmax::new);
        m.put("identity", Identity::new);
        return m;
    }

    @Test
    void matchPyTorchValuesAndGradients() {
        Fixture f = Fixture.load("nn/activations.json");
        for (var e : modules().entrySet()) {
            for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
                Tensor x = Expect.tensor(f, "x", t).requiresGrad(true);
                Tensor y = e.getValue().get().forward(x);
                Expect.matches(f, e.getKey(), y.data(), t);
                y.mul(Expect.tensor(f, "r", t)).sum().backward();
                Expect.matches(f, "grad_" + e.getKey(), x.grad(), t);
            }
        }
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Expect.matches(f, "step", new Step().forward(Expect.tensor(f, "x", t)).data(), t);
        }
    }

    /** Values in [-1, 1] at least 0.05 away from the kinks at 0. */
    private static Tensor awayFromZero(long... shape) {
        Tensor x = Expect.leaf(shape);
        double[] v = x.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) < 0.05) {
                v[i] = v[i] < 0 ? -0.05 - v[i] : 0.05 + v[i];
            }
        }
        return new Tensor(Nd4j.createFromArray(v).reshape(shape).dup('c'), true);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (var e : modules().entrySet()) {
            Module m = e.getValue().get();
            Tensor x = awayFromZero(3, 4);
            Tensor r = Expect.weights(3, 4);
            Expect.gradOk(e.getKey(), in -> m.forward(x).mul(r).sum(), x);
        }
        Tensor x = awayFromZero(2, 3, 4);
        Tensor r = Expect.weights(2, 3, 4);
        Expect.gradOk("flatten", in -> new Flatten().forward(x).mul(r.reshape(2, 12)).sum(), x);
    }

    /** TOPICS chapter 02, facts 1, 3 and 4. */
    @Test
    void courseFacts() {
        Tensor zero = Tensor.ofDouble(0).requiresGrad(true);
        Tensor s = new Sigmoid().forward(zero);
        s.backward();
        assertEquals(0.5, s.item(), 1e-12);
        assertEquals(0.25, zero.grad().getDouble(0), 1e-12);
        assertArrayEquals(new double[] {0.090031, 0.244728, 0.665241},
                new Softmax().forward(Tensor.ofDouble(1, 2, 3)).toDoubleArray(), 1e-6);
        assertArrayEquals(new double[] {0.090031, 0.244728, 0.665241},
                new Softmax().forward(Tensor.ofDouble(101, 102, 103)).toDoubleArray(), 1e-6, "unchanged by a constant");
        assertEquals(-0.632121, new ELU().forward(Tensor.ofDouble(-1)).item(), 1e-6);
        assertEquals(-0.2, new LeakyReLU(0.1).forward(Tensor.ofDouble(-2)).item(), 1e-12);
        Tensor m3 = Tensor.ofDouble(-3).requiresGrad(true);
        new ReLU().forward(m3).backward();
        assertEquals(0.0, m3.grad().getDouble(0), 0.0);
        assertEquals("LeakyReLU(0.01)", new LeakyReLU().toString());
        assertEquals("ELU(1.0)", new ELU().toString());
        assertEquals("Softmax(axis=-1)", new Softmax().toString());
        assertEquals("LogSoftmax(axis=1)", new LogSoftmax(1).toString());
    }

    /** TOPICS chapter 01, facts 4 and 5: threshold units built from Linear and Step. */
    @Test
    void thresholdUnitsComputeAndOrXor() {
        Tensor inputs = Tensor.ofDouble(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        assertArrayEquals(new double[] {0, 0, 0, 1}, unit(new double[][] {{1, 1}}, -1.5).forward(inputs).toDoubleArray(), 0);
        assertArrayEquals(new double[] {0, 1, 1, 1}, unit(new double[][] {{1, 1}}, -0.5).forward(inputs).toDoubleArray(), 0);
        // XOR = θ(θ(−x1 − x2 + 1.5) + θ(x1 + x2 − 0.5) − 1.5)
        var hidden = (Linear) new Linear(2, 2).toDouble();
        hidden.weight().data().assign(Nd4j.createFromArray(new double[][] {{-1, -1}, {1, 1}}));
        hidden.bias().data().assign(Nd4j.createFromArray(1.5, -0.5));
        var xor = new Sequential(hidden, new Step(), unit(new double[][] {{1, 1}}, -1.5));
        assertArrayEquals(new double[] {0, 1, 1, 0}, xor.forward(inputs).toDoubleArray(), 0);
        // with the seed's "+1" in the NAND unit and θ(0) = 0 it gives 0, 0, 0, 0
        hidden.bias().data().putScalar(0, 1.0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, xor.forward(inputs).toDoubleArray(), 0);
        assertFalse(new Step().forward(Tensor.ofDouble(1, -1).requiresGrad(true)).requiresGrad(), "forward only");
    }

    private static Sequential unit(double[][] w, double b) {
        var l = (Linear) new Linear(w[0].length, w.length).toDouble();
        l.weight().data().assign(Nd4j.createFromArray(w));
        l.bias().data().assign(b);
        return new Sequential(l, new Step());
    }

    /** TOPICS chapter 01, fact 3: the ReLU equality net. */
    @Test
    void reluEqualityNet() {
        var hidden = (Linear) new Linear(2, 2).toDouble();
        hidden.weight().data().assign(Nd4j.createFromArray(new double[][] {{1, 1}, {-1, -1}})); // z1 = x + y − 1, z2 = 1 − x − y
        hidden.bias().data().assign(Nd4j.createFromArray(-1.0, 1.0));
        var out = (Linear) new Linear(2, 1).toDouble();
        out.weight().data().assign(Nd4j.createFromArray(new double[][] {{2, 2}}));
        out.bias().data().assign(-1.0);
        var net = new Sequential(hidden, new ReLU(), out);
        Tensor inputs = Tensor.ofDouble(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        assertArrayEquals(new double[] {1, -1, -1, 1}, net.forward(inputs).toDoubleArray(), 1e-12);
    }
}
