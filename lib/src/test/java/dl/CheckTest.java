package dl;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class CheckTest {

    @Test
    void passingScalarCheckDoesNotThrow() {
        Check.check("sigma'(0)", 0.25, 0.25, 1e-9);
        Check.check("count", 785_000L, 785_000L);
        Check.check("holds", true);
        Check.checkAbove("acc", 0.95, 0.9);
        Check.checkBelow("loss", 0.01, 0.1);
    }

    @Test
    void failingScalarCheckNamesFactExpectedActualAndTolerance() {
        var e = assertThrows(Check.CheckFailed.class, () -> Check.check("dL/dw1", 0.0557, -0.0680, 1e-4));
        assertTrue(e.getMessage().startsWith("dL/dw1: expected -0.068 ± 0.0001, got 0.0557"), e.getMessage());
    }

    @Test
    void nanNeverPasses() {
        assertThrows(Check.CheckFailed.class, () -> Check.check("x", Double.NaN, 0, 1e9));
        assertThrows(Check.CheckFailed.class, () -> Check.checkAbove("x", Double.NaN, 0));
        assertThrows(Check.CheckFailed.class, () -> Check.checkBelow("x", Double.NaN, 0));
    }

    @Test
    void negativeToleranceIsABadArgument() {
        assertThrows(IllegalArgumentException.class, () -> Check.check("x", 1, 1, -1));
    }

    @Test
    void integerAndBooleanFailures() {
        var e = assertThrows(Check.CheckFailed.class, () -> Check.check("params", 141L, 140L));
        assertEquals("params: expected 140, got 141", e.getMessage());
        assertThrows(Check.CheckFailed.class, () -> Check.check("separable", false));
        assertThrows(Check.CheckFailed.class, () -> Check.checkAbove("acc", 0.5, 0.9));
        assertThrows(Check.CheckFailed.class, () -> Check.checkBelow("loss", 1.0, 0.1));
    }

    @Test
    void arrayCheckReportsTheWorstElement() {
        Check.check("softmax", new double[] {0.090031, 0.244728}, new double[] {0.09003, 0.24473}, 1e-5);
        var e = assertThrows(Check.CheckFailed.class,
                () -> Check.check("v", new double[] {1, 2, 3}, new double[] {1, 2.5, 3.1}, 0.01));
        assertTrue(e.getMessage().contains("element 1: expected 2.5, got 2"), e.getMessage());
        var len = assertThrows(Check.CheckFailed.class,
                () -> Check.check("v", new double[] {1}, new double[] {1, 2}, 0.01));
        assertTrue(len.getMessage().contains("expected 2 values"), len.getMessage());
    }

    @Test
    void ndarrayCheckComparesShapeThenValues() {
        var a = Nd4j.create(new double[][] {{7, 10}, {15, 22}});
        Check.check("product", a, new long[] {2, 2}, new double[] {7, 10, 15, 22}, 1e-12);
        var e = assertThrows(Check.CheckFailed.class,
                () -> Check.check("product", a, new long[] {4}, new double[] {7, 10, 15, 22}, 1e-12));
        assertTrue(e.getMessage().contains("expected shape [4], got shape [2, 2]"), e.getMessage());
        assertThrows(Check.CheckFailed.class,
                () -> Check.check("product", a, Nd4j.create(new double[][] {{7, 10}, {15, 23}}), 1e-6));
    }

    @Test
    void numbersPrintShort() {
        assertEquals("0.25", Check.num(0.25));
        assertEquals("785000", Check.num(785000));
        assertEquals("1.0995e-08", Check.num(1.0995e-8));
        assertEquals("1e-09", Check.num(1e-9));
    }
}
