package dl.viz;

import static dl.viz.Pixels.checkDeterministic;
import static dl.viz.Pixels.checkDrawn;
import static dl.viz.Pixels.checkError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Charts over a coloured field: decision boundaries and loss surfaces with optimizer paths. */
class SurfacesTest {

    private static final double[][] CORNERS = {{-1, -1}, {1, 1}, {-1, 1}, {1, -1}};
    private static final int[] RIGHT_IS_ONE = {0, 1, 0, 1};

    private static int[] rightHalf(double[][] grid) {
        int[] c = new int[grid.length];
        for (int i = 0; i < grid.length; i++) {
            c[i] = grid[i][0] > 0 ? 1 : 0;
        }
        return c;
    }

    @Test
    void predictorSeesAGridOverThePaddedData() {
        AtomicInteger calls = new AtomicInteger();
        DecisionBoundary chart = Plot.decisionBoundary(CORNERS, RIGHT_IS_ONE, grid -> {
            calls.incrementAndGet();
            assertEquals(200 * 200, grid.length);
            for (double[] p : grid) {
                // data spans [-1, 1], padded by 10 % of the range 2 on each side
                assertTrue(p[0] > -1.2 && p[0] < 1.2 && p[1] > -1.2 && p[1] < 1.2, "grid point inside the box");
            }
            return rightHalf(grid);
        });
        assertEquals(1, calls.get(), "the predictor runs once, not at every paint");
        Pixels.render(chart);
        Pixels.render(chart);
        assertEquals(1, calls.get());
        assertEquals(-1.2, chart.x0, 1e-12);
        assertEquals(1.2, chart.y1, 1e-12);
    }

    @Test
    void regionsTakeTheLightColourOfTheirClass() {
        DecisionBoundary chart = Plot.decisionBoundary(CORNERS, RIGHT_IS_ONE, SurfacesTest::rightHalf);
        BufferedImage image = checkDrawn(chart, 640, 480);
        // class regions: 40 % class colour + 60 % white (no data point near (±0.6, 0))
        Color one = Pixels.blend(new Color(0xff7f0e), Color.WHITE, 0.6);
        Color zero = Pixels.blend(new Color(0x1f77b4), Color.WHITE, 0.6);
        Pixels.checkColor(image, chart.getScreenXFromChart(0.6), chart.getScreenYFromChart(0), one, 2);
        Pixels.checkColor(image, chart.getScreenXFromChart(-0.6), chart.getScreenYFromChart(0), zero, 2);
        // the points themselves in full colour
        assertTrue(Pixels.colorAround(image, chart.getScreenXFromChart(1), chart.getScreenYFromChart(1), 1,
                new Color(0xff7f0e), 10), "class 1 point at (1, 1)");
        // the boundary x = 0 is a dark line
        assertTrue(Pixels.colorAround(image, chart.getScreenXFromChart(0), chart.getScreenYFromChart(0.5), 2,
                new Color(0x333333), 40), "boundary line at x = 0");
        chart.classNames("left", "right");
        assertEquals("right", chart.getSeriesMap().get("class 1").getLabel());
    }

    @Test
    void probabilitiesShadeByConfidence() {
        DecisionBoundary chart = Plot.decisionBoundary(CORNERS, RIGHT_IS_ONE, grid -> {
            double[] p = new double[grid.length];
            for (int i = 0; i < grid.length; i++) {
                p[i] = 1 / (1 + Math.exp(-5 * grid[i][0]));
            }
            return p;
        });
        BufferedImage image = checkDrawn(chart, 640, 480);
        Color sure = Pixels.at(image, chart.getScreenXFromChart(1.1), chart.getScreenYFromChart(0));
        Color unsure = Pixels.at(image, chart.getScreenXFromChart(0.1), chart.getScreenYFromChart(0));
        int sureSum = sure.getRed() + sure.getGreen() + sure.getBlue();
        int unsureSum = unsure.getRed() + unsure.getGreen() + unsure.getBlue();
        assertTrue(sureSum < unsureSum, "confident region darker: " + sure + " vs " + unsure);
        // INDArray answers work too: [G, 2] softmax-like scores
        DecisionBoundary fromArray = Plot.decisionBoundary(Nd4j.createFromArray(CORNERS), RIGHT_IS_ONE, grid -> {
            double[][] s = new double[grid.length][];
            for (int i = 0; i < grid.length; i++) {
                double p = grid[i][0] > 0 ? 0.9 : 0.2;
                s[i] = new double[] {1 - p, p};
            }
            return Nd4j.createFromArray(s);
        });
        checkDrawn(fromArray, 640, 480);
    }

    @Test
    void decisionBoundaryErrors() {
        checkError(() -> Plot.decisionBoundary(CORNERS, RIGHT_IS_ONE, grid -> new int[3]),
                "predictor returned 3 values for 40000 grid points");
        checkError(() -> Plot.decisionBoundary(CORNERS, RIGHT_IS_ONE, SurfacesTest::logits), "expected probabilities in [0, 1]", "sigmoid");
        checkError(() -> Plot.decisionBoundary(Nd4j.zeros(4, 3), RIGHT_IS_ONE, SurfacesTest::rightHalf),
                "points must have shape [N, 2]", "[4, 3]");
        checkError(() -> Plot.decisionBoundary(CORNERS, new int[] {0, 1}, SurfacesTest::rightHalf),
                "points and labels", "4 and 2");
        checkError(() -> Plot.decisionBoundary(CORNERS, RIGHT_IS_ONE, grid -> "nonsense"),
                "must return int[] classes", "String");
    }

    private static double[] logits(double[][] grid) {
        double[] z = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            z[i] = 3 * grid[i][0];
        }
        return z;
    }

    @Test
    void lossSurfacePathsStartWhiteAndEndInTheirColour() {
        LossSurface chart = Plot.lossSurface("bowl", (x, y) -> x * x + y * y, -1, 1, -1, 1)
                .path("gd", new double[][] {{0.8, 0.8}, {0.4, 0.4}, {0.2, 0.2}, {0.1, 0.1}});
        BufferedImage image = checkDrawn(chart, 640, 480);
        Pixels.checkColor(image, chart.getScreenXFromChart(0.8), chart.getScreenYFromChart(0.8), Color.WHITE, 0);
        Pixels.checkColor(image, chart.getScreenXFromChart(0.1), chart.getScreenYFromChart(0.1), new Color(0x1f77b4), 0);
        // low values are darker than high ones: centre (f = 0) against a corner (f = 2)
        Color low = Pixels.at(image, chart.getScreenXFromChart(-0.05), chart.getScreenYFromChart(-0.05));
        Color high = Pixels.at(image, chart.getScreenXFromChart(-0.95), chart.getScreenYFromChart(-0.95));
        assertTrue(low.getRed() + low.getGreen() + low.getBlue() < high.getRed() + high.getGreen() + high.getBlue(),
                "minimum darker than the rim: " + low + " vs " + high);
        assertEquals(1, chart.pathCount());
        assertTrue(!chart.getSeriesMap().get("gd (start)").isShowInLegend(), "markers stay out of the legend");
    }

    @Test
    void contourLevelSitsWhereTheFunctionHasThatValue() {
        // f = x² + y², one level at f = 0.25: the circle of radius 0.5
        LossSurface chart = Plot.lossSurface("bowl", (x, y) -> x * x + y * y, -1, 1, -1, 1).levels(0.25);
        BufferedImage image = Pixels.render(chart);
        int sy = (int) Math.round(chart.getScreenYFromChart(0));
        int sx = (int) Math.round(chart.getScreenXFromChart(0.5));
        int line = Integer.MAX_VALUE;
        for (int x = sx - 1; x <= sx + 1; x++) {
            line = Math.min(line, brightness(image, x, sy));
        }
        int inside = brightness(image, (int) Math.round(chart.getScreenXFromChart(0.42)), sy);
        int outside = brightness(image, (int) Math.round(chart.getScreenXFromChart(0.58)), sy);
        assertTrue(line < inside - 40 && line < outside - 40,
                "contour line at r = 0.5 darker than both sides: " + line + " vs " + inside + ", " + outside);
    }

    private static int brightness(BufferedImage image, int x, int y) {
        Color c = new Color(image.getRGB(x, y));
        return c.getRed() + c.getGreen() + c.getBlue();
    }

    @Test
    void lossSurfaceErrors() {
        LossSurface chart = Plot.lossSurface("bowl", (x, y) -> x * x + y * y, -1, 1, -1, 1);
        checkError(() -> chart.path("p", new double[][] {{0, 0}, {1, 2, 3}}), "T×2", "step 1 has 3 values");
        checkError(() -> chart.path("p", List.of()), "points is empty");
        checkError(() -> Plot.lossSurface("bad", (x, y) -> Double.NaN, -1, 1, -1, 1), "not finite anywhere");
        checkError(() -> Plot.lossSurface("bad", (x, y) -> x, 1, -1, -1, 1), "(x)", "from < to");
    }

    @Test
    void surfacesRenderTheSamePixelsEveryTime() {
        checkDeterministic(() -> Plot.decisionBoundary(CORNERS, RIGHT_IS_ONE, SurfacesTest::rightHalf, 50));
        checkDeterministic(() -> Plot.lossSurface("b", (x, y) -> x * x + 4 * y * y, -1, 1, -1, 1)
                .path("p", new double[][] {{0.9, 0.9}, {0.5, -0.5}, {0.1, 0.1}}));
    }
}
