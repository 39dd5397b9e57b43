package dl.viz;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Logarithmic y axes: XChart spaces the labels of a custom tick formatter linearly (0, 20, 40...)
 * even on a log axis, so logY() must hand the labels back to XChart's decade ticks.
 */
class LogAxisTest {

    private static final double[] LAYERS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    private static double[] powers(double factor) {
        double[] y = new double[LAYERS.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.pow(factor, i);
        }
        return y;
    }

    @Test
    void linePlotKeepsCompactLabelsOnLinearAxesAndDropsThemOnLogAxes() {
        LinePlot linear = Plot.line("t", "layer", "rms").series("a", LAYERS, powers(0.16));
        assertNotNull(linear.getStyler().getyAxisTickLabelsFormattingFunction(), "linear axes use the compact labels");

        LinePlot log = Plot.line("t", "layer", "rms").series("a", LAYERS, powers(0.16)).series("b", LAYERS, powers(1.6)).logY();
        assertTrue(log.getStyler().isYAxisLogarithmic());
        assertNull(log.getStyler().getyAxisTickLabelsFormattingFunction(), "log axes use XChart's decade labels");
        assertNotNull(log.getStyler().getxAxisTickLabelsFormattingFunction(), "the x axis keeps the compact labels");
        BufferedImage img = Plot.image(log);
        assertEquals(Plot.WIDTH, img.getWidth());
    }
}
