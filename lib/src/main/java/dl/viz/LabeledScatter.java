package dl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Points in 2-D (embeddings after PCA or t-SNE) with a text label next to each point, optional
 * colour groups and arrows between labelled points (analogies: man → woman, king → queen).
 * An XChart {@link XYChart}; labels and arrows are drawn over it at paint time.
 */
public final class LabeledScatter extends XYChart {

    private static final String WHERE = "Plot.embedding";
    private static final Font LABEL = Fonts.plain(11f);
    private static final Color ARROW = new Color(0x555555);

    private final double[][] points;
    private final String[] labels;
    private final List<int[]> arrows = new ArrayList<>();

    LabeledScatter(String title, double[][] points, String[] labels) {
        super(640, 480, CourseTheme.INSTANCE);
        this.points = points;
        this.labels = labels;
        setTitle(title == null ? "" : title);
        setXAxisTitle("dimension 1");
        setYAxisTitle("dimension 2");
        getStyler().setChartTitleVisible(title != null && !title.isEmpty());
        getStyler().setLocale(Locale.ROOT);
        Numbers.compactTicks(getStyler());
        getStyler().setLegendVisible(false);
        getStyler().setMarkerSize(7);
        addGroup("points", indices(points.length), Palette.color(0));
    }

    /** Colours the points by group (a legend appears when names are given). */
    public LabeledScatter groups(int[] groups, String... names) {
        Inputs.notNull(WHERE + ".groups", "groups", groups);
        Inputs.sameLength(WHERE + ".groups", "groups", groups.length, "points", points.length);
        Inputs.classIds(WHERE + ".groups", "groups", groups);
        if (names != null && names.length > 0) {
            Inputs.namesCover(WHERE + ".groups", names, groups, "groups");
        }
        for (String name : new ArrayList<>(getSeriesMap().keySet())) {
            removeSeries(name);
        }
        TreeSet<Integer> present = new TreeSet<>();
        for (int g : groups) {
            present.add(g);
        }
        for (int g : present) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < groups.length; i++) {
                if (groups[i] == g) {
                    members.add(i);
                }
            }
            String name = names != null && names.length > 0 ? names[g] : "group " + g;
            addGroup(name, members.stream().mapToInt(Integer::intValue).toArray(), Palette.color(g));
        }
        getStyler().setLegendVisible(names != null && names.length > 0);
        return this;
    }

    /** Draws an arrow from the point labelled {@code from} to the point labelled {@code to}. */
    public LabeledScatter arrow(String from, String to) {
        arrows.add(new int[] {indexOf(from), indexOf(to)});
        return this;
    }

    private int indexOf(String label) {
        if (labels == null) {
            throw Inputs.error(WHERE + ".arrow", "the points have no labels to refer to");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals(label)) {
                return i;
            }
        }
        throw Inputs.error(WHERE + ".arrow", "no point is labelled \"" + label + "\"");
    }

    private void addGroup(String name, int[] members, Color color) {
        double[] xs = new double[members.length];
        double[] ys = new double[members.length];
        for (int k = 0; k < members.length; k++) {
            xs[k] = points[members[k]][0];
            ys[k] = points[members[k]][1];
        }
        XYSeries s = addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
    }

    private static int[] indices(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        super.paint(g, width, height);
        Double roomy = labelRoom(g);
        if (roomy != null) {
            // a label ran past the right edge: paint again with a wider x axis, then forget it
            getStyler().setXAxisMax(roomy);
            try {
                super.paint(g, width, height);
            } finally {
                getStyler().setXAxisMax(null);
            }
        }
        g.setClip(null);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int[] a : arrows) {
            drawArrow(g, screen(a[0]), screen(a[1]));
        }
        if (labels != null) {
            g.setFont(LABEL);
            g.setColor(Palette.TEXT);
            int ascent = g.getFontMetrics().getAscent();
            for (int i = 0; i < points.length; i++) {
                double[] p = screen(i);
                g.drawString(labels[i], (float) (p[0] + 6), (float) (p[1] + ascent / 2.0 - 1));
            }
        }
    }

    /**
     * The x-axis maximum that makes every label end inside the plot, or null when they already
     * do (or the user fixed the maximum). Labels start 6 px right of their point; on an axis
     * [min, M] a point x sits at left + (x - min) * innerWidth / (M - min), so label i fits when
     * M >= min + (x_i - min) * innerWidth / (right - 6 - w_i - left).
     */
    Double labelRoom(Graphics2D g) {
        if (labels == null || getStyler().getXAxisMax() != null || plot == null || plot.getBounds() == null) {
            return null;
        }
        double min = getXMin();
        double max = getXMax();
        if (!(max > min)) {
            return null;
        }
        double left = getScreenXFromChart(min);
        double inner = getScreenXFromChart(max) - left;
        double right = plot.getBounds().getMaxX() - 2;
        java.awt.FontMetrics metrics = g.getFontMetrics(LABEL);
        double needed = max;
        for (int i = 0; i < points.length; i++) {
            double x = points[i][0];
            double end = left + (x - min) / (max - min) * inner + 6 + metrics.stringWidth(labels[i]);
            if (end <= right || !(x > min)) {
                continue;
            }
            double room = right - 6 - metrics.stringWidth(labels[i]) - left;
            if (room <= inner * 0.3) {
                continue;   // a label longer than most of the plot cannot be helped by shrinking
            }
            needed = Math.max(needed, min + (x - min) * inner / room);
        }
        return needed > max ? needed : null;
    }

    private double getXMin() {
        double m = Double.POSITIVE_INFINITY;
        for (double[] p : points) {
            m = Math.min(m, p[0]);
        }
        return getStyler().getXAxisMin() != null ? getStyler().getXAxisMin() : m;
    }

    private double getXMax() {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            m = Math.max(m, p[0]);
        }
        return m;
    }

    private double[] screen(int i) {
        return new double[] {getScreenXFromChart(points[i][0]), getScreenYFromChart(points[i][1])};
    }

    private static void drawArrow(Graphics2D g, double[] from, double[] to) {
        double dx = to[0] - from[0];
        double dy = to[1] - from[1];
        double length = Math.hypot(dx, dy);
        if (length < 8) {
            return;
        }
        double ux = dx / length;
        double uy = dy / length;
        // stop short of the marker so the head stays visible
        double ex = to[0] - ux * 5;
        double ey = to[1] - uy * 5;
        g.setColor(ARROW);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new java.awt.geom.Line2D.Double(from[0] + ux * 5, from[1] + uy * 5, ex, ey));
        Path2D.Double head = new Path2D.Double();
        head.moveTo(ex, ey);
        head.lineTo(ex - ux * 9 - uy * 4, ey - uy * 9 + ux * 4);
        head.lineTo(ex - ux * 9 + uy * 4, ey - uy * 9 - ux * 4);
        head.closePath();
        g.fill(head);
    }

    @Override
    public String toString() {
        return "LabeledScatter(" + points.length + " points" + (labels != null ? ", labelled" : "") + ")";
    }
}
