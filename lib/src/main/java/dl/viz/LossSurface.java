package dl.viz;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss surface f(x, y) over a rectangle, shaded from low (dark) to high (light) with contour
 * lines, and optimizer paths on top: each path is a line through its steps, starting at a white
 * ring ○ and ending at a filled dot ● in the path's colour.
 *
 * <p>Shading and contour levels use t = ((f - min) / (max - min))^½ over the grid, so for a
 * quadratic bowl the contour rings are evenly spaced; {@link #levels(double...)} sets them by hand.
 */
public final class LossSurface extends SurfaceChart {

    private static final String WHERE = "Plot.lossSurface";
    private static final int RESOLUTION = 160;
    private static final Color LINE = new Color(40, 40, 40, 110);
    private static final double LIMIT = 1e9;

    private final double[] values;
    private final double min;
    private final double max;
    private int paths;

    private LossSurface(String title, DoubleBinaryOperator f, double x0, double x1, double y0, double y1) {
        super(title, "x", "y", 640, 480, x0, x1, y0, y1);
        double[][] grid = gridCentres(RESOLUTION, RESOLUTION);
        values = new double[grid.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < grid.length; k++) {
            double v = f.applyAsDouble(grid[k][0], grid[k][1]);
            values[k] = Double.isFinite(v) ? v : Double.NaN;
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(lo <= hi)) {
            throw Inputs.error(WHERE, "f is not finite anywhere on [" + x0 + ", " + x1 + "] x [" + y0 + ", " + y1 + "]");
        }
        min = lo;
        max = hi > lo ? hi : lo + 1;
        int[] rgb = new int[grid.length];
        for (int k = 0; k < grid.length; k++) {
            double t = Double.isNaN(values[k]) ? Double.NaN : Math.sqrt((values[k] - min) / (max - min));
            rgb[k] = Palette.lighter(new Color(Colormap.VIRIDIS.rgb(t)), 0.45).getRGB();
        }
        field(SurfaceChart.raster(rgb, RESOLUTION, RESOLUTION), true);
        levels(12);
        getStyler().setMarkerSize(5);
    }

    static LossSurface of(String title, DoubleBinaryOperator f, double x0, double x1, double y0, double y1) {
        Inputs.notNull(WHERE, "f", f);
        Inputs.range(WHERE + " (x)", x0, x1);
        Inputs.range(WHERE + " (y)", y0, y1);
        return new LossSurface(title, f, x0, x1, y0, y1);
    }

    /** {@code count} contour lines evenly spaced in t = √((f − min)/(max − min)). */
    public LossSurface levels(int count) {
        Inputs.positive(WHERE + ".levels", "count", count);
        double[] levels = new double[count];
        for (int k = 1; k <= count; k++) {
            double t = (double) k / (count + 1);
            levels[k - 1] = min + t * t * (max - min);
        }
        return drawLevels(levels);
    }

    /** Contour lines at the given values of f. */
    public LossSurface levels(double... levels) {
        Inputs.notNull(WHERE + ".levels", "levels", levels);
        return drawLevels(levels.clone());
    }

    private LossSurface drawLevels(double[] levels) {
        clearContours();
        for (double level : levels) {
            contour(toData(Contours.segments(values, RESOLUTION, RESOLUTION, level), RESOLUTION, RESOLUTION),
                    LINE, 1f);
        }
        return this;
    }

    /** Adds an optimizer path: its points (x, y) in order of the steps. */
    public LossSurface path(String name, double[][] points) {
        String where = WHERE + ".path(\"" + name + "\")";
        Inputs.notNull(where, "name", name);
        Inputs.notNull(where, "points", points);
        Inputs.nonEmpty(where, "points", points.length);
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != 2) {
                throw Inputs.error(where, "points must be T×2 (one (x, y) per step), but step " + i + " has "
                        + (points[i] == null ? "null" : points[i].length + " values " + Arrays.toString(points[i])));
            }
        }
        if (getSeriesMap().containsKey(name)) {
            throw Inputs.error(where, "a path named \"" + name + "\" is already in the plot");
        }
        double[] xs = clipped(LinePlot.column(points, 0));
        double[] ys = clipped(LinePlot.column(points, 1));
        Color color = Palette.color(paths++);
        XYSeries line = addSeries(name, xs, ys);
        line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        line.setMarker(points.length <= 200 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        line.setLineColor(color);
        line.setMarkerColor(color);
        line.setLineWidth(2f);
        marker(name + " (start)", xs[0], ys[0], Markers.START, color);
        marker(name + " (end)", xs[xs.length - 1], ys[ys.length - 1], Markers.END, color);
        return this;
    }

    /** Adds a path from a list of (x, y) pairs. */
    public LossSurface path(String name, List<double[]> points) {
        Inputs.notNull(WHERE + ".path(\"" + name + "\")", "points", points);
        return path(name, points.toArray(new double[0][]));
    }

    /** Adds a path from an INDArray of shape [T, 2]. */
    public LossSurface path(String name, INDArray points) {
        return path(name, Inputs.pairs(WHERE + ".path(\"" + name + "\")", "points", points));
    }

    private void marker(String name, double x, double y, org.knowm.xchart.style.markers.Marker marker, Color color) {
        XYSeries s = addSeries(name, new double[] {x}, new double[] {y});
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
        s.setShowInLegend(false);
    }

    /** Diverging steps (huge or non-finite) become gaps instead of breaking the axes. */
    private static double[] clipped(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i]) || Math.abs(out[i]) > LIMIT) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** Number of paths added. */
    public int pathCount() {
        return paths;
    }
}
