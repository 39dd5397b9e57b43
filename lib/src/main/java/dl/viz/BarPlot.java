package dl.viz;

import java.util.Arrays;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;

/**
 * Bars: categories on the x axis, one bar per series in each category. An XChart
 * {@link CategoryChart}: further styling goes through {@code getStyler()}.
 */
public final class BarPlot extends CategoryChart {

    BarPlot(String title, String xLabel, String yLabel, int width, int height) {
        super(width, height, CourseTheme.INSTANCE);
        setTitle(title == null ? "" : title);
        setXAxisTitle(xLabel == null ? "" : xLabel);
        setYAxisTitle(yLabel == null ? "" : yLabel);
        getStyler().setChartTitleVisible(title != null && !title.isEmpty());
        getStyler().setLocale(Locale.ROOT);
        getStyler().setLegendVisible(false);
        getStyler().setAvailableSpaceFill(0.7);
        getStyler().setPlotGridVerticalLinesVisible(false);
        getStyler().setLabelsFont(Fonts.plain(11f));
        getStyler().setLabelsFontColor(Palette.TEXT);
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
        boolean several = getSeriesMap().size() > 1;
        getStyler().setLegendVisible(several);
        getStyler().setLabelsVisible(!several && categories.length <= 20);
        int longest = Arrays.stream(categories).mapToInt(String::length).max().orElse(0);
        getStyler().setXAxisLabelRotation(longest * categories.length > 80 ? 45 : 0);
        return this;
    }

    /** Values above the bars: on or off. */
    public BarPlot valueLabels(boolean visible) {
        getStyler().setLabelsVisible(visible);
        return this;
    }

    /** Logarithmic y axis (values must be > 0). */
    public BarPlot logY() {
        getStyler().setYAxisLogarithmic(true);
        return this;
    }

    @Override
    public String toString() {
        return "BarPlot(\"" + getTitle() + "\", series " + getSeriesMap().keySet() + ")";
    }
}
