package dl.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The checkable facts of TOPICS.md chapter 05 (loss functions), recomputed by the library. */
class LossCourseFactsTest {

    @Test
    void bceOfOneProbability() {
        assertEquals(0.105361, Losses.bce(Tensor.ofDouble(0.9), Tensor.ofDouble(1)).item(), 1e-6);
        assertEquals(2.302585, Losses.bce(Tensor.ofDouble(0.9), Tensor.ofDouble(0)).item(), 1e-6);
        // BCE = −log p(y): the same numbers from the definition
        assertEquals(-Math.log(0.9), Losses.bce(Tensor.ofDouble(0.9), Tensor.ofDouble(1)).item(), 1e-12);
        assertEquals(-Math.log(0.1), Losses.bce(Tensor.ofDouble(0.9), Tensor.ofDouble(0)).item(), 1e-12);
    }

    @Test
    void crossEntropyOfProbabilitiesIsNllOfTheirLog() {
        Tensor logP = Tensor.ofDouble(0.7, 0.2, 0.1).log();
        assertEquals(0.356675, Losses.nll(logP, 0).item(), 1e-6);
        // the logits log p have softmax p (they already sum to one), so CE from them agrees
        assertEquals(0.356675, Losses.crossEntropy(Tensor.ofDouble(0.7, 0.2, 0.1).log(), 0).item(), 1e-6);
    }

    @Test
    void withTwoClassesCrossEntropyEqualsBinaryCrossEntropy() {
        double[][] logits = {{0.3, -1.2}, {2.0, 0.5}, {-0.7, 0.9}, {1.5, 1.5}};
        int[] labels = {1, 0, 1, 0};
        double[] z = new double[logits.length];
        double[] y = new double[logits.length];
        double[] p = new double[logits.length];
        double[][] probs = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            z[i] = logits[i][1] - logits[i][0];       // the score of class 1 relative to class 0
            y[i] = labels[i];
            p[i] = 1 / (1 + Math.exp(-z[i]));         // softmax of two classes = σ of the difference
            probs[i] = new double[] {1 - p[i], p[i]};
        }
        double ce = Losses.crossEntropy(Tensor.ofDouble(logits), labels).item();
        assertEquals(ce, Losses.bceWithLogits(Tensor.ofDouble(z), Tensor.ofDouble(y)).item(), 1e-12);
        assertEquals(ce, Losses.bce(Tensor.ofDouble(p), Tensor.ofDouble(y)).item(), 1e-12);
        assertEquals(ce, Losses.nll(Tensor.ofDouble(probs).log(), labels).item(), 1e-12);
    }

    @Test
    void regressionLossesOfTheCourseExample() {
        Tensor y = Tensor.ofDouble(1, 2, 3, 4);
        assertEquals(4, Losses.mse(Tensor.ofDouble(1, 2, 3, 8), y).item(), 1e-12);
        assertEquals(1, Losses.mae(Tensor.ofDouble(1, 2, 3, 8), y).item(), 1e-12);
        assertEquals(2, Losses.rmse(Tensor.ofDouble(1, 2, 3, 8), y).item(), 1e-12);
    }

    @Test
    void regressionGradientsOfTheCourseExample() {
        Tensor y = Tensor.ofDouble(1, 2, 3, 4);
        Tensor yHat = Tensor.ofDouble(1, 2, 3, 8).requiresGrad(true);
        Losses.mse(yHat, y).backward();
        assertArrayEquals(new double[] {0, 0, 0, 2}, yHat.grad().toDoubleVector(), 1e-12);
        yHat.zeroGrad();
        Losses.mae(yHat, y).backward();
        assertArrayEquals(new double[] {0, 0, 0, 0.25}, yHat.grad().toDoubleVector(), 1e-12);
    }

    @Test
    void softmaxCrossEntropyGradientIsPMinusY() {
        Tensor z = Tensor.ofDouble(1, 2, 3).requiresGrad(true);
        Losses.crossEntropy(z, 2).backward();
        assertArrayEquals(new double[] {0.090031, 0.244728, -0.334759}, z.grad().toDoubleVector(), 1e-6);
        // the same through autograd of the composed formula −log(e^{z_2} / Σ e^{z_j})
        Tensor w = Tensor.ofDouble(1, 2, 3).requiresGrad(true);
        Tensor e = w.exp();
        e.div(e.sum()).log().mul(Tensor.ofDouble(0, 0, -1)).sum().backward();
        assertArrayEquals(w.grad().toDoubleVector(), z.grad().toDoubleVector(), 1e-12);
    }
}
