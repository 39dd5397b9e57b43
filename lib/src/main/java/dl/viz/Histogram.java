package dl.viz;

import java.util.Arrays;

/**
 * Counts of values in equal-width bins over [lo, hi]: bin k holds lo + k·w ≤ v < lo + (k+1)·w,
 * w = (hi − lo) / bins, and the last bin also holds v = hi. Values outside [lo, hi] and NaN are
 * not counted ({@link #outside()} says how many were left out).
 */
public final class Histogram {

    private final double[] edges;
    private final long[] counts;
    private final long outside;

    private Histogram(double[] edges, long[] counts, long outside) {
        this.edges = edges;
        this.counts = counts;
        this.outside = outside;
    }

    /** Bins over the values' own min..max. */
    public static Histogram of(double[] values, int bins) {
        Inputs.notNull("Histogram.of", "values", values);
        Inputs.someFinite("Histogram.of", "", values);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        return of(values, bins, lo, hi);
    }

    /** Bins over [lo, hi]. */
    public static Histogram of(double[] values, int bins, double lo, double hi) {
        Inputs.notNull("Histogram.of", "values", values);
        Inputs.someFinite("Histogram.of", "", values);
        Inputs.positive("Histogram.of", "bins", bins);
        Inputs.range("Histogram.of", lo, hi);
        double[] edges = new double[bins + 1];
        for (int k = 0; k <= bins; k++) {
            edges[k] = lo + (hi - lo) * k / bins;
        }
        long[] counts = new long[bins];
        long outside = 0;
        double scale = bins / (hi - lo);
        for (double v : values) {
            if (!(v >= lo && v <= hi)) {
                outside++;
                continue;
            }
            int k = (int) ((v - lo) * scale);
            counts[Math.min(k, bins - 1)]++;
        }
        return new Histogram(edges, counts, outside);
    }

    /** The bins + 1 bin edges. */
    public double[] edges() {
        return edges.clone();
    }

    /** The count in each bin. */
    public long[] counts() {
        return counts.clone();
    }

    /** Number of values not counted (outside [lo, hi], or NaN). */
    public long outside() {
        return outside;
    }

    public int bins() {
        return counts.length;
    }

    /** The outline of the bars as a polyline: (e0, 0), (e0, c0), (e1, c0), (e1, c1), ..., (eB, 0). */
    double[][] outline() {
        int b = counts.length;
        double[] x = new double[2 * b + 2];
        double[] y = new double[2 * b + 2];
        x[0] = edges[0];
        for (int k = 0; k < b; k++) {
            x[2 * k + 1] = edges[k];
            y[2 * k + 1] = counts[k];
            x[2 * k + 2] = edges[k + 1];
            y[2 * k + 2] = counts[k];
        }
        x[2 * b + 1] = edges[b];
        return new double[][] {x, y};
    }

    @Override
    public String toString() {
        return "Histogram(" + counts.length + " bins over [" + edges[0] + ", " + edges[edges.length - 1]
                + "], counts " + Arrays.toString(counts) + (outside > 0 ? ", " + outside + " outside" : "") + ")";
    }
}
