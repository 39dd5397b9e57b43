package dl.nn;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import dl.Fixture;
import dl.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DropoutTest {

    private static final Fixture F = Fixture.load("nn/dropout.json");

    @BeforeEach
    void seed() {
        Course.seed(42);
    }

    /** TOPICS chapter 09, fact 1: x = 2 becomes 4 or 0, and the mean over 1e5 masks is 2 ± 0.02. */
    @Test
    void invertedDropoutOfTwo() {
        var drop = new Dropout(0.5);
        Tensor x = new Tensor(Nd4j.valueArrayOf(new long[] {100_000}, 2.0, DataType.DOUBLE));
        INDArray y = drop.forward(x).data();
        long fours = y.eq(4.0).castTo(DataType.INT64).sumNumber().longValue();
        long zeros = y.eq(0.0).castTo(DataType.INT64).sumNumber().longValue();
        assertEquals(100_000, fours + zeros, "every value is 4 or 0");
        assertEquals(2.0, y.meanNumber().doubleValue(), 0.02);
        assertEquals(0.5, zeros / 1e5, 0.01, "drop rate p");
    }

    /** TOPICS chapter 09, fact 2. */
    @Test
    void classicDropoutExpectationEqualsEval() {
        double p = 0.3;
        var drop = Dropout.classic(p);
        Tensor x = new Tensor(Nd4j.valueArrayOf(new long[] {100_000}, 2.0, DataType.DOUBLE));
        double trainMean = drop.forward(x).data().meanNumber().doubleValue();
        drop.eval();
        INDArray eval = drop.forward(x).data();
        assertEquals(2.0 * (1 - p), eval.getDouble(0), 1e-12, "eval scales by 1 - p");
        assertEquals(eval.getDouble(0), trainMean, 0.01, "E[train] = eval");
        var inverted = new Dropout(p).eval();
        assertSame(x, inverted.forward(x), "inverted dropout is the identity in eval");
    }

    @Test
    void fixedMaskFormulasMatchTheFixture() {
        double p = F.scalar("p");
        INDArray keep = F.array("keep");
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Tensor x = Expect.tensor(F, "x", t);
            Expect.matches(F, "inverted_train", new Dropout(p).forwardWithMask(x, keep).data(), t);
            Expect.matches(F, "classic_train", Dropout.classic(p).forwardWithMask(x, keep).data(), t);
            Expect.matches(F, "classic_eval", Dropout.classic(p).eval().forward(x).data(), t);
            Expect.matches(F, "inverted_eval", new Dropout(p).eval().forward(x).data(), t);
        }
    }

    @Test
    void randomMasksAverageToTheInputAsPyTorchs() {
        // PyTorch's own dropout averaged over its draws gives back x; so must ours.
        double p = F.scalar("p");
        int draws = 2000;
        var drop = new Dropout(p);
        Tensor x = Expect.tensor(F, "x", DataType.DOUBLE);
        INDArray sum = x.data().ulike().assign(0);
        for (int i = 0; i < draws; i++) {
            sum.addi(drop.forward(x).data());
        }
        INDArray mean = sum.divi(draws);
        INDArray torchMean = F.array("torch_mean_of_draws");
        // standard error of the mean: |x| √(p / (1 − p)) / √draws, allow 5 of them
        for (int i = 0; i < x.length(); i++) {
            double xi = x.data().getDouble(i / 6, i % 6);
            double se = Math.abs(xi) * Math.sqrt(p / (1 - p));
            assertEquals(xi, mean.getDouble(i / 6, i % 6), 5 * se / Math.sqrt(draws) + 1e-12, "ours, element " + i);
            assertEquals(xi, torchMean.getDouble(i / 6, i % 6), 5 * se / Math.sqrt(F.scalar("draws")) + 1e-12, "torch, element " + i);
        }
    }

    @Test
    void gradientUsesTheSameMask() {
        double p = 0.4;
        var drop = new Dropout(p).toDouble();
        INDArray keep = Nd4j.createFromArray(new double[][] {{1, 0, 1}, {0, 1, 1}});
        Tensor x = Expect.leaf(2, 3);
        Tensor r = Expect.weights(2, 3);
        Expect.gradOk("Dropout with a fixed mask", in -> ((Dropout) drop).forwardWithMask(x, keep).mul(r).sum(), x);
        Expect.gradOk("classic Dropout with a fixed mask", in -> Dropout.classic(p).forwardWithMask(x, keep).mul(r).sum(), x);

        // a random mask in training: dL/dx = m / (1 − p) for L = Σ y, the mask the forward pass used
        Dropout d = new Dropout(p);
        Tensor z = Expect.leaf(50, 4);
        d.forward(z).sum().backward();
        assertEquals(d.lastMask().div(1 - p), z.grad());
    }

    @Test
    void edgeProbabilities() {
        Tensor x = Tensor.randn(10, 10);
        assertEquals(0.0, new Dropout(1.0).forward(x).data().amaxNumber().doubleValue(), 0.0, "p = 1 drops everything");
        assertEquals(x.data(), new Dropout(0.0).forward(x).data(), "p = 0 keeps everything");
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1));
        var wrong = assertThrows(dl.tensor.ShapeException.class,
                () -> new Dropout(0.5).forwardWithMask(x, Nd4j.ones(DataType.FLOAT, 10, 9)));
        assertTrue(wrong.getMessage().contains("mask has shape [10, 9], input has shape [10, 10]"), wrong.getMessage());
    }

    @Test
    void seededMasksRepeat() {
        Tensor x = Tensor.ones(8, 8);
        Course.seed(11);
        INDArray a = new Dropout(0.5).forward(x).data();
        Course.seed(11);
        INDArray b = new Dropout(0.5).forward(x).data();
        assertEquals(a, b);
    }

    @Test
    void aMaskGivenAsATensorIsTheSameMask() {
        Tensor x = Tensor.of(1, 2, 3, 4);
        // y = x·m/(1 − p) with p = 0.5, m = [1, 0, 1, 0]
        assertArrayEquals(new double[] {2, 0, 6, 0}, new Dropout(0.5).forwardWithMask(x, Tensor.of(1, 0, 1, 0)).toDoubleArray(), 1e-6);
        Tensor boolMask = Tensor.of(0.9, 0.1, 0.7, 0.2).gt(0.5);
        assertArrayEquals(new double[] {2, 0, 6, 0}, new Dropout(0.5).forwardWithMask(x, boolMask).toDoubleArray(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> new Dropout(0.5).forwardWithMask(x, (Tensor) null));
    }
}
