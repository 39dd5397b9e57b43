package dl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.internal.chartpart.Axis;
import org.knowm.xchart.internal.chartpart.AxisPair;
import org.knowm.xchart.internal.chartpart.Chart;

/** A logarithmic y axis is labelled at the powers of ten its data spans, where they really are. */
class LogAxisTest {

    /** The y tick labels XChart drew (it keeps them in package-private parts, hence reflection). */
    static List<String> yTickLabels(Chart<?, ?> chart) throws ReflectiveOperationException {
        Plot.image(chart);   // ticks are computed while painting
        Field pair = Chart.class.getDeclaredField("axisPair");
        pair.setAccessible(true);
        Method yAxis = AxisPair.class.getDeclaredMethod("getYAxis");
        yAxis.setAccessible(true);
        Axis<?, ?> axis = (Axis<?, ?>) yAxis.invoke(pair.get(chart));
        return axis.getAxisTickCalculator().getTickLabels().stream().filter(Objects::nonNull)
                .collect(Collectors.toList());
    }

    static void checkDecades(List<String> labels, int fromExponent, int toExponent) {
        assertEquals(toExponent - fromExponent + 1, labels.size(), "one label per decade: " + labels);
        for (int k = 0; k < labels.size(); k++) {
            double value = Double.parseDouble(labels.get(k));
            assertEquals(fromExponent + k, Math.log10(value), 1e-9, "label " + labels.get(k) + " in " + labels);
        }
    }

    @Test
    void linePlotLogYLabelsThePowersOfTen() throws ReflectiveOperationException {
        double[] t = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            t[i] = i + 1;
            y[i] = 2.4 * Math.pow(0.85, i + 1);   // from 2.04 down to 2.1e-7
        }
        LinePlot plot = Plot.line("decay", "t", "y").series("y", t, y).logY();
        checkDecades(yTickLabels(plot), -6, 0);
    }

    @Test
    void linearAxesKeepTheCompactLabels() throws ReflectiveOperationException {
        LinePlot plot = Plot.line("line", "x", "y").series("y", new double[] {0, 1, 2}, new double[] {0, 0.5, 1});
        assertTrue(yTickLabels(plot).contains("0.5"), "compact labels on a linear axis: " + yTickLabels(plot));
    }
}
