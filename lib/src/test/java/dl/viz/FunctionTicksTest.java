package dl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;

/**
 * Tick marks of function plots: round values even though the sampled x (and, for a line such as
 * ReLU, the y) values are equally spaced, which makes XChart put ticks on the data values.
 */
class FunctionTicksTest {

    /** Renders the plot and returns every tick value XChart formatted on each axis (all the candidates it tried). */
    private static List<List<Double>> ticks(LinePlot plot) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        Function<Double, String> fx = plot.getStyler().getxAxisTickLabelsFormattingFunction();
        Function<Double, String> fy = plot.getStyler().getyAxisTickLabelsFormattingFunction();
        plot.getStyler().setxAxisTickLabelsFormattingFunction(v -> { xs.add(v); return fx.apply(v); });
        plot.getStyler().setyAxisTickLabelsFormattingFunction(v -> { ys.add(v); return fy.apply(v); });
        BitmapEncoder.getBufferedImage(plot);
        return List.of(xs, ys);
    }

    /** The first few values, for a readable failure message. */
    private static List<Double> head(List<Double> values) {
        return values.subList(0, Math.min(12, values.size()));
    }

    private static boolean allMultiplesOf(List<Double> values, double step) {
        return values.stream().allMatch(v -> Math.abs(v / step - Math.rint(v / step)) < 1e-9);
    }

    @Test
    void reluOnAUniformGridGetsRoundTicksOnBothAxes() {
        LinePlot plot = Plot.functions("ReLU", -5, 5).curve("relu", x -> Math.max(0, x)).size(560, 340);
        List<List<Double>> t = ticks(plot);
        assertFalse(t.get(0).isEmpty());
        assertFalse(t.get(1).isEmpty());
        // without the guard XChart labels -5, -4.4, -3.8, ... and 0, 0.225, 0.45, ...
        assertTrue(allMultiplesOf(t.get(0), 0.5), "x ticks " + head(t.get(0)));
        assertTrue(allMultiplesOf(t.get(1), 0.5), "y ticks " + head(t.get(1)));
    }

    @Test
    void theGuardSeriesIsGoneAfterPaintingAndNotInTheLegend() {
        LinePlot plot = Plot.functions("t", -1, 1).curve("x", x -> x);
        ticks(plot);
        assertEquals(List.of("x"), List.copyOf(plot.getSeriesMap().keySet()));
    }

    @Test
    void longStepAxesGetRoundTicks() {
        double[] loss = new double[500];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = 1.0 / (i + 1);
        }
        LinePlot plot = Plot.line("loss per step", "step", "loss").series("train", loss).size(560, 380);
        List<Double> x = ticks(plot).get(0);
        assertFalse(x.isEmpty());
        // without the guard XChart labels every 26th step: 1, 27, 53, ... (1 and 500, the data's
        // ends, are also formatted while XChart measures the labels)
        List<Double> inner = x.stream().filter(v -> v != 1.0 && v != 500.0).toList();
        assertTrue(allMultiplesOf(inner, 50) && inner.containsAll(List.of(100.0, 200.0, 300.0)), "step ticks " + head(x));
        assertEquals(List.of("train"), List.copyOf(plot.getSeriesMap().keySet()));
    }

    @Test
    void epochAxesKeepTicksOnTheirWholeNumbers() {
        LinePlot plot = Plot.line("loss", "epoch", "loss").series("train", new double[] {3, 2, 1.5});
        List<Double> x = ticks(plot).get(0);
        assertTrue(allMultiplesOf(x, 1.0), "epoch ticks " + head(x));
        assertTrue(x.containsAll(List.of(1.0, 2.0, 3.0)), "epoch ticks " + head(x));
    }
}
