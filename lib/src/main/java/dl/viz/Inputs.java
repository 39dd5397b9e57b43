package dl.viz;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Argument checks and conversions shared by the plotting helpers. Every failure names the
 * helper, the argument, what was expected and what was given, before any drawing starts.
 */
final class Inputs {

    private Inputs() {}

    static IllegalArgumentException error(String where, String message) {
        return new IllegalArgumentException(where + ": " + message);
    }

    static <T> T notNull(String where, String arg, T value) {
        if (value == null) {
            throw error(where, arg + " is null");
        }
        return value;
    }

    /**
     * Throws when {@code values} is not empty but holds no finite number: such a series or
     * histogram would be drawn as an empty picture, which looks like a plotting bug. The usual
     * causes are named (a diverged training, log of a negative number, NaN in the data).
     */
    static void someFinite(String where, String arg, double[] values) {
        if (values.length == 0) {
            return;
        }
        for (double v : values) {
            if (Double.isFinite(v)) {
                return;
            }
        }
        throw error(where, "all " + values.length + " " + (arg.isEmpty() ? "" : arg + " ") + "values are NaN or infinite (the first is " + values[0]
                + "), so there is nothing to draw; hint: find where they come from (a training that diverged, the log"
                + " of a negative number, NaN in the data)");
    }

    static String shape(INDArray a) {
        return Arrays.toString(a.shape());
    }

    /** All elements in row-major order (one copy, none more when the array is already dense). */
    static double[] flat(INDArray a) {
        if (!a.isView() && a.ordering() == 'c' && a.data().length() == a.length()) {
            return a.data().asDouble();
        }
        return a.dup('c').data().asDouble();
    }

    /** A vector: shape [n], [n, 1] or [1, n]. */
    static double[] vector(String where, String arg, INDArray a) {
        notNull(where, arg, a);
        long[] s = a.shape();
        boolean isVector = s.length == 1 || (s.length == 2 && (s[0] == 1 || s[1] == 1));
        if (!isVector) {
            throw error(where, arg + " must be a vector of shape [n] (or [n, 1]), got shape " + shape(a));
        }
        return flat(a);
    }

    /** An N×2 matrix as rows of (x, y). */
    static double[][] pairs(String where, String arg, INDArray a) {
        notNull(where, arg, a);
        if (a.rank() != 2 || a.size(1) != 2) {
            throw error(where, arg + " must have shape [N, 2] (one (x, y) point per row), got shape " + shape(a));
        }
        double[] flat = flat(a);
        double[][] rows = new double[(int) a.size(0)][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {flat[2 * i], flat[2 * i + 1]};
        }
        return rows;
    }

    /** Checks that every row of {@code points} is an (x, y) pair of finite numbers. */
    static double[][] pairs(String where, String arg, double[][] points) {
        notNull(where, arg, points);
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != 2) {
                throw error(where, arg + " must be N×2 (one (x, y) point per row), but row " + i + " has "
                        + (points[i] == null ? "null" : points[i].length + " values"));
            }
            if (!Double.isFinite(points[i][0]) || !Double.isFinite(points[i][1])) {
                throw error(where, arg + " row " + i + " is not finite: " + Arrays.toString(points[i]));
            }
        }
        return points;
    }

    static void sameLength(String where, String a, int na, String b, int nb) {
        if (na != nb) {
            throw error(where, a + " and " + b + " must have the same length, got " + na + " and " + nb);
        }
    }

    static void nonEmpty(String where, String arg, int length) {
        if (length == 0) {
            throw error(where, arg + " is empty");
        }
    }

    static int positive(String where, String arg, int value) {
        if (value <= 0) {
            throw error(where, arg + " must be > 0, got " + value);
        }
        return value;
    }

    static double positive(String where, String arg, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw error(where, arg + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    static void range(String where, double from, double to) {
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(from < to)) {
            throw error(where, "range must be finite with from < to, got [" + from + ", " + to + "]");
        }
    }

    /** Integer class ids stored in an INDArray (as floats or ints): each must be a whole number. */
    static int[] classIds(String where, String arg, double[] values) {
        int[] ids = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
                throw error(where, arg + " must hold class ids (whole numbers >= 0), element " + i + " is " + v);
            }
            ids[i] = (int) v;
        }
        return ids;
    }

    static void classIds(String where, String arg, int[] ids) {
        notNull(where, arg, ids);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                throw error(where, arg + " must hold class ids >= 0, element " + i + " is " + ids[i]);
            }
        }
    }

    /** Name of class {@code id}: from {@code names} when given, else the number itself. */
    static String className(String[] names, int id) {
        return names != null && id < names.length ? names[id] : Integer.toString(id);
    }

    /** Checks that {@code names} covers every id in {@code ids} (when names are given at all). */
    static void namesCover(String where, String[] names, int[] ids, String idArg) {
        if (names == null) {
            return;
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] >= names.length) {
                throw error(where, idArg + "[" + i + "] = " + ids[i] + " but only " + names.length
                        + " class names were given " + Arrays.toString(names));
            }
        }
    }
}
