package dl.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.knowm.xchart.HeatMapChart;

/**
 * A matrix as coloured cells with its values written inside (confusion matrices, attention
 * weights). Row 0 is at the top, as in the matrix. The colour of a cell is the {@link Colormap}
 * at t = (v − min) / (max − min); the text is white on dark cells, dark on light ones. An XChart
 * {@link HeatMapChart}: further styling goes through {@code getStyler()}.
 */
public final class Heatmap extends HeatMapChart {

    private final double[][] values;
    private final double min;
    private final double max;
    private DoubleFunction<String> format;
    private boolean showValues = true;
    private Colormap cellColormap = Colormap.BLUES;

    Heatmap(String title, String xLabel, String yLabel, double[][] values, String[] rowLabels,
            String[] columnLabels, DoubleFunction<String> format) {
        super(autoWidth(columnLabels), autoHeight(rowLabels), CourseTheme.INSTANCE);
        this.values = values;
        this.format = format;
        int rows = values.length;
        int cols = values[0].length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<Number[]> cells = new ArrayList<>(rows * cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = values[r][c];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                cells.add(new Number[] {c, rows - 1 - r, v});
            }
        }
        min = lo;
        max = hi > lo ? hi : lo + 1;
        List<String> ys = new ArrayList<>(Arrays.asList(rowLabels));
        Collections.reverse(ys);
        setTitle(title == null ? "" : title);
        setXAxisTitle(xLabel);
        setYAxisTitle(yLabel);
        addSeries("values", Arrays.asList(columnLabels), ys, cells);
        getStyler().setChartTitleVisible(title != null && !title.isEmpty());
        getStyler().setLegendVisible(false);
        getStyler().setShowValue(false);
        getStyler().setPlotContentSize(1.0);
        getStyler().setRangeColors(Colormap.BLUES.anchorColors());
        getStyler().setMin(min);
        getStyler().setMax(max);
        getStyler().setDrawBorder(false);
        getStyler().setLocale(Locale.ROOT);
        getStyler().setPlotGridLinesVisible(false);
        int longest = Arrays.stream(columnLabels).mapToInt(String::length).max().orElse(0);
        if (cols > 10 || longest * cols > 70) {
            getStyler().setXAxisLabelRotation(90);
        }
    }

    /** Format of the numbers in the cells, e.g. {@code v -> String.format("%.1f%%", 100 * v)}. */
    public Heatmap format(DoubleFunction<String> format) {
        this.format = Inputs.notNull("Heatmap.format", "format", format);
        return this;
    }

    /** Hides the numbers (large matrices). */
    public Heatmap hideValues() {
        this.showValues = false;
        return this;
    }

    /** Colour map of the cells (default {@link Colormap#BLUES}). */
    public Heatmap colormap(Colormap colormap) {
        getStyler().setRangeColors(Inputs.notNull("Heatmap.colormap", "colormap", colormap).anchorColors());
        cellColormap = colormap;
        return this;
    }

    /** Changes the picture size in pixels. */
    public Heatmap size(int width, int height) {
        setWidth(Inputs.positive("Heatmap.size", "width", width));
        setHeight(Inputs.positive("Heatmap.size", "height", height));
        return this;
    }

    public int rows() {
        return values.length;
    }

    public int columns() {
        return values[0].length;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        super.paint(g, width, height);
        if (!showValues || plot == null || plot.getBounds() == null) {
            return;
        }
        Rectangle2D bounds = plot.getBounds();
        int rows = values.length;
        int cols = values[0].length;
        double cellW = bounds.getWidth() / cols;
        double cellH = bounds.getHeight() / rows;
        int widest = 1;
        for (double[] row : values) {
            for (double v : row) {
                widest = Math.max(widest, format.apply(v).length());
            }
        }
        float size = (float) Math.min(13, Math.min(cellH * 0.45, cellW / (0.62 * widest + 0.6)));
        if (size < 6) {
            return;   // too small to read: the colours alone must do
        }
        Font font = Fonts.plain(size);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = values[r][c];
                String text = format.apply(v);
                Color cell = cellColormap.color((v - min) / (max - min));
                g.setColor(Palette.textOn(cell));
                double cx = bounds.getX() + (c + 0.5) * cellW;
                double cy = bounds.getY() + (r + 0.5) * cellH;
                g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0),
                        (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0));
            }
        }
    }

    /** The cell area as laid out by the last paint (null before the first paint). */
    Rectangle2D cellArea() {
        return plot == null ? null : plot.getBounds();
    }

    private static int autoWidth(String[] columnLabels) {
        return Math.max(420, Math.min(900, 180 + 52 * columnLabels.length));
    }

    private static int autoHeight(String[] rowLabels) {
        return Math.max(320, Math.min(800, 130 + 40 * rowLabels.length));
    }

    /** Integer values as integers, others with two decimals (locale-independent). */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public String toString() {
        return "Heatmap(\"" + getTitle() + "\", " + rows() + "x" + columns() + ")";
    }
}
