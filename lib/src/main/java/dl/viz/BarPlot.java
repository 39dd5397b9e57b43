package dl.viz;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * Bars: categories on the x axis, one bar per series in each category. With a single series the
 * values are written above the bars. An XChart {@link CategoryChart}: further styling goes
 * through {@code getStyler()}.
 */
public final class BarPlot extends CategoryChart {

    private Boolean valueLabels;

    BarPlot(String title, String xLabel, String yLabel, int width, int height) {
        super(width, height, CourseTheme.INSTANCE);
        setTitle(title == null ? "" : title);
        setXAxisTitle(xLabel == null ? "" : xLabel);
        setYAxisTitle(yLabel == null ? "" : yLabel);
        getStyler().setChartTitleVisible(title != null && !title.isEmpty());
        getStyler().setLocale(Locale.ROOT);
        getStyler().setyAxisTickLabelsFormattingFunction(Numbers::compact);
        getStyler().setLegendVisible(false);
        getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        getStyler().setAvailableSpaceFill(0.7);
        getStyler().setPlotGridVerticalLinesVisible(false);
        getStyler().setLabelsVisible(false);
    }

    /** Adds one bar per category; the legend appears once there are two series. */
    public BarPlot series(String name, String[] categories, double[] values) {
        String where = "BarPlot.series(\"" + name + "\")";
        Inputs.notNull(where, "name", name);
        Inputs.notNull(where, "categories", categories);
        Inputs.notNull(where, "values", values);
        Inputs.nonEmpty(where, "categories", categories.length);
        Inputs.sameLength(where, "categories", categories.length, "values", values.length);
        if (getSeriesMap().containsKey(name)) {
            throw Inputs.error(where, "a series named \"" + name + "\" is already in the plot " + getSeriesMap().keySet());
        }
        if (!getSeriesMap().isEmpty()) {
            Object existing = getSeriesMap().values().iterator().next().getXData();
            if (!Arrays.asList(categories).equals(existing)) {
                throw Inputs.error(where, "categories " + Arrays.toString(categories)
                        + " differ from the first series' categories " + existing);
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw Inputs.error(where, "value of \"" + categories[i] + "\" is not finite: " + values[i]);
            }
        }
        addSeries(name, Arrays.asList(categories), Arrays.stream(values).boxed().toList());
        getStyler().setLegendVisible(getSeriesMap().size() > 1);
        int longest = Arrays.stream(categories).mapToInt(String::length).max().orElse(0);
        getStyler().setXAxisLabelRotation(longest * categories.length > 80 ? 45 : 0);
        return this;
    }

    /** Values above the bars on or off (default: on for one series of at most 20 bars). */
    public BarPlot valueLabels(boolean visible) {
        this.valueLabels = visible;
        return this;
    }

    /** Logarithmic y axis (values must be > 0). */
    public BarPlot logY() {
        getStyler().setYAxisLogarithmic(true);
        return this;
    }

    private boolean showValues() {
        if (getSeriesMap().size() != 1) {
            return false;
        }
        int bars = getSeriesMap().values().iterator().next().getXData().size();
        return valueLabels != null ? valueLabels : bars <= 20;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        boolean labels = showValues();
        Double userMax = getStyler().getYAxisMax();
        CategorySeries series = getSeriesMap().isEmpty() ? null : getSeriesMap().values().iterator().next();
        if (labels && userMax == null && series != null && series.getYMax() > 0 && !getStyler().isYAxisLogarithmic()) {
            getStyler().setYAxisMax(series.getYMax() * 1.1);   // head room for the labels
        }
        try {
            super.paint(g, width, height);
        } finally {
            getStyler().setYAxisMax(userMax);
        }
        if (labels && series != null && plot != null && plot.getBounds() != null) {
            drawValues(g, series);
        }
    }

    /** Writes each value centred above (or below, if negative) its bar. */
    private void drawValues(Graphics2D g, CategorySeries series) {
        Rectangle2D bounds = plot.getBounds();
        List<?> categories = (List<?>) series.getXData();
        List<? extends Number> values = (List<? extends Number>) series.getYData();
        int n = categories.size();
        double tickSpace = getStyler().getPlotContentSize() * bounds.getWidth();
        double margin = (bounds.getWidth() - tickSpace) / 2;
        g.setClip(null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(Fonts.plain(11f));
        g.setColor(Palette.TEXT);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < n; i++) {
            double v = values.get(i).doubleValue();
            String text = Numbers.compact(v);
            double cx = bounds.getX() + margin + (i + 0.5) * tickSpace / n;
            double y = getScreenYFromChart(v);
            float baseline = (float) (v >= 0 ? y - 4 : y + fm.getAscent() + 2);
            g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), baseline);
        }
    }

    @Override
    public String toString() {
        return "BarPlot(\"" + getTitle() + "\", series " + getSeriesMap().keySet() + ")";
    }
}
