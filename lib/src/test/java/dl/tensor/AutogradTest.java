package dl.tensor;

import static org.junit.jupiter.api.Assertions.*;

import dl.loss.CrossEntropyLoss;
import dl.nn.Linear;
import dl.nn.ReLU;
import dl.nn.Sequential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The engine's contract beyond single ops: graph freeing, retainGraph, anomaly mode, memory of a pass. */
class AutogradTest {

    @AfterEach
    void anomalyOff() {
        Tensor.detectAnomaly(false);
    }

    @Test
    void secondBackwardThroughTheSameGraphIsRefused() {
        Tensor x = Tensor.ofDouble(3).requiresGrad(true);
        Tensor y = x.mul(x);
        y.backward();
        assertEquals(6, x.grad().getDouble(0), 1e-12); // d(x²)/dx = 2x
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("already used by an earlier backward()"), e.getMessage());
        assertTrue(e.getMessage().contains("backward(true)"), e.getMessage());
        assertEquals(6, x.grad().getDouble(0), 1e-12, "the refused backward must not have added anything");
    }

    @Test
    void retainGraphAllowsASecondBackwardThatAddsUp() {
        Tensor x = Tensor.ofDouble(3).requiresGrad(true);
        Tensor y = x.mul(x).mul(x); // x³: dy/dx = 3x² = 27
        y.backward(true);
        y.backward();
        assertEquals(54, x.grad().getDouble(0), 1e-12);
        assertThrows(IllegalStateException.class, y::backward, "the second (not retained) backward freed it");
    }

    @Test
    void aGraphSharedByTwoLossesNeedsRetainGraphLikePyTorch() {
        Tensor x = Tensor.ofDouble(2).requiresGrad(true);
        Tensor h = x.mul(x);            // shared part
        Tensor l1 = h.mul(3.0);
        Tensor l2 = h.mul(5.0);
        l1.backward();
        assertThrows(IllegalStateException.class, l2::backward);
        Tensor x2 = Tensor.ofDouble(2).requiresGrad(true);
        Tensor h2 = x2.mul(x2);
        h2.mul(3.0).backward(true);
        h2.mul(5.0).backward();
        assertEquals(8 * 2 * 2, x2.grad().getDouble(0), 1e-12); // (3 + 5)·2x at x = 2
    }

    @Test
    void leafGradientsSurviveLaterBackwardPasses() {
        // The intermediate gradients of a pass live in memory the next pass reuses; the leaves' must not.
        Tensor w = Tensor.ofDouble(1, 2, 3).requiresGrad(true);
        w.mul(w).sum().backward(); // 2w
        INDArray kept = w.grad();
        for (int i = 0; i < 3; i++) {
            Tensor v = Tensor.ofDouble(7, 8, 9).requiresGrad(true);
            v.mul(v).mul(v).mul(10.0).sum().backward(); // overwrite the pass memory with other numbers
        }
        assertArrayEquals(new double[] {2, 4, 6}, kept.dup().data().asDouble(), 1e-12);
        assertArrayEquals(new double[] {2, 4, 6}, Tensor.of(w.grad()).toDoubleArray(), 1e-12);
    }

    @Test
    void retainedIntermediateGradientsSurviveLaterPasses() {
        Tensor x = Tensor.ofDouble(1, 2).requiresGrad(true);
        Tensor h = x.mul(3.0).retainGrad();
        h.mul(h).sum().backward(); // dL/dh = 2h = [6, 12]
        for (int i = 0; i < 3; i++) {
            Tensor v = Tensor.ofDouble(5, 5).requiresGrad(true);
            v.exp().sum().backward();
        }
        assertArrayEquals(new double[] {6, 12}, Tensor.of(h.grad()).toDoubleArray(), 1e-12);
    }

    @Test
    void hiddenActivationsOfASequentialAreReleasedAfterBackwardAndSaySo() {
        var model = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
        Tensor out = model.forward(Tensor.randn(5, 4));
        Tensor relu = out.inputs().get(0);
        assertEquals("relu", relu.op());
        new CrossEntropyLoss().forward(out, 0, 1, 0, 1, 1).backward();
        assertTrue(relu.isReleased());
        assertFalse(out.isReleased(), "the model's output stays readable");
        assertEquals(10, Tensor.of(out.data()).toDoubleArray().length);
        IllegalStateException e = assertThrows(IllegalStateException.class, relu::data);
        assertTrue(e.getMessage().contains("released after backward()"), e.getMessage());
    }

    @Test
    void retainGraphKeepsHiddenActivations() {
        var model = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
        Tensor out = model.forward(Tensor.randn(5, 4));
        Tensor relu = out.inputs().get(0);
        new CrossEntropyLoss().forward(out, 0, 1, 0, 1, 1).backward(true);
        assertFalse(relu.isReleased());
        for (double v : Tensor.of(relu.data()).toDoubleArray()) {
            assertTrue(v >= 0, "a ReLU output is >= 0, got " + v);
        }
    }

    @Test
    void anomalyModeIsOffByDefault() {
        assertFalse(Tensor.isAnomalyDetectionEnabled());
        assertTrue(Double.isNaN(Tensor.ofDouble(-1, 2).log().toDoubleArray()[0]));
    }

    @Test
    void anomalyModeNamesTheOpThatMadeANaNFromFiniteInputs() {
        Tensor.detectAnomaly(true);
        Tensor x = Tensor.ofDouble(2, -1).requiresGrad(true);
        Tensor y = x.mul(3.0); // finite
        ArithmeticException e = assertThrows(ArithmeticException.class, y::log);
        assertTrue(e.getMessage().contains("op 'log'"), e.getMessage());
        assertTrue(e.getMessage().contains("NaN at index 1"), e.getMessage());
    }

    @Test
    void anomalyModeDoesNotBlameAnOpForANaNThatCameIn() {
        Tensor.detectAnomaly(true);
        Tensor nan = Tensor.ofDouble(Double.NaN, 1);
        assertDoesNotThrow(() -> nan.mul(2.0).add(1.0));
    }

    @Test
    void anomalyModeNamesTheBackwardThatMadeAnInfinity() {
        Tensor.detectAnomaly(true);
        Tensor x = Tensor.ofDouble(0, 4).requiresGrad(true);
        Tensor y = x.sqrt().sum(); // forward finite: sqrt(0) = 0; backward 1 / (2·sqrt(0)) = infinity
        ArithmeticException e = assertThrows(ArithmeticException.class, y::backward);
        assertTrue(e.getMessage().contains("backward of op 'sqrt'"), e.getMessage());
        assertTrue(e.getMessage().contains("Infinity at index 0"), e.getMessage());
    }

    @Test
    void aGraphOfATrainedSequentialStillDrawsAndNamesReleasedValues() {
        var model = new Sequential(new Linear(2, 2), new ReLU(), new Linear(2, 1));
        Tensor loss = model.forward(Tensor.randn(1, 2)).sum();
        loss.backward();
        String dot = Graph.of(loss).toDot();
        assertTrue(dot.contains("released after backward"), dot);
    }
}
