package dl.viz;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** A series with no finite value was drawn as an empty picture without a word (issue 9 §4). */
class NonFiniteSeriesTest {

    private static final double NaN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void allNaNSeriesIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plot.line("loss", "epoch", "loss").series("train", new double[] {NaN, NaN, INF}));
        assertTrue(e.getMessage().startsWith("LinePlot.series(\"train\"): all 3 y values are NaN or infinite"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing to draw"), e.getMessage());

        var points = assertThrows(IllegalArgumentException.class,
                () -> Plot.line("p", "x", "y").points("p", new double[] {1, 2}, new double[] {NaN, NaN}));
        assertTrue(points.getMessage().contains("all 2 y values are NaN"), points.getMessage());

        var log = assertThrows(IllegalArgumentException.class, () -> Plot.functions("log", -5, -1).curve("log", Math::log));
        assertTrue(log.getMessage().contains("f is NaN or infinite at all 401 sample points of [-5.0, -1.0]"), log.getMessage());

        var hist = assertThrows(IllegalArgumentException.class, () -> Plot.histogram("h", new double[] {NaN, NaN}, 10));
        assertTrue(hist.getMessage().contains("all 2 values are NaN or infinite"), hist.getMessage());
    }

    @Test
    void seriesWithSomeFiniteValuesStillDrawWithGaps() {
        var plot = Plot.line("loss", "epoch", "loss").series("train", new double[] {1, NaN, 0.5});
        assertArrayEquals(new double[] {1, NaN, 0.5}, plot.getSeriesMap().get("train").getYData());
        assertNotNull(plot.toString());
        var curve = Plot.functions("log", -1, 1).curve("log", Math::log);  // defined on half the range
        assertEquals(1, curve.getSeriesMap().size());
    }

    /** History panels keep the other lines and say in the title and on stderr which line is missing. */
    @Test
    void trainingCurvesNameTheLineThatHasNoFiniteValue() {
        var err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        Figure f;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            f = Plot.training(new double[] {NaN, NaN, NaN}, new double[] {0.9, 0.8, 0.7});
        } finally {
            System.setErr(before);
        }
        XYChart loss = (XYChart) f.panels().get(0);
        assertEquals("loss (train loss: every value NaN or infinite, not drawn)", loss.getTitle());
        assertTrue(loss.getSeriesMap().containsKey("validation"));
        assertFalse(loss.getSeriesMap().containsKey("train"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("warning: training curves: every train loss value is NaN"),
                err.toString(StandardCharsets.UTF_8));

        // a validation line logged every other epoch (NaN between) is not a fault: no warning
        var quiet = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(quiet, true, StandardCharsets.UTF_8));
            f = Plot.training(new double[] {1, 0.8, 0.6}, new double[] {NaN, 0.85, NaN});
        } finally {
            System.setErr(before);
        }
        assertEquals("", quiet.toString(StandardCharsets.UTF_8));
        assertEquals("loss", ((XYChart) f.panels().get(0)).getTitle());
    }
}
