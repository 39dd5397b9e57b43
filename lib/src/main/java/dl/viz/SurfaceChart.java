package dl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * An {@link XYChart} drawn over a coloured field: a raster covering the data rectangle
 * [x0, x1] × [y0, y1] (decision regions, a loss surface) and optional contour lines, painted
 * under the grid, the axes and every series. The axes are fixed to that rectangle.
 *
 * <p>How: XChart lays out the plot area while painting, so {@link #paint} paints once on a
 * scratch image to learn the layout, then paints for real with the plot background made
 * transparent and the field drawn right after the chart background.
 */
public class SurfaceChart extends XYChart {

    private static final BufferedImage SCRATCH = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    private static final Color CLEAR = new Color(0, 0, 0, 0);

    final double x0;
    final double x1;
    final double y0;
    final double y1;
    private BufferedImage field;
    private boolean smooth;
    private final List<Line> lines = new ArrayList<>();
    private boolean painting;
    private Color plotBackground;

    /** Contour segments in data coordinates, drawn in one colour and width. */
    private record Line(List<double[]> segments, Color color, float width) {}

    SurfaceChart(String title, String xLabel, String yLabel, int width, int height,
                 double x0, double x1, double y0, double y1) {
        super(width, height, CourseTheme.INSTANCE);
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
        setTitle(title == null ? "" : title);
        setXAxisTitle(xLabel);
        setYAxisTitle(yLabel);
        getStyler().setChartTitleVisible(title != null && !title.isEmpty());
        getStyler().setXAxisMin(x0).setXAxisMax(x1).setYAxisMin(y0).setYAxisMax(y1);
        getStyler().setPlotContentSize(1.0);
        getStyler().setLocale(java.util.Locale.ROOT);
        Numbers.compactTicks(getStyler());
        getStyler().setPlotGridLinesVisible(false);
        getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    }

    /**
     * The field: pixel (c, r) of {@code image} covers column c of the grid from x0 and row r
     * counted from the top (y1). Smooth fields are stretched with bilinear interpolation.
     */
    void field(BufferedImage image, boolean smooth) {
        this.field = image;
        this.smooth = smooth;
    }

    /** Adds contour segments given in data coordinates. */
    void contour(List<double[]> segments, Color color, float width) {
        lines.add(new Line(segments, color, width));
    }

    /** Removes all contour lines. */
    void clearContours() {
        lines.clear();
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        Graphics2D layout = SCRATCH.createGraphics();
        try {
            super.paint(layout, width, height);
        } finally {
            layout.dispose();
        }
        plotBackground = getStyler().getPlotBackgroundColor();
        getStyler().setPlotBackgroundColor(CLEAR);
        painting = true;
        try {
            super.paint(g, width, height);
        } finally {
            painting = false;
            getStyler().setPlotBackgroundColor(plotBackground);
        }
    }

    @Override
    protected void paintBackground(Graphics2D g) {
        super.paintBackground(g);
        if (!painting) {
            return;
        }
        double left = getScreenXFromChart(x0);
        double right = getScreenXFromChart(x1);
        double top = getScreenYFromChart(y1);
        double bottom = getScreenYFromChart(y0);
        int l = (int) Math.round(left);
        int t = (int) Math.round(top);
        int w = (int) Math.round(right) - l;
        int h = (int) Math.round(bottom) - t;
        g.setColor(plotBackground);
        g.fillRect(l, t, w, h);
        if (field != null) {
            Object old = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, smooth
                    ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
                    : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(field, l, t, w, h, null);
            if (old != null) {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (Line line : lines) {
            // one path per line set: a single draw call is much faster than one per segment
            Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, 2 * line.segments().size());
            for (double[] s : line.segments()) {
                path.moveTo(getScreenXFromChart(s[0]), getScreenYFromChart(s[1]));
                path.lineTo(getScreenXFromChart(s[2]), getScreenYFromChart(s[3]));
            }
            g.setColor(line.color());
            g.setStroke(new BasicStroke(line.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
        }
    }

    /** Converts contour segments from grid node coordinates (cell centres) to data coordinates. */
    List<double[]> toData(List<double[]> gridSegments, int nx, int ny) {
        double dx = (x1 - x0) / nx;
        double dy = (y1 - y0) / ny;
        List<double[]> out = new ArrayList<>(gridSegments.size());
        for (double[] s : gridSegments) {
            out.add(new double[] {
                x0 + (s[0] + 0.5) * dx, y0 + (s[1] + 0.5) * dy,
                x0 + (s[2] + 0.5) * dx, y0 + (s[3] + 0.5) * dy});
        }
        return out;
    }

    /** The centres of an nx × ny grid of cells over the data rectangle, row by row from y0. */
    double[][] gridCentres(int nx, int ny) {
        double dx = (x1 - x0) / nx;
        double dy = (y1 - y0) / ny;
        double[][] points = new double[nx * ny][];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                points[j * nx + i] = new double[] {x0 + (i + 0.5) * dx, y0 + (j + 0.5) * dy};
            }
        }
        return points;
    }

    /** A raster whose top row is the grid's last row (largest y). */
    static BufferedImage raster(int[] rgb, int nx, int ny) {
        BufferedImage image = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < ny; j++) {
            image.setRGB(0, ny - 1 - j, nx, 1, rgb, j * nx, nx);
        }
        return image;
    }
}
