package dl.viz;

import java.awt.Color;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.function.Function;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The decision regions of a 2-D classifier with its data on top. The predictor is called once,
 * with the centres of a grid of cells covering the data (padded by 10 %), as a double[G][2]; it
 * returns per point either a class (int[] or long[]), the probability of class 1 (double[],
 * float[] or an INDArray [G] / [G, 1], values in [0, 1]) or class scores (double[G][K] or an
 * INDArray [G, K], K ≥ 2, the largest wins). Regions take the light colour of their class, darker
 * where a probability is confident; the boundary (p = 0.5, or where the class changes) is a dark
 * line. Points use the full class colours.
 */
public final class DecisionBoundary extends SurfaceChart {

    static final String WHERE = "Plot.decisionBoundary";
    private static final Color BOUNDARY = new Color(0x333333);

    private final int[] classesPresent;

    private DecisionBoundary(double[][] points, int[] labels, double[] box, int resolution,
                             Function<double[][], ?> predictor) {
        super("Decision boundary", "x₁", "x₂", 640, 480, box[0], box[1], box[2], box[3]);
        int nx = resolution;
        int ny = resolution;
        double[][] grid = gridCentres(nx, ny);
        Object result = predictor.apply(grid);
        Prediction p = Prediction.read(result, grid.length);
        int[] rgb = new int[grid.length];
        for (int k = 0; k < grid.length; k++) {
            double strength = p.confidence == null ? 0.4 : 0.1 + 0.32 * p.confidence[k];
            rgb[k] = Palette.lighter(Palette.color(p.classes[k]), 1 - strength).getRGB();
        }
        field(SurfaceChart.raster(rgb, nx, ny), p.confidence != null);
        if (p.probability != null) {
            contour(toData(Contours.segments(p.probability, nx, ny, 0.5), nx, ny), BOUNDARY, 1.5f);
        } else {
            TreeSet<Integer> predicted = new TreeSet<>();
            for (int c : p.classes) {
                predicted.add(c);
            }
            double[] indicator = new double[grid.length];
            for (int c : predicted) {
                for (int k = 0; k < grid.length; k++) {
                    indicator[k] = p.classes[k] == c ? 1 : 0;
                }
                // a 3×3 average turns the 0/1 staircase into a sloped field: smoother lines
                double[] smooth = boxBlur(indicator, nx, ny);
                contour(toData(Contours.segments(smooth, nx, ny, 0.5), nx, ny), BOUNDARY, 1.5f);
            }
        }
        TreeSet<Integer> present = new TreeSet<>();
        for (int c : labels) {
            present.add(c);
        }
        classesPresent = present.stream().mapToInt(Integer::intValue).toArray();
        for (int c : classesPresent) {
            int n = 0;
            for (int label : labels) {
                n += label == c ? 1 : 0;
            }
            double[] xs = new double[n];
            double[] ys = new double[n];
            int k = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    xs[k] = points[i][0];
                    ys[k++] = points[i][1];
                }
            }
            XYSeries s = addSeries("class " + c, xs, ys);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarker(Markers.EDGED_DOT);
            s.setMarkerColor(Palette.color(c));
        }
        getStyler().setMarkerSize(8);
    }

    static DecisionBoundary of(double[][] points, int[] labels, Function<double[][], ?> predictor, int resolution) {
        Inputs.pairs(WHERE, "points", points);
        Inputs.nonEmpty(WHERE, "points", points.length);
        Inputs.notNull(WHERE, "labels", labels);
        Inputs.notNull(WHERE, "predictor", predictor);
        Inputs.sameLength(WHERE, "points", points.length, "labels", labels.length);
        Inputs.classIds(WHERE, "labels", labels);
        if (resolution < 10 || resolution > 1000) {
            throw Inputs.error(WHERE, "resolution must be in [10, 1000] cells per axis, got " + resolution);
        }
        return new DecisionBoundary(points, labels, paddedBox(points), resolution, predictor);
    }

    /** Bounding box of the points widened by 10 % on each side (by 0.5 when flat). */
    static double[] paddedBox(double[][] points) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double padX = maxX > minX ? 0.1 * (maxX - minX) : 0.5;
        double padY = maxY > minY ? 0.1 * (maxY - minY) : 0.5;
        return new double[] {minX - padX, maxX + padX, minY - padY, maxY + padY};
    }

    /** Mean over each node's 3×3 neighbourhood (clipped at the border). */
    static double[] boxBlur(double[] v, int nx, int ny) {
        double[] out = new double[v.length];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double sum = 0;
                int n = 0;
                for (int dj = -1; dj <= 1; dj++) {
                    for (int di = -1; di <= 1; di++) {
                        int a = i + di;
                        int b = j + dj;
                        if (a >= 0 && a < nx && b >= 0 && b < ny) {
                            sum += v[b * nx + a];
                            n++;
                        }
                    }
                }
                out[j * nx + i] = sum / n;
            }
        }
        return out;
    }

    /** Legend names for the classes, indexed by class id. */
    public DecisionBoundary classNames(String... names) {
        Inputs.notNull(WHERE, "classNames", names);
        Inputs.namesCover(WHERE, names, classesPresent, "labels");
        for (int c : classesPresent) {
            getSeriesMap().get("class " + c).setLabel(names[c]);
        }
        return this;
    }

    /** The predictor's answer turned into classes, plus probabilities when it gave them. */
    static final class Prediction {
        int[] classes;
        double[] probability;   // binary p(class 1), for the 0.5 contour
        double[] confidence;    // 0 (undecided) .. 1 (sure), for the shading

        static Prediction read(Object result, int expected) {
            if (result == null) {
                throw Inputs.error(WHERE, "predictor returned null for " + expected + " grid points");
            }
            if (result instanceof INDArray a) {
                return fromArray(a, expected);
            }
            if (result instanceof int[] ids) {
                return fromClasses(ids, expected);
            }
            if (result instanceof long[] ids) {
                return fromClasses(Arrays.stream(ids).mapToInt(v -> (int) v).toArray(), expected);
            }
            if (result instanceof double[] p) {
                return fromProbabilities(p, expected);
            }
            if (result instanceof float[] f) {
                double[] p = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    p[i] = f[i];
                }
                return fromProbabilities(p, expected);
            }
            if (result instanceof double[][] scores) {
                return fromScores(scores, expected);
            }
            throw Inputs.error(WHERE, "predictor must return int[] classes, double[] probabilities, double[][] scores"
                    + " or an INDArray, got " + result.getClass().getSimpleName());
        }

        private static Prediction fromArray(INDArray a, int expected) {
            long[] s = a.shape();
            if (s.length == 1 || (s.length == 2 && s[1] == 1)) {
                return fromProbabilities(Inputs.flat(a), expected);
            }
            if (s.length == 2) {
                if (s[0] != expected) {
                    throw Inputs.error(WHERE, "predictor returned shape " + Inputs.shape(a) + " for " + expected
                            + " grid points, expected [" + expected + ", K]");
                }
                double[] flat = Inputs.flat(a);
                int k = (int) s[1];
                double[][] rows = new double[expected][];
                for (int i = 0; i < expected; i++) {
                    rows[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
                }
                return fromScores(rows, expected);
            }
            throw Inputs.error(WHERE, "predictor returned an INDArray of shape " + Inputs.shape(a)
                    + ", expected [" + expected + "] probabilities or [" + expected + ", K] scores");
        }

        private static Prediction fromClasses(int[] ids, int expected) {
            count(ids.length, expected);
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] < 0) {
                    throw Inputs.error(WHERE, "predictor returned class " + ids[i] + " at grid point " + i
                            + ", expected class ids >= 0");
                }
            }
            Prediction p = new Prediction();
            p.classes = ids;
            return p;
        }

        private static Prediction fromProbabilities(double[] prob, int expected) {
            count(prob.length, expected);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : prob) {
                if (Double.isNaN(v)) {
                    throw Inputs.error(WHERE, "predictor returned NaN probabilities");
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (min < 0 || max > 1) {
                throw Inputs.error(WHERE, "predictor returned values in [" + min + ", " + max + "], expected"
                        + " probabilities in [0, 1] (or int[] classes); hint: apply sigmoid to logits");
            }
            Prediction p = new Prediction();
            p.probability = prob;
            p.classes = new int[prob.length];
            p.confidence = new double[prob.length];
            for (int i = 0; i < prob.length; i++) {
                p.classes[i] = prob[i] >= 0.5 ? 1 : 0;
                p.confidence[i] = Math.abs(2 * prob[i] - 1);
            }
            return p;
        }

        private static Prediction fromScores(double[][] scores, int expected) {
            count(scores.length, expected);
            int k = scores.length > 0 && scores[0] != null ? scores[0].length : 0;
            if (k == 1) {
                return fromProbabilities(LinePlot.column(scores, 0), expected);
            }
            if (k < 2) {
                throw Inputs.error(WHERE, "predictor returned rows of " + k + " scores, expected K >= 2 per grid point");
            }
            Prediction p = new Prediction();
            p.classes = new int[scores.length];
            p.confidence = new double[scores.length];
            boolean probabilities = true;
            for (int i = 0; i < scores.length; i++) {
                double[] row = scores[i];
                if (row == null || row.length != k) {
                    throw Inputs.error(WHERE, "predictor returned rows of different lengths: row 0 has " + k
                            + ", row " + i + " has " + (row == null ? "null" : row.length));
                }
                int best = 0;
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    if (row[c] > row[best]) {
                        best = c;
                    }
                    sum += row[c];
                    probabilities &= row[c] >= 0 && row[c] <= 1;
                }
                probabilities &= Math.abs(sum - 1) < 1e-3;
                p.classes[i] = best;
                p.confidence[i] = (row[best] - 1.0 / k) / (1 - 1.0 / k);
            }
            if (!probabilities) {
                p.confidence = null;   // raw scores: shade by class only
            }
            return p;
        }

        private static void count(int got, int expected) {
            if (got != expected) {
                throw Inputs.error(WHERE, "predictor returned " + got + " values for " + expected
                        + " grid points; it must answer once per row of its double[" + expected + "][2] argument");
            }
        }
    }
}
