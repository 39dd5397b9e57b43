package dl.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Clear messages for bad input, the shapes of each reduction, and stability for large logits. */
class LossErrorsAndShapesTest {

    @Test
    void shapeMismatchNamesBothShapes() {
        var e = assertThrows(ShapeException.class, () -> Losses.mse(Tensor.zeros(32, 1), Tensor.zeros(32)));
        assertEquals("MSELoss: prediction has shape [32, 1] but target has shape [32]; they must be equal"
                + " (losses do not broadcast); hint: same number of elements, reshape one of them, e.g."
                + " target.reshape(32, 1)", e.getMessage());
        var b = assertThrows(ShapeException.class, () -> Losses.bceWithLogits(Tensor.zeros(4, 2), Tensor.zeros(2, 3)));
        assertTrue(b.getMessage().startsWith("BCEWithLogitsLoss: prediction has shape [4, 2] but target has shape [2, 3]"),
                b.getMessage());
        var p = assertThrows(ShapeException.class,
                () -> Losses.crossEntropy(Tensor.zeros(4, 3), Tensor.zeros(4, 2)));
        assertTrue(p.getMessage().contains("[4, 3]") && p.getMessage().contains("[4, 2]"), p.getMessage());
    }

    @Test
    void classIndexOutOfRangeNamesIndexPositionAndClassCount() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(Tensor.zeros(4, 10), 3, 9, 10, 0));
        assertEquals("CrossEntropyLoss: class index 10 at position 2 is out of range for 10 classes (valid ids 0..9)",
                e.getMessage());
        var n = assertThrows(IllegalArgumentException.class,
                () -> Losses.nll(Tensor.zeros(2, 3), Tensor.of(Nd4j.createFromArray(0L, -1L))));
        assertEquals("NLLLoss: class index -1 at position 1 is out of range for 3 classes (valid ids 0..2)", n.getMessage());
    }

    @Test
    void labelsMustBeOneIntegerIdPerRow() {
        var dtype = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(Tensor.zeros(3, 4), Tensor.of(0, 1, 2)));
        assertTrue(dtype.getMessage().startsWith("CrossEntropyLoss: labels must be integer class ids (INT or LONG), got FLOAT of shape [3]"),
                dtype.getMessage());
        assertTrue(dtype.getMessage().contains("for class probabilities pass targets of shape [3, 4]"), dtype.getMessage());
        var count = assertThrows(ShapeException.class, () -> Losses.crossEntropy(Tensor.zeros(3, 4), 0, 1));
        assertEquals("CrossEntropyLoss: scores have 3 rows but 2 labels were given; expected one class id per row",
                count.getMessage());
        var rank = assertThrows(ShapeException.class,
                () -> Losses.crossEntropy(Tensor.zeros(3, 4), Tensor.of(Nd4j.createFromArray(new int[][] {{0}, {1}, {2}}))));
        assertTrue(rank.getMessage().contains("labels must have shape [N] = [3]") && rank.getMessage().contains("labels.reshape(3)"),
                rank.getMessage());
        var oneHot = assertThrows(ShapeException.class,
                () -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.of(Nd4j.createFromArray(new int[][] {{0, 1, 0}, {1, 0, 0}}))));
        assertTrue(oneHot.getMessage().contains("use a floating-point tensor"), oneHot.getMessage());
        var logits = assertThrows(ShapeException.class, () -> Losses.crossEntropy(Tensor.zeros(2, 3, 4), 0, 1));
        assertTrue(logits.getMessage().contains("logits must have shape [N, C]") && logits.getMessage().contains("[2, 3, 4]"),
                logits.getMessage());
    }

    @Test
    void bceRejectsValuesThatAreNotProbabilities() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Losses.bce(Tensor.ofDouble(new double[][] {{0.2, 0.5}, {1.3, 0.1}}), Tensor.ofDouble(new double[][] {{0, 1}, {1, 0}})));
        assertEquals("BCELoss: prediction must hold probabilities in [0, 1], got 1.3 at [1, 0]; hint: apply sigmoid() first,"
                + " or use BCEWithLogitsLoss on the raw scores", e.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> Losses.bce(Tensor.ofDouble(0.5, Double.NaN), Tensor.ofDouble(1, 0)));
        assertTrue(nan.getMessage().contains("got NaN at [1]"), nan.getMessage());
        var negative = assertThrows(IllegalArgumentException.class,
                () -> Losses.bce(Tensor.of(-0.01, 0.5), Tensor.of(1, 0)));
        assertTrue(negative.getMessage().contains("at [0]"), negative.getMessage());
    }

    @Test
    void bceRejectsTargetsOutsideZeroOne() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Losses.bce(Tensor.ofDouble(0.2, 0.5, 0.9), Tensor.ofDouble(0, 3, 1)));
        assertTrue(e.getMessage().startsWith("BCELoss: target must hold probabilities in [0, 1]"), e.getMessage());
        assertTrue(e.getMessage().contains("got 3.0 at [1] (flat index 1)"), e.getMessage());
        var logits = assertThrows(IllegalArgumentException.class,
                () -> Losses.bceWithLogits(Tensor.ofDouble(new double[][] {{2, -1}, {0, 5}}),
                        Tensor.ofDouble(new double[][] {{1, 0}, {-1, 2}})));
        assertTrue(logits.getMessage().startsWith("BCEWithLogitsLoss: target must hold probabilities in [0, 1]")
                && logits.getMessage().contains("got -1.0 at [1, 0]"), logits.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> new BCEWithLogitsLoss().forward(Tensor.ofDouble(1, 2), Tensor.ofDouble(Double.NaN, 1)));
        assertTrue(nan.getMessage().contains("got NaN at [0]"), nan.getMessage());
        // soft labels stay allowed, and logits may be any value
        assertTrue(Double.isFinite(Losses.bce(Tensor.ofDouble(0.3, 0.6), Tensor.ofDouble(0.25, 1)).item()));
        assertTrue(Double.isFinite(Losses.bceWithLogits(Tensor.ofDouble(-7, 12), Tensor.ofDouble(0, 0.5)).item()));
    }

    @Test
    void otherBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new HuberLoss(0));
        assertThrows(IllegalArgumentException.class, () -> new HuberLoss(-1));
        assertThrows(NullPointerException.class, () -> new MSELoss(null));
        var intPrediction = assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(Tensor.of(Nd4j.createFromArray(1, 2)), Tensor.of(1, 2)));
        assertTrue(intPrediction.getMessage().contains("prediction must be floating point"), intPrediction.getMessage());
        var gradTarget = assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(Tensor.of(1, 2), Tensor.ofDouble(1, 2).requiresGrad(true)));
        assertTrue(gradTarget.getMessage().contains("FLOAT") && gradTarget.getMessage().contains("DOUBLE"), gradTarget.getMessage());
        assertThrows(ShapeException.class, () -> Losses.mse(Tensor.zeros(0), Tensor.zeros(0)));
    }

    @Test
    void constantTargetsOfAnotherTypeAreConverted() {
        // integer 0/1 labels for BCE and an fp64 target for an fp32 prediction
        Tensor p = Tensor.of(0.9, 0.2).requiresGrad(true);
        Tensor loss = Losses.bce(p, Tensor.of(Nd4j.createFromArray(1, 0)));
        assertEquals(DataType.FLOAT, loss.dtype());
        assertEquals((-Math.log(0.9) - Math.log(0.8)) / 2, loss.item(), 1e-6);
        assertEquals(4.0, Losses.mse(Tensor.of(1, 2, 3, 8), Tensor.ofDouble(1, 2, 3, 4)).item(), 1e-6);
    }

    @Test
    void reductionsGiveTheShapesOfPyTorch() {
        Tensor p = Tensor.rand(3, 4);
        Tensor t = Tensor.rand(3, 4);
        assertArrayEquals(new long[] {3, 4}, Losses.mse(p, t, Reduction.NONE).shape());
        assertArrayEquals(new long[] {3, 4}, Losses.huber(p, t, 1, Reduction.NONE).shape());
        assertEquals(1, Losses.mse(p, t, Reduction.SUM).length());
        assertArrayEquals(new long[] {3}, Losses.crossEntropy(p, new int[] {0, 1, 3}, Reduction.NONE).shape());
        assertArrayEquals(new long[] {3}, Losses.crossEntropy(p, t, Reduction.NONE).shape());
        assertArrayEquals(new long[0], new CrossEntropyLoss(Reduction.NONE).forward(Tensor.of(1, 2, 3), 1).shape());
        // sum = mean · n
        assertEquals(Losses.mae(p, t).item() * 12, Losses.mae(p, t, Reduction.SUM).item(), 1e-5);
    }

    @Test
    void largeLogitsGiveFiniteLossesAndGradientsInFp32() {
        Tensor z = Tensor.of(new double[][] {{1000, -1000, 0}, {-1000, 1000, 500}}).requiresGrad(true);
        Tensor ce = Losses.crossEntropy(z, 1, 0);
        ce.backward();
        assertEquals((2000 + 2000) / 2.0, ce.item(), 1e-3);   // log Σ e^z − z_y = 1000 − (−1000), then 1000 − (−1000)
        double[] grad = Tensor.of(z.grad()).toDoubleArray();
        for (double g : grad) {
            assertTrue(Double.isFinite(g));
        }
        // (p − y)/N with p = softmax = one-hot of the largest logit
        assertArrayEquals(new double[] {0.5, -0.5, 0, -0.5, 0.5, 0}, grad, 1e-6);
        Tensor s = Tensor.of(1000, -1000).requiresGrad(true);
        Tensor bce = Losses.bceWithLogits(s, Tensor.of(0, 1));
        bce.backward();
        assertEquals(1000, bce.item(), 1e-3);
        assertArrayEquals(new double[] {0.5, -0.5}, Tensor.of(s.grad()).toDoubleArray(), 1e-6);
    }

    @Test
    void toStringShowsTheSettings() {
        assertEquals("HuberLoss(delta=0.5, reduction=sum)", new HuberLoss(0.5, Reduction.SUM).toString());
        assertEquals("CrossEntropyLoss(reduction=mean)", new CrossEntropyLoss().toString());
    }
}
