package dl.viz;

import static dl.viz.Pixels.checkDrawn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Logarithmic y axes: XChart lays its ticks out linearly (0, 0.1, ..., 1 on a log-scaled axis)
 * whenever a tick label formatter is set, so {@link LinePlot#logY()} must drop the compact formatter.
 */
class LogAxisTest {

    private static double[][] decades() {
        double[] x = new double[13];
        double[] y = new double[13];
        for (int i = 0; i < 13; i++) {
            x[i] = -i;
            y[i] = Math.pow(10, -i);
        }
        return new double[][] {x, y};
    }

    @Test
    void linePlotLogYUsesLogTicksAndLogPositions() {
        double[][] d = decades();
        LinePlot plot = Plot.line("errors", "log10 eps", "error").series("e", d[0], d[1]).logY();
        assertNull(plot.getStyler().getyAxisTickLabelsFormattingFunction(),
                "a label formatter would make XChart place linear ticks on the log axis");
        checkDrawn(plot, 640, 400);
        // on a log axis 1e-6 lies halfway between 1e-12 and 1
        double top = plot.getScreenYFromChart(1);
        double bottom = plot.getScreenYFromChart(1e-12);
        assertEquals((top + bottom) / 2, plot.getScreenYFromChart(1e-6), 1.0);
    }
}
