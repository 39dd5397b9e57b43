package dl;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Assertions for notebooks: each call states a fact from the course, compares it with the
 * value just computed and either prints one line ("✓ fact = value (expected ...)") or throws
 * {@link CheckFailed} with the fact, the expected value, the actual value and the tolerance.
 *
 * <p>Statically imported by the kernel, so a notebook writes {@code check("σ'(0)", d, 0.25, 1e-9)}.
 *
 * <p><b>Tolerances must hold on every x86-64 CPU.</b> Exact claims (a formula, a hand-worked
 * number) are computed in fp64 and may use a tight tolerance. Results of fp32 arithmetic get a
 * band relative to the values' magnitude, never tighter than about 1e-5 of it: the BLAS kernels
 * for AVX2 and AVX-512 sum in different orders, so fp32 results differ in their last bits from one
 * machine to the next. To check that fp32 values are "equal", divide their difference by their
 * scale; to keep such a check able to fail, also compare it with a case that must differ.
 */
public final class Check {

    private Check() {}

    /** Thrown when a checked fact does not hold; the message names the fact and both values. */
    public static final class CheckFailed extends AssertionError {
        public CheckFailed(String message) {
            super(message);
        }
    }

    /** |actual - expected| <= tolerance. */
    public static void check(String what, double actual, double expected, double tolerance) {
        requireTolerance(what, tolerance);
        boolean ok = Math.abs(actual - expected) <= tolerance
                || (Double.isInfinite(expected) && actual == expected);
        if (!ok || Double.isNaN(actual)) {
            throw new CheckFailed(String.format("%s: expected %s ± %s, got %s (off by %s)",
                    what, num(expected), num(tolerance), num(actual), num(Math.abs(actual - expected))));
        }
        pass(what + " = " + num(actual) + " (expected " + num(expected) + " ± " + num(tolerance) + ")");
    }

    /** Exact integer equality. */
    public static void check(String what, long actual, long expected) {
        if (actual != expected) {
            throw new CheckFailed(what + ": expected " + expected + ", got " + actual);
        }
        pass(what + " = " + actual);
    }

    /** A boolean fact that must hold. */
    public static void check(String what, boolean condition) {
        if (!condition) {
            throw new CheckFailed(what + ": expected true, got false");
        }
        pass(what);
    }

    /** Equality of two objects (strings, lists, ...). */
    public static void checkEquals(String what, Object actual, Object expected) {
        if (!java.util.Objects.equals(actual, expected)) {
            throw new CheckFailed(what + ": expected " + expected + ", got " + actual);
        }
        pass(what + " = " + actual);
    }

    /** Element-wise comparison of two arrays of the same length. */
    public static void check(String what, double[] actual, double[] expected, double tolerance) {
        requireTolerance(what, tolerance);
        if (actual.length != expected.length) {
            throw new CheckFailed(what + ": expected " + expected.length + " values "
                    + Arrays.toString(expected) + ", got " + actual.length + " values " + Arrays.toString(actual));
        }
        int worst = -1;
        double worstDiff = 0;
        for (int i = 0; i < actual.length; i++) {
            double diff = Math.abs(actual[i] - expected[i]);
            if (Double.isNaN(diff) || diff > tolerance) {
                if (worst < 0 || !(diff <= worstDiff)) {
                    worst = i;
                    worstDiff = diff;
                }
            }
        }
        if (worst >= 0) {
            throw new CheckFailed(String.format("%s: expected %s ± %s, got %s (element %d: expected %s, got %s)",
                    what, fmt(expected), num(tolerance), fmt(actual), worst, num(expected[worst]), num(actual[worst])));
        }
        pass(what + " = " + fmt(actual) + " (± " + num(tolerance) + ")");
    }

    /** Shape and values of an Nd4j array against expected values (given flat, row-major). */
    public static void check(String what, INDArray actual, long[] expectedShape, double[] expected, double tolerance) {
        if (!Arrays.equals(actual.shape(), expectedShape)) {
            throw new CheckFailed(what + ": expected shape " + Arrays.toString(expectedShape)
                    + ", got shape " + Arrays.toString(actual.shape()));
        }
        check(what, actual.dup('c').castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble(), expected, tolerance);
    }

    /** Two Nd4j arrays: same shape, values within tolerance. */
    public static void check(String what, INDArray actual, INDArray expected, double tolerance) {
        check(what, actual, expected.shape(),
                expected.dup('c').castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble(), tolerance);
    }

    /** actual > bar: for "accuracy above 0.9" style facts. */
    public static void checkAbove(String what, double actual, double bar) {
        if (!(actual > bar)) {
            throw new CheckFailed(what + ": expected > " + num(bar) + ", got " + num(actual));
        }
        pass(what + " = " + num(actual) + " (> " + num(bar) + ")");
    }

    /** actual < bar: for "loss below 0.01" style facts. */
    public static void checkBelow(String what, double actual, double bar) {
        if (!(actual < bar)) {
            throw new CheckFailed(what + ": expected < " + num(bar) + ", got " + num(actual));
        }
        pass(what + " = " + num(actual) + " (< " + num(bar) + ")");
    }

    private static void requireTolerance(String what, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("check '" + what + "': tolerance must be >= 0, got " + tolerance);
        }
    }

    private static void pass(String line) {
        System.out.println("✓ " + line);
    }

    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.valueOf((long) x);
        }
        double a = Math.abs(x);
        if (a != 0 && (a < 1e-4 || a >= 1e7)) {
            return String.format("%.6g", x).replaceAll("\\.?0+e", "e");
        }
        String s = String.format("%.6f", x);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String fmt(double[] xs) {
        StringBuilder b = new StringBuilder("[");
        int n = Math.min(xs.length, 12);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append(num(xs[i]));
        }
        if (xs.length > n) {
            b.append(", … (").append(xs.length).append(" values)");
        }
        return b.append("]").toString();
    }
}
