package dl.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An XChart {@link XYChart} with fluent helpers: {@code curve} samples a function over the
 * plot's range, {@code series} adds a line from data, {@code points} adds unconnected markers.
 * It is a real XYChart: style it further with {@code getStyler()} or {@code addSeries}.
 *
 * <pre>{@code
 * Plot.functions("Activations", -5, 5)
 *     .curve("sigmoid", x -> 1 / (1 + Math.exp(-x)))
 *     .curve("tanh", Math::tanh)
 *     .curve("relu", x -> Math.max(0, x));
 * }</pre>
 */
public class LinePlot extends XYChart {

    private double from = Double.NaN;
    private double to = Double.NaN;
    private int samples = 401;
    private XYSeries last;
    private LegendPosition autoLegend = LegendPosition.InsideNE;

    LinePlot(String title, String xLabel, String yLabel, int width, int height) {
        super(width, height, CourseTheme.INSTANCE);
        setTitle(title == null ? "" : title);
        setXAxisTitle(xLabel == null ? "" : xLabel);
        setYAxisTitle(yLabel == null ? "" : yLabel);
        getStyler().setChartTitleVisible(title != null && !title.isEmpty());
        getStyler().setLocale(Locale.ROOT);
        Numbers.compactTicks(getStyler());
    }

    /** The x range that {@link #curve} samples. */
    public LinePlot range(double from, double to) {
        Inputs.range("LinePlot.range", from, to);
        this.from = from;
        this.to = to;
        return this;
    }

    /** Number of points at which {@link #curve} samples its function (default 401). */
    public LinePlot samples(int samples) {
        if (samples < 2) {
            throw Inputs.error("LinePlot.samples", "samples must be >= 2, got " + samples);
        }
        this.samples = samples;
        return this;
    }

    /** Adds y = f(x) sampled evenly over the range; undefined values (NaN, ±∞) leave gaps. */
    public LinePlot curve(String name, DoubleUnaryOperator f) {
        String where = "LinePlot.curve(\"" + name + "\")";
        Inputs.notNull(where, "f", f);
        if (Double.isNaN(from)) {
            throw Inputs.error(where, "no x range set; hint: start with Plot.functions(title, from, to) or call .range(from, to)");
        }
        double[] x = new double[samples];
        double[] y = new double[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = from + (to - from) * i / (samples - 1);
            double v = f.applyAsDouble(x[i]);
            y[i] = Double.isFinite(v) ? v : Double.NaN;
        }
        if (Arrays.stream(y).allMatch(Double::isNaN)) {
            throw Inputs.error(where, "f is NaN or infinite at all " + samples + " sample points of [" + from + ", " + to
                    + "], so there is nothing to draw; hint: choose a range where f is defined");
        }
        line(where, name, x, y);
        last.setSmooth(true);   // one path per curve: smooth joins, and dashes that do not restart
        return this;
    }

    /** Adds a line through (x[i], y[i]). */
    public LinePlot series(String name, double[] x, double[] y) {
        String where = "LinePlot.series(\"" + name + "\")";
        Inputs.notNull(where, "x", x);
        Inputs.notNull(where, "y", y);
        Inputs.sameLength(where, "x", x.length, "y", y.length);
        Inputs.someFinite(where, "y", y);
        Inputs.someFinite(where, "x", x);
        return line(where, name, x, finiteOrNaN(y));
    }

    /** Adds a line through (i, y[i]) for i = 1..n (epochs or steps counted from 1). */
    public LinePlot series(String name, double[] y) {
        Inputs.notNull("LinePlot.series(\"" + name + "\")", "y", y);
        return series(name, countFromOne(y.length), y);
    }

    /** Adds a line from two vectors of equal length. */
    public LinePlot series(String name, INDArray x, INDArray y) {
        String where = "LinePlot.series(\"" + name + "\")";
        return series(name, Inputs.vector(where, "x", x), Inputs.vector(where, "y", y));
    }

    /** Adds a line through (i, y[i]) for i = 1..n from a vector. */
    public LinePlot series(String name, INDArray y) {
        return series(name, Inputs.vector("LinePlot.series(\"" + name + "\")", "y", y));
    }

    /** Adds unconnected markers at (x[i], y[i]). */
    public LinePlot points(String name, double[] x, double[] y) {
        String where = "LinePlot.points(\"" + name + "\")";
        Inputs.notNull(where, "x", x);
        Inputs.notNull(where, "y", y);
        Inputs.sameLength(where, "x", x.length, "y", y.length);
        Inputs.someFinite(where, "y", y);
        Inputs.someFinite(where, "x", x);
        checkName(where, name);
        XYSeries s = addSeries(name, x, finiteOrNaN(y));
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        last = s;
        return this;
    }

    /** Adds unconnected markers at the rows (x, y) of an N×2 array. */
    public LinePlot points(String name, double[][] xy) {
        Inputs.pairs("LinePlot.points(\"" + name + "\")", "xy", xy);
        return points(name, column(xy, 0), column(xy, 1));
    }

    /** Adds unconnected markers at the rows of an [N, 2] INDArray. */
    public LinePlot points(String name, INDArray xy) {
        return points(name, Inputs.pairs("LinePlot.points(\"" + name + "\")", "xy", xy));
    }

    /**
     * Adds a histogram as a translucent filled outline (several overlay well when they share
     * bin edges; {@link Plot#histograms} takes care of that).
     */
    public LinePlot histogram(String name, Histogram h) {
        String where = "LinePlot.histogram(\"" + name + "\")";
        Inputs.notNull(where, "histogram", h);
        checkName(where, name);
        Color color = Palette.color(getSeriesMap().size());
        double[][] outline = h.outline();
        XYSeries s = addSeries(name, outline[0], outline[1]);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setFillColor(Palette.withAlpha(color, 60));
        s.setLineWidth(1.2f);
        getStyler().setYAxisMin(0.0);
        // a margin around the bins also keeps XChart from putting ticks on the (odd) bin edges
        double[] e = h.edges();
        double margin = 0.03 * (e[e.length - 1] - e[0]);
        Double xMin = getStyler().getXAxisMin();
        Double xMax = getStyler().getXAxisMax();
        getStyler().setXAxisMin(Math.min(xMin != null ? xMin : e[0] - margin, e[0] - margin));
        getStyler().setXAxisMax(Math.max(xMax != null ? xMax : e[e.length - 1] + margin, e[e.length - 1] + margin));
        last = s;
        return this;
    }

    /** Draws the series added last with a dashed line (e.g. derivatives next to their functions). */
    public LinePlot dashed() {
        lastSeries("dashed").setLineStyle(SeriesLines.DASH_DASH);
        return this;
    }

    /** Gives the series added last the palette colour number {@code index}. */
    public LinePlot color(int index) {
        XYSeries s = lastSeries("color");
        s.setLineColor(Palette.color(index));
        s.setMarkerColor(Palette.color(index));
        return this;
    }

    /**
     * Logarithmic y axis (all y values must be > 0), labelled at powers of ten. The compact
     * label function is dropped for this axis: XChart places ticks linearly whenever a label
     * function is set, even on a logarithmic axis.
     */
    public LinePlot logY() {
        getStyler().setYAxisLogarithmic(true);
        getStyler().setyAxisTickLabelsFormattingFunction(null);
        return this;
    }

    /** Logarithmic x axis (all x values must be > 0), labelled at powers of ten; see {@link #logY()}. */
    public LinePlot logX() {
        getStyler().setXAxisLogarithmic(true);
        getStyler().setxAxisTickLabelsFormattingFunction(null);
        return this;
    }

    /** Fixes the y axis to [min, max]. */
    public LinePlot yRange(double min, double max) {
        Inputs.range("LinePlot.yRange", min, max);
        getStyler().setYAxisMin(min);
        getStyler().setYAxisMax(max);
        return this;
    }

    /** Fixes the x axis to [min, max]. */
    public LinePlot xRange(double min, double max) {
        Inputs.range("LinePlot.xRange", min, max);
        getStyler().setXAxisMin(min);
        getStyler().setXAxisMax(max);
        return this;
    }

    /** Changes the picture size in pixels. */
    public LinePlot size(int width, int height) {
        setWidth(Inputs.positive("LinePlot.size", "width", width));
        setHeight(Inputs.positive("LinePlot.size", "height", height));
        return this;
    }

    /** Moves the legend outside the plot, to the right. */
    public LinePlot legendOutside() {
        getStyler().setLegendPosition(LegendPosition.OutsideE);
        return this;
    }

    /**
     * Unless the legend was placed by hand, puts it in the inside corner with the fewest data
     * points (checked in this order: top right, bottom right, top left, bottom left).
     */
    @Override
    public void paint(Graphics2D g, int width, int height) {
        LegendPosition chosen = getStyler().getLegendPosition();
        boolean auto = chosen == autoLegend;
        if (auto) {
            autoLegend = emptiestCorner();
            getStyler().setLegendPosition(autoLegend);
        }
        // XChart puts ticks on the data values themselves when all of an axis' values are equally
        // spaced (good for epochs 1, 2, 3), which for a densely sampled function gives ticks such as
        // -5, -4.4, -3.8, and for hundreds of steps labels like 1 11 21 ... packed edge to edge.
        // A hidden NaN point breaks that test, so function plots and long series get round ticks.
        boolean guard = (!Double.isNaN(from) || longestSeries() > DATA_TICKS_MAX)
                && !getSeriesMap().containsKey(TICK_GUARD);
        if (guard) {
            XYSeries s = addSeries(TICK_GUARD, new double[] {Double.NaN}, new double[] {Double.NaN});
            s.setShowInLegend(false);
            s.setMarker(SeriesMarkers.NONE);
        }
        try {
            super.paint(g, width, height);
        } finally {
            if (guard) {
                removeSeries(TICK_GUARD);
            }
        }
    }

    /** Series longer than this get round x ticks instead of ticks on their own x values. */
    static final int DATA_TICKS_MAX = 20;

    private int longestSeries() {
        int n = 0;
        for (XYSeries s : getSeriesMap().values()) {
            n = Math.max(n, s.getXData().length);
        }
        return n;
    }

    /** Name of the hidden series that {@link #paint} adds to function plots while drawing. */
    static final String TICK_GUARD = "\u0000tick guard";

    private LegendPosition emptiestCorner() {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (XYSeries s : getSeriesMap().values()) {
            minX = Math.min(minX, s.getXMin());
            maxX = Math.max(maxX, s.getXMax());
            minY = Math.min(minY, s.getYMin());
            maxY = Math.max(maxY, s.getYMax());
        }
        Double yMin = getStyler().getYAxisMin();
        Double yMax = getStyler().getYAxisMax();
        Double xMin = getStyler().getXAxisMin();
        Double xMax = getStyler().getXAxisMax();
        minX = xMin != null ? xMin : minX;
        maxX = xMax != null ? xMax : maxX;
        minY = yMin != null ? yMin : minY;
        maxY = yMax != null ? yMax : maxY;
        if (!(maxX > minX) || !(maxY > minY)) {
            return LegendPosition.InsideNE;
        }
        LegendPosition[] corners = {LegendPosition.InsideNE, LegendPosition.InsideSE,
            LegendPosition.InsideNW, LegendPosition.InsideSW};
        int[] counts = new int[4];
        boolean logY = getStyler().isYAxisLogarithmic() && minY > 0;
        for (XYSeries s : getSeriesMap().values()) {
            double[] xs = s.getXData();
            double[] ys = s.getYData();
            for (int i = 0; i < xs.length; i++) {
                if (Double.isNaN(ys[i])) {
                    continue;
                }
                double u = (xs[i] - minX) / (maxX - minX);
                double v = logY ? Math.log(ys[i] / minY) / Math.log(maxY / minY) : (ys[i] - minY) / (maxY - minY);
                boolean right = u > 0.6;
                boolean left = u < 0.4;
                boolean top = v > 0.6;
                boolean bottom = v < 0.4;
                if (right && top) counts[0]++;
                if (right && bottom) counts[1]++;
                if (left && top) counts[2]++;
                if (left && bottom) counts[3]++;
            }
        }
        int best = 0;
        for (int k = 1; k < 4; k++) {
            if (counts[k] < counts[best]) {
                best = k;
            }
        }
        return corners[best];
    }

    private LinePlot line(String where, String name, double[] x, double[] y) {
        checkName(where, name);
        XYSeries s = addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        last = s;
        return this;
    }

    private XYSeries lastSeries(String method) {
        if (last == null) {
            throw Inputs.error("LinePlot." + method, "no series yet; add one with curve, series or points first");
        }
        return last;
    }

    void checkName(String where, String name) {
        Inputs.notNull(where, "name", name);
        if (getSeriesMap().containsKey(name)) {
            throw Inputs.error(where, "a series named \"" + name + "\" is already in the plot " + getSeriesMap().keySet());
        }
    }

    static double[] countFromOne(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    static double[] column(double[][] rows, int k) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][k];
        }
        return c;
    }

    /** Infinite values become NaN, which XChart draws as a gap instead of failing. */
    private static double[] finiteOrNaN(double[] y) {
        for (double v : y) {
            if (Double.isInfinite(v)) {
                double[] copy = y.clone();
                for (int i = 0; i < copy.length; i++) {
                    if (Double.isInfinite(copy[i])) {
                        copy[i] = Double.NaN;
                    }
                }
                return copy;
            }
        }
        return y;
    }

    @Override
    public String toString() {
        return "LinePlot(\"" + getTitle() + "\", series " + getSeriesMap().keySet() + ")";
    }
}
