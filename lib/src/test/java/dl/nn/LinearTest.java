package dl.nn;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import dl.Fixture;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LinearTest {

    @BeforeEach
    void seed() {
        Course.seed(42);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (boolean bias : new boolean[] {true, false}) {
            var layer = (Linear) new Linear(4, 3, bias).toDouble();
            Tensor x = Expect.leaf(5, 4);
            Tensor r = Expect.weights(5, 3);
            if (bias) {
                Expect.gradOk("Linear", in -> layer.forward(x).mul(r).sum(), x, layer.weight(), layer.bias());
            } else {
                Expect.gradOk("Linear bias=false", in -> layer.forward(x).mul(r).sum(), x, layer.weight());
            }
        }
    }

    @Test
    void batchedAndSingleInputsMatchFiniteDifferences() {
        var layer = (Linear) new Linear(4, 3).toDouble();
        Tensor x3 = Expect.leaf(2, 5, 4);
        Tensor r3 = Expect.weights(2, 5, 3);
        assertArrayEquals(new long[] {2, 5, 3}, layer.forward(x3).shape());
        Expect.gradOk("Linear on [2, 5, 4]", in -> layer.forward(x3).mul(r3).sum(), x3, layer.weight(), layer.bias());
        Tensor x1 = Expect.leaf(4);
        Tensor r1 = Expect.weights(3);
        assertArrayEquals(new long[] {3}, layer.forward(x1).shape());
        Expect.gradOk("Linear on [4]", in -> layer.forward(x1).mul(r1).sum(), x1, layer.weight(), layer.bias());
    }

    @Test
    void matchesPyTorch() {
        for (String name : new String[] {"linear", "linear_nobias"}) {
            Fixture f = Fixture.load("nn/" + name + ".json");
            boolean hasBias = f.has("bias");
            for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
                var layer = new Linear(3, 5, hasBias);
                if (t == DataType.DOUBLE) {
                    layer.toDouble();
                }
                layer.loadStateDict(hasBias ? Map.of("weight", f.array("weight"), "bias", f.array("bias"))
                        : Map.of("weight", f.array("weight")));
                Tensor x = Expect.tensor(f, "x", t).requiresGrad(true);
                Tensor y = layer.forward(x);
                Expect.matches(f, "y", y.data(), t);
                y.mul(Expect.tensor(f, "r", t)).sum().backward();
                Expect.matches(f, "grad_x", x.grad(), t);
                Expect.matches(f, "grad_weight", layer.weight().grad(), t);
                if (hasBias) {
                    Expect.matches(f, "grad_bias", layer.bias().grad(), t);
                }
            }
        }
    }

    @Test
    void twoStackedLinearLayersAreOneLinearLayer() {
        var l1 = (Linear) new Linear(3, 4).toDouble();
        var l2 = (Linear) new Linear(4, 2).toDouble();
        INDArray w1 = l1.weight().data();
        INDArray w2 = l2.weight().data();
        var merged = (Linear) new Linear(3, 2).toDouble();
        // W = W2 W1, b = W2 b1 + b2 (computed here by plain Nd4j, independently of the layer)
        merged.weight().data().assign(w2.mmul(w1));
        merged.bias().data().assign(w2.mmul(l1.bias().data().reshape(4, 1)).reshape(2).add(l2.bias().data()));
        Tensor x = new Tensor(Nd4j.randn(DataType.DOUBLE, 10, 3));
        INDArray stacked = l2.forward(l1.forward(x)).data();
        INDArray single = merged.forward(x).data();
        assertEquals(0, stacked.sub(single).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void computesXWTransposedPlusB() {
        var layer = (Linear) new Linear(2, 2).toDouble();
        layer.weight().data().assign(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}));
        layer.bias().data().assign(Nd4j.createFromArray(0.5, -1.0));
        Tensor y = layer.forward(Tensor.ofDouble(new double[][] {{1, 1}, {2, -1}}));
        // row 1: [1+2+0.5, 3+4-1] = [3.5, 6];  row 2: [2-2+0.5, 6-4-1] = [0.5, 1]
        assertArrayEquals(new double[] {3.5, 6, 0.5, 1}, y.toDoubleArray(), 1e-12);
    }

    @Test
    void defaultInitIsUniformOnPlusMinusOneOverSqrtIn() {
        var layer = new Linear(400, 300);
        double bound = 1 / Math.sqrt(400);
        INDArray w = layer.weight().data();
        assertTrue(w.amaxNumber().doubleValue() <= bound);
        assertTrue(w.amaxNumber().doubleValue() > 0.99 * bound);
        // U(-a, a) has standard deviation a / √3
        assertEquals(bound / Math.sqrt(3), w.stdNumber().doubleValue(), 0.02 * bound / Math.sqrt(3));
        INDArray b = layer.bias().data();
        assertTrue(b.amaxNumber().doubleValue() <= bound);
        assertTrue(b.amaxNumber().doubleValue() > 0.9 * bound);
    }

    @Test
    void sameSeedSameWeights() {
        Course.seed(7);
        INDArray a = new Linear(5, 4).weight().data().dup();
        Course.seed(7);
        INDArray b = new Linear(5, 4).weight().data();
        assertEquals(a, b);
        assertNotEquals(a, new Linear(5, 4).weight().data());
    }

    @Test
    void wrongWidthIsReportedWithAHint() {
        var layer = new Linear(784, 128);
        var e = assertThrows(ShapeException.class, () -> layer.forward(Tensor.zeros(64, 28, 28)));
        assertEquals("Linear(784 -> 128).forward: input x has shape [64, 28, 28], expected (N, 784)."
                + " hint: flatten first: x.reshape(64, 784) or a Flatten layer (in Linear(784 -> 128))", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Linear(0, 3));
    }

    @Test
    void inputWithoutGradIsNotDifferentiated() {
        var layer = new Linear(3, 2);
        Tensor x = Tensor.randn(4, 3);
        layer.forward(x).sum().backward();
        assertNull(x.grad());
        assertNotNull(layer.weight().grad());
        // dL/db = Σ_n 1 = N for L = Σ y
        assertArrayEquals(new double[] {4, 4}, layer.bias().grad().castTo(DataType.DOUBLE).toDoubleVector(), 1e-6);
    }

    /** TOPICS chapter 02, fact 7: a ReLU unit with bias −100 on inputs in [−1, 1] is dead: zero gradient. */
    @Test
    void deadReluHasExactlyZeroGradient() {
        var unit = new Linear(3, 1);
        unit.bias().data().assign(-100);
        Tensor x = new Tensor(Nd4j.rand(DataType.FLOAT, 64, 3).subi(0.5).muli(2));
        unit.forward(x).relu().sum().backward();
        assertEquals(0.0, unit.weight().grad().amaxNumber().doubleValue(), 0.0);
        assertEquals(0.0, unit.bias().grad().amaxNumber().doubleValue(), 0.0);
    }
}
