package dl.viz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Axis;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Logarithmic axes of {@link LinePlot}: ticks at powers of ten. XChart uses linear ticks on a
 * log axis as soon as a tick-label function is set, which LinePlot does for compact labels.
 */
class LogAxesTest {

    @Test
    void logYAndLogXLabelPowersOfTen() throws Exception {
        double[] x = {1, 10, 100, 1000, 10000};
        double[] y = {1e-2, 1e-1, 1, 10, 1000};
        LinePlot plot = Plot.line("log", "x", "y").series("s", x, y).logY().logX();
        Pixels.checkNotBlank(Pixels.render(plot));
        checkPowersOfTen("y", tickLabels(plot, "getYAxis"));
        checkPowersOfTen("x", tickLabels(plot, "getXAxis"));
    }

    @Test
    void linearAxesKeepCompactLabels() throws Exception {
        LinePlot plot = Plot.line("lin", "x", "y").series("s", new double[] {0, 1}, new double[] {0, 0.25});
        Pixels.render(plot);
        List<String> labels = tickLabels(plot, "getYAxis");
        assertTrue(labels.contains("0.25") || labels.contains("0.2"), "compact linear labels, got " + labels);
    }

    private static void checkPowersOfTen(String axis, List<String> labels) {
        long powers = labels.stream().filter(l -> l != null && !l.isBlank()).filter(LogAxesTest::isPowerOfTen).count();
        assertTrue(powers >= 3, axis + " axis: expected at least 3 labels at powers of ten, got " + labels);
        for (String l : labels) {
            if (l != null && !l.isBlank()) {
                double v = Double.parseDouble(l);
                assertTrue(v > 0, axis + " axis: a log axis label must be positive, got " + l + " in " + labels);
            }
        }
    }

    private static boolean isPowerOfTen(String label) {
        double v = Double.parseDouble(label);
        double e = Math.log10(v);
        return v > 0 && Math.abs(e - Math.rint(e)) < 1e-9;
    }

    /** The tick labels XChart computed for one axis during the last paint. */
    private static List<String> tickLabels(XYChart chart, String axisGetter) throws Exception {
        Field pairField = Chart.class.getDeclaredField("axisPair");
        pairField.setAccessible(true);
        Object pair = pairField.get(chart);
        Method getter = pair.getClass().getDeclaredMethod(axisGetter);
        getter.setAccessible(true);
        Axis<?, ?> axis = (Axis<?, ?>) getter.invoke(pair);
        return axis.getAxisTickCalculator().getTickLabels();
    }
}
