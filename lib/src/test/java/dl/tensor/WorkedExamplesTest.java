package dl.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * The seeds' one-neuron backpropagation example, TOPICS.md chapter 04: x = (0.5, 0.2), w = (1, 2),
 * b = -1.1, σ, L = ½(1 - σ)², target 1. Expected numbers are the ones TOPICS lists (computed by hand
 * in double precision), including the corrected σ(1 - σ) = 0.247517 (the seed's 0.2025 is 0.45²).
 */
class WorkedExamplesTest {

    /** The example's tensors, named as in the chapter. */
    record OneNeuron(Tensor x, Tensor w, Tensor b, Tensor h, Tensor sigma, Tensor loss) {
        static OneNeuron build(double halfOrOne) {
            Tensor x = Tensor.ofDouble(0.5, 0.2).name("x");
            Tensor w = Tensor.ofDouble(1, 2).name("w").requiresGrad(true);
            Tensor b = Tensor.ofDouble(-1.1).name("b").requiresGrad(true);
            Tensor h = x.mul(w).sum().add(b).name("h");
            Tensor sigma = h.sigmoid().name("σ");
            Tensor loss = sigma.rsub(1).pow(2).mul(halfOrOne).name("L");
            return new OneNeuron(x, w, b, h, sigma, loss);
        }
    }

    @Test
    void forwardAndEveryIntermediateGradient() {
        OneNeuron n = OneNeuron.build(0.5);
        n.h().retainGrad();
        n.sigma().retainGrad();
        n.loss().backward();
        assertEquals(-0.2, n.h().item(), 1e-12);
        assertEquals(0.450166, n.sigma().item(), 1e-6);
        assertEquals(0.151159, n.loss().item(), 1e-6);
        assertEquals(-0.549834, n.sigma().grad().getDouble(0), 1e-6);        // dL/dσ = -(1 - σ)
        double localSigmoid = n.h().grad().getDouble(0) / n.sigma().grad().getDouble(0);
        assertEquals(0.247517, localSigmoid, 1e-6);                          // σ(1 - σ), not 0.2025
        assertEquals(-0.068047, n.w().grad().getDouble(0), 1e-6);            // the seed's 0.0557 is a slip
        assertEquals(-0.0680, n.w().grad().getDouble(0), 1e-4);
        assertEquals(-0.027219, n.w().grad().getDouble(1), 1e-6);
        assertEquals(-0.136093, n.b().grad().getDouble(0), 1e-6);
        assertEquals(-0.136093, n.h().grad().getDouble(0), 1e-6);            // dL/db = dL/dh (+ passes it on)
    }

    @Test
    void unhalvedLossDoublesEveryGradient() {
        OneNeuron half = OneNeuron.build(0.5);
        half.loss().backward();
        OneNeuron full = OneNeuron.build(1.0);
        full.loss().backward();
        assertEquals(0.302317, full.loss().item(), 1e-6);
        assertEquals(2 * -0.068047, full.w().grad().getDouble(0), 2e-6);
        assertEquals(2 * -0.027219, full.w().grad().getDouble(1), 2e-6);
        assertEquals(2 * -0.136093, full.b().grad().getDouble(0), 2e-6);
        for (int i = 0; i < 2; i++) {
            assertEquals(2 * half.w().grad().getDouble(i), full.w().grad().getDouble(i), 1e-15);
        }
    }

    @Test
    void oneGradientStepWithLearningRateOneLowersTheLoss() {
        OneNeuron n = OneNeuron.build(0.5);
        n.loss().backward();
        n.w().data().subi(n.w().grad());   // η = 1
        n.b().data().subi(n.b().grad());
        assertArrayEquals(new double[] {1.068047, 2.027219}, n.w().toDoubleArray(), 1e-6);
        assertEquals(-0.963907, n.b().item(), 1e-6);
        Tensor h = n.x().mul(n.w()).sum().add(n.b());
        assertEquals(0.128074, h.sigmoid().rsub(1).pow(2).mul(0.5).item(), 1e-6);
    }

    @Test
    void oneNeuronMatchesFiniteDifferences() {
        Tensor x = Tensor.ofDouble(0.5, 0.2);
        var r = GradCheck.run(in -> x.mul(in.get(0)).sum().add(in.get(1)).sigmoid().rsub(1).pow(2).mul(0.5),
                Tensor.ofDouble(1, 2).requiresGrad(true), Tensor.ofDouble(-1.1).requiresGrad(true));
        assertTrue(r.maxAbsError() < 1e-8, "max abs error " + r.maxAbsError()); // TOPICS chapter 04 fact 7
    }
}
