package dl.tensor;

import static dl.tensor.TensorCoreTest.gradOk;
import static dl.tensor.TensorCoreTest.leaf;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Activations: finite-difference gradient checks, hand-worked values and the seeds' numbers. */
class ActivationsTest {

    @Test
    void leakyReluAndEluMatchFiniteDifferences() {
        gradOk(in -> in.get(0).leakyRelu(0.1).mul(in.get(0)).sum(), leaf(3, 4));
        gradOk(in -> in.get(0).mul(3).elu(1.5).pow(2).sum(), leaf(2, 5));
    }

    @Test
    void softmaxAndLogSoftmaxMatchFiniteDifferences() {
        // a weighted sum so the gradient is not trivially zero (Σ softmax = 1)
        gradOk(in -> in.get(0).softmax(1).mul(in.get(1)).sum(), leaf(3, 4), leaf(3, 4));
        gradOk(in -> in.get(0).softmax(0).mul(in.get(1)).sum(), leaf(3, 4), leaf(4));
        gradOk(in -> in.get(0).softmax(-1).pow(2).sum(), leaf(2, 3, 4));
        gradOk(in -> in.get(0).logSoftmax(1).mul(in.get(1)).sum(), leaf(3, 4), leaf(3, 4));
        gradOk(in -> in.get(0).logSoftmax(1).mul(in.get(1)).sum(), leaf(2, 3, 4), leaf(3, 1));
    }

    @Test
    void maxOfMatchesFiniteDifferencesAndBroadcasts() {
        gradOk(in -> in.get(0).maxOf(in.get(1)).mul(in.get(0)).sum(), leaf(3, 4), leaf(3, 4));
        gradOk(in -> in.get(0).maxOf(in.get(1)).pow(2).sum(), leaf(3, 4), leaf(4));
        gradOk(in -> in.get(1).maxOf(in.get(0)).exp().sum(), leaf(2, 3, 1), leaf(1, 4));
    }

    @Test
    void clampMatchesFiniteDifferences() {
        gradOk(in -> in.get(0).clamp(-0.3, 0.4).mul(in.get(0)).sum(), leaf(4, 5));
        gradOk(in -> in.get(0).clamp(Double.NEGATIVE_INFINITY, 0.2).exp().sum(), leaf(6));
    }

    @Test
    void maxOfSplitsTiesEvenlyAsTorchMaximum() {
        // torch.maximum([1,2,3],[1,1,4]).sum().backward(): a.grad = [0.5, 1, 0], b.grad = [0.5, 0, 1]
        Tensor a = Tensor.ofDouble(1, 2, 3).requiresGrad(true);
        Tensor b = Tensor.ofDouble(1, 1, 4).requiresGrad(true);
        Tensor y = a.maxOf(b);
        assertArrayEquals(new double[] {1, 2, 4}, y.toDoubleArray(), 0);
        y.sum().backward();
        assertArrayEquals(new double[] {0.5, 1, 0}, a.grad().toDoubleVector(), 0);
        assertArrayEquals(new double[] {0.5, 0, 1}, b.grad().toDoubleVector(), 0);
    }

    @Test
    void maxOfHandlesInfinities() {
        Tensor y = Tensor.ofDouble(Double.NEGATIVE_INFINITY, 1).maxOf(Tensor.ofDouble(0, Double.POSITIVE_INFINITY));
        assertArrayEquals(new double[] {0, Double.POSITIVE_INFINITY}, y.toDoubleArray(), 0);
    }

    @Test
    void clampPassesGradientAtTheBoundsAsTorch() {
        // torch: x=[-1,0,0.5,1,2].clamp(0,1) -> grad [0,1,1,1,0]
        Tensor x = Tensor.ofDouble(-1, 0, 0.5, 1, 2).requiresGrad(true);
        Tensor y = x.clamp(0, 1);
        assertArrayEquals(new double[] {0, 0, 0.5, 1, 1}, y.toDoubleArray(), 0);
        y.sum().backward();
        assertArrayEquals(new double[] {0, 1, 1, 1, 0}, x.grad().toDoubleVector(), 0);
        assertThrows(IllegalArgumentException.class, () -> x.clamp(1, 0));
    }

    @Test
    void gradientsAtZeroFollowPyTorch() {
        Tensor x = Tensor.ofDouble(0).requiresGrad(true);
        x.leakyRelu(0.1).backward();
        assertEquals(0.1, x.grad().getDouble(0), 1e-12);
        x.zeroGrad();
        x.elu(1.5).backward();
        assertEquals(1.5, x.grad().getDouble(0), 1e-12);
    }

    /** TOPICS chapter 02, fact 3. */
    @Test
    void softmaxOfTheSeedNumbersAndShiftInvariance() {
        double[] expected = {0.090031, 0.244728, 0.665241};
        assertArrayEquals(expected, Tensor.ofDouble(1, 2, 3).softmax(0).toDoubleArray(), 1e-6);
        assertArrayEquals(expected, Tensor.ofDouble(1001, 1002, 1003).softmax(0).toDoubleArray(), 1e-6);
        // fp32: a band relative to the values (<= 1), as for every fp32 check (README, Add a notebook)
        assertArrayEquals(expected, Tensor.of(-99, -98, -97).softmax(0).toDoubleArray(), 1e-5);
        double[] logs = Tensor.ofDouble(1, 2, 3).logSoftmax(0).toDoubleArray();
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.log(expected[i]), logs[i], 1e-5);
        }
    }

    @Test
    void logSoftmaxIsStableForLargeLogits() {
        // ln softmax([0, 1000]) = [-1000, 0] exactly (up to e^-1000); a naive version gives -inf/NaN
        assertArrayEquals(new double[] {-1000, 0}, Tensor.of(0, 1000).logSoftmax(0).toDoubleArray(), 1e-3);
    }

    /** TOPICS chapter 02, facts 1, 2, 4. */
    @Test
    void seedActivationValuesAndDerivatives() {
        assertEquals(0.25, derivative(x -> x.sigmoid(), 0), 1e-12);
        assertEquals(0.104994, derivative(x -> x.sigmoid(), 2), 1e-6);
        assertEquals(0.006648, derivative(x -> x.sigmoid(), 5), 1e-6);
        assertEquals(1.0, derivative(x -> x.tanh(), 0), 1e-12);
        assertEquals(0.070651, derivative(x -> x.tanh(), 2), 1e-6);
        assertEquals(0.000182, derivative(x -> x.tanh(), 5), 1e-6);
        assertEquals(0.761594, Tensor.ofDouble(1).tanh().item(), 1e-6);
        assertEquals(0.761594, Tensor.ofDouble(2).sigmoid().mul(2).sub(1).item(), 1e-6);
        assertEquals(-0.632121, Tensor.ofDouble(-1).elu(1).item(), 1e-6);
        assertEquals(-0.2, Tensor.ofDouble(-2).leakyRelu(0.1).item(), 1e-12);
        assertEquals(0.0, derivative(x -> x.relu(), -3), 0);
    }

    static double derivative(java.util.function.UnaryOperator<Tensor> f, double at) {
        Tensor x = Tensor.ofDouble(at).requiresGrad(true);
        f.apply(x).backward();
        return x.grad().getDouble(0);
    }

    @Test
    void stepIsForwardOnlyAndThetaOfZeroIsZero() {
        Tensor x = Tensor.ofDouble(-1, 0, 1e-9, 2).requiresGrad(true);
        Tensor y = x.step();
        assertArrayEquals(new double[] {0, 0, 1, 1}, y.toDoubleArray(), 0);
        assertFalse(y.requiresGrad());
        assertTrue(y.inputs().isEmpty());
    }

    /** TOPICS chapter 01, facts 4 and 5: threshold units on 00, 01, 10, 11. */
    @Test
    void thresholdUnitsAndXor() {
        Tensor x1 = Tensor.ofDouble(0, 0, 1, 1);
        Tensor x2 = Tensor.ofDouble(0, 1, 0, 1);
        Tensor s = x1.add(x2);
        assertArrayEquals(new double[] {0, 0, 0, 1}, s.sub(1.5).step().toDoubleArray(), 0);
        assertArrayEquals(new double[] {0, 1, 1, 1}, s.sub(0.5).step().toDoubleArray(), 0);
        Tensor or = s.sub(0.5).step();
        Tensor nand = s.neg().add(1.5).step();
        assertArrayEquals(new double[] {0, 1, 1, 0}, nand.add(or).sub(1.5).step().toDoubleArray(), 0);
        Tensor nandSeed = s.neg().add(1).step(); // the 000 seed's "+1": θ(0) = 0 breaks it
        assertArrayEquals(new double[] {0, 0, 0, 0}, nandSeed.add(or).sub(1.5).step().toDoubleArray(), 0);
    }

    /** TOPICS chapter 01, fact 3: z1 = x+y-1, z2 = 1-x-y, out = 2(relu z1 + relu z2) - 1. */
    @Test
    void reluEqualityNetTruthTable() {
        Tensor x = Tensor.ofDouble(0, 0, 1, 1);
        Tensor y = Tensor.ofDouble(0, 1, 0, 1);
        Tensor z1 = x.add(y).sub(1);
        Tensor z2 = x.add(y).rsub(1);
        Tensor h1 = z1.relu();
        Tensor h2 = z2.relu();
        Tensor out = h1.add(h2).mul(2).sub(1);
        assertArrayEquals(new double[] {-1, 0, 0, 1}, z1.toDoubleArray(), 0);
        assertArrayEquals(new double[] {1, 0, 0, -1}, z2.toDoubleArray(), 0);
        assertArrayEquals(new double[] {0, 0, 0, 1}, h1.toDoubleArray(), 0);
        assertArrayEquals(new double[] {1, 0, 0, 0}, h2.toDoubleArray(), 0);
        assertArrayEquals(new double[] {1, -1, -1, 1}, out.toDoubleArray(), 0);
    }

    @Test
    void activationsKeepTheInputDataType() {
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Tensor x = new Tensor(org.nd4j.linalg.factory.Nd4j.rand(dt, 2, 3), true);
            for (Tensor y : new Tensor[] {x.leakyRelu(0.1), x.elu(1), x.softmax(1), x.logSoftmax(1), x.step(),
                    x.maxOf(x.mul(0.5)), x.clamp(0.2, 0.8)}) {
                assertEquals(dt, y.dtype(), y.op());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(1, 2).maxOf(Tensor.ofDouble(1, 2)));
    }
}
