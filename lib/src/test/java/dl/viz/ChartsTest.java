package dl.viz;

import static dl.viz.Pixels.checkDeterministic;
import static dl.viz.Pixels.checkDrawn;
import static dl.viz.Pixels.checkError;
import static dl.viz.Pixels.colorAround;
import static dl.viz.Pixels.count;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Charts built on XChart: lines, training curves, bars, histograms, heatmaps, embeddings. */
class ChartsTest {

    private static final Color BLUE = new Color(0x1f77b4);

    @Test
    void rendersHeadlessInDejaVu() {
        Plot.line("t", "x", "y");
        assertTrue(GraphicsEnvironment.isHeadless(), "AWT must run headless");
        if (java.nio.file.Files.exists(Fonts.DEJAVU_DIR.resolve("DejaVuSans.ttf"))) {
            assertTrue(Fonts.isDejaVu(), "DejaVu Sans is installed, so it must be used");
        }
    }

    /** A long evenly spaced series gets round ticks, not every k-th data point (77, 154, ...). */
    @Test
    void functionCurvePassesThroughItsValues() {
        LinePlot plot = Plot.functions("square", -1, 1).curve("x²", x -> x * x);
        BufferedImage image = checkDrawn(plot, 640, 400);
        // y = x² at x = 0.5 is 0.25: the line's colour must be there
        double sx = plot.getScreenXFromChart(0.5);
        double sy = plot.getScreenYFromChart(0.25);
        assertTrue(colorAround(image, sx, sy, 1, BLUE, 30), "curve colour at (0.5, 0.25)");
        // and not at (0.5, 0.75), where the curve is not
        assertTrue(!colorAround(image, sx, plot.getScreenYFromChart(0.75), 2, BLUE, 60), "no curve at (0.5, 0.75)");
        XYSeries s = plot.getSeriesMap().get("x²");
        assertEquals(401, s.getXData().length);
        assertEquals(-1.0, s.getXData()[0]);
        assertEquals(1.0, s.getXData()[400]);
        assertEquals(0.25, s.getYData()[300], 1e-12);   // x = -1 + 2·300/400 = 0.5
    }

    @Test
    void functionsFromAnUnorderedMapAreSortedByName() {
        Map<String, DoubleUnaryOperator> curves = Map.of("tanh", Math::tanh, "relu", x -> Math.max(0, x),
                "sigmoid", x -> 1 / (1 + Math.exp(-x)));
        LinePlot plot = Plot.functions("activations", -3, 3, curves);
        assertEquals(List.of("relu", "sigmoid", "tanh"), List.copyOf(plot.getSeriesMap().keySet()));
        Map<String, DoubleUnaryOperator> ordered = new LinkedHashMap<>();
        ordered.put("b", x -> x);
        ordered.put("a", x -> -x);
        assertEquals(List.of("b", "a"), List.copyOf(Plot.functions("t", 0, 1, ordered).getSeriesMap().keySet()));
    }

    @Test
    void undefinedValuesBecomeGaps() {
        LinePlot plot = Plot.functions("log", -1, 1).samples(5).curve("log", Math::log);
        double[] y = plot.getSeriesMap().get("log").getYData();
        assertTrue(Double.isNaN(y[0]) && Double.isNaN(y[1]), "log of negatives is a gap");
        assertTrue(Double.isNaN(y[2]), "log 0 = -inf is a gap");
        assertEquals(0.0, y[4], 1e-12);
        checkDrawn(plot, 640, 400);
    }

    @Test
    void legendGoesToTheEmptiestCorner() {
        double[] x = {0, 0.25, 0.5, 0.75, 1};
        LinePlot rising = Plot.line("acc", "epoch", "acc").series("train", x, x);
        Pixels.render(rising);
        assertEquals(LegendPosition.InsideSE, rising.getStyler().getLegendPosition());
        LinePlot falling = Plot.line("loss", "epoch", "loss").series("train", x, new double[] {1, 0.75, 0.5, 0.25, 0});
        Pixels.render(falling);
        assertEquals(LegendPosition.InsideNE, falling.getStyler().getLegendPosition());
        LinePlot manual = Plot.line("m", "x", "y").series("a", x, x).legendOutside();
        Pixels.render(manual);
        assertEquals(LegendPosition.OutsideE, manual.getStyler().getLegendPosition());
    }

    @Test
    void lineErrorsNameTheProblem() {
        checkError(() -> Plot.line("t", "x", "y").series("a", new double[3], new double[2]),
                "LinePlot.series(\"a\")", "same length", "3 and 2");
        checkError(() -> Plot.line("t", "x", "y").curve("f", x -> x), "no x range", "Plot.functions");
        checkError(() -> Plot.functions("t", 1, 1), "from < to", "[1.0, 1.0]");
        checkError(() -> Plot.line("t", "x", "y").series("a", new double[] {1}).series("a", new double[] {2}),
                "already in the plot");
        checkError(() -> Plot.line("t", "x", "y").dashed(), "no series yet");
        checkError(() -> Plot.line("t", "x", "y").points("p", new double[][] {{1, 2}, {3}}),
                "N×2", "row 1 has 1 values");
    }

    @Test
    void scatterHasOneSeriesPerClass() {
        LinePlot plot = Plot.scatter("xor", new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new int[] {0, 1, 1, 0});
        assertEquals(List.of("class 0", "class 1"), List.copyOf(plot.getSeriesMap().keySet()));
        assertArrayEquals(new double[] {0, 1}, plot.getSeriesMap().get("class 0").getXData());
        checkDrawn(plot, 640, 400);
        checkError(() -> Plot.scatter("t", new double[][] {{0, 0}}, new int[] {0, 1}), "same length", "1 and 2");
    }

    // ---------------------------------------------------------------- training curves

    @Test
    void trainingCurvesFromATablePairColumnsByName() {
        Table history = Table.create("history",
                IntColumn.create("epoch", new int[] {1, 2, 3, 4}),
                DoubleColumn.create("loss", new double[] {1.0, 0.7, 0.5, 0.4}),
                DoubleColumn.create("val_loss", new double[] {Double.NaN, 0.8, Double.NaN, 0.6}),
                DoubleColumn.create("acc", new double[] {0.5, 0.6, 0.7, 0.8}),
                DoubleColumn.create("val_acc", new double[] {0.4, 0.5, 0.6, 0.65}),
                StringColumn.create("note", new String[] {"a", "b", "c", "d"}));
        Figure figure = Plot.training(history);
        assertEquals(2, figure.panels().size(), "one panel for loss, one for acc");
        XYChart loss = figure.panel(0);
        XYChart acc = figure.panel(1);
        assertEquals("loss", loss.getTitle());
        assertEquals("acc", acc.getTitle());
        assertEquals("epoch", loss.getXAxisTitle());
        assertEquals(List.of("train", "validation"), List.copyOf(loss.getSeriesMap().keySet()));
        assertArrayEquals(new double[] {1, 2, 3, 4}, loss.getSeriesMap().get("train").getXData());
        // the NaN epochs of val_loss are left out, not drawn as zeros
        assertArrayEquals(new double[] {2, 4}, loss.getSeriesMap().get("validation").getXData());
        assertArrayEquals(new double[] {0.8, 0.6}, loss.getSeriesMap().get("validation").getYData());
        checkDrawn(figure, 2 * TrainingCurves.PANEL_WIDTH + 6, TrainingCurves.PANEL_HEIGHT);
    }

    @Test
    void trainingColumnNamesSplitIntoSplitAndQuantity() {
        assertArrayEquals(new String[] {"validation", "loss"}, TrainingCurves.split("val_loss"));
        assertArrayEquals(new String[] {"test", "acc"}, TrainingCurves.split("test_acc"));
        assertArrayEquals(new String[] {"train", "loss"}, TrainingCurves.split("train_loss"));
        assertArrayEquals(new String[] {"train", "loss"}, TrainingCurves.split("loss"));
        assertArrayEquals(new String[] {"train", "value"}, TrainingCurves.split("value"));
        Table lrOnly = Table.create("h", IntColumn.create("step", new int[] {1, 2}),
                DoubleColumn.create("lr", new double[] {0.1, 0.05}));
        XYChart lr = Plot.training(lrOnly).panel(0);
        assertEquals(List.of("lr"), List.copyOf(lr.getSeriesMap().keySet()), "a lone quantity is named by itself");
        assertEquals("step", lr.getXAxisTitle());
    }

    @Test
    void trainingCurvesFromArrays() {
        Figure f = Plot.training(new double[] {1, 0.5, 0.3}, new double[] {1.1, 0.7, 0.6},
                new double[] {0.5, 0.7, 0.8}, null);
        XYChart acc = f.panel(1);
        assertEquals("accuracy", acc.getTitle());
        assertEquals(List.of("train"), List.copyOf(acc.getSeriesMap().keySet()));
        checkDrawn(f, 2 * TrainingCurves.PANEL_WIDTH + 6, TrainingCurves.PANEL_HEIGHT);
        checkDrawn(Plot.training(new double[] {1, 0.5}, null), TrainingCurves.PANEL_WIDTH, TrainingCurves.PANEL_HEIGHT);
        checkError(() -> Plot.training(new double[] {1, 0.5, 0.3}, new double[] {1, 2}),
                "validation loss", "3");
        checkError(() -> Plot.training(Table.create("empty", StringColumn.create("s", new String[] {"a"}))),
                "no numeric metric columns", "[s]");
    }

    // ---------------------------------------------------------------- bars and histograms

    @Test
    void barsShowTheirValues() {
        BarPlot bars = Plot.bars("params", new String[] {"conv1", "fc1"}, new double[] {456, 48120});
        BufferedImage image = checkDrawn(bars, 640, 400);
        // text above the small bar: dark pixels in a band just above its top
        double top = bars.getScreenYFromChart(456);
        int darkAbove = count(image, 100, (int) top - 18, 330, (int) top - 2, Pixels::dark);
        assertTrue(darkAbove > 5, "value label above the first bar, found " + darkAbove + " dark pixels");
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("a", 3);
        counts.put("b", 5);
        checkDrawn(Plot.bars("counts", counts), 640, 400);
        checkError(() -> Plot.bars("t", "x", "y").series("s", new String[] {"a", "b"}, new double[] {1}),
                "same length", "2 and 1");
        checkError(() -> Plot.bars("t", "x", "y").series("s", new String[] {"a"}, new double[] {1})
                .series("u", new String[] {"b"}, new double[] {2}), "differ from the first series");
    }

    @Test
    void histogramCountsByHand() {
        Histogram h = Histogram.of(new double[] {0, 0.1, 0.5, 0.99, 1.0, 2.0, Double.NaN}, 2, 0, 1);
        assertArrayEquals(new long[] {2, 3}, h.counts(), "[0, 0.5) holds 0 and 0.1; [0.5, 1] holds 0.5, 0.99, 1");
        assertEquals(2, h.outside(), "2.0 and NaN are not counted");
        assertArrayEquals(new double[] {0, 0.5, 1}, h.edges(), 1e-15);
        double[][] outline = h.outline();
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1, 1}, outline[0], 1e-15);
        assertArrayEquals(new double[] {0, 2, 2, 3, 3, 0}, outline[1], 1e-15);
        assertEquals(2, Histogram.of(new double[] {3, 3}, 1).counts()[0], "a constant sample still lands in a bin");
    }

    @Test
    void histogramsShareTheirBins() {
        Map<String, double[]> data = new LinkedHashMap<>();
        data.put("narrow", new double[] {-0.1, 0, 0.1});
        data.put("wide", new double[] {-2, 0, 2});
        LinePlot overlay = Plot.histograms("overlay", data, 4);
        assertArrayEquals(overlay.getSeriesMap().get("narrow").getXData(), overlay.getSeriesMap().get("wide").getXData());
        assertEquals(-2.0, overlay.getSeriesMap().get("narrow").getXData()[0], 1e-12);
        checkDrawn(overlay, 640, 400);
        checkDrawn(Plot.histogram("one", new double[] {1, 2, 2, 3}, 3), 640, 400);
        Figure grid = Plot.histogramGrid(data, 10);
        assertEquals(2, grid.panels().size());
        checkDrawn(grid, 2 * 300 + 6, 220);
        checkError(() -> Plot.histograms("t", Map.of("s", "not numbers"), 3), "values of \"s\"", "String");
        checkError(() -> Plot.histogram("t", new double[] {1}, 0), "bins must be > 0");
    }

    // ---------------------------------------------------------------- heatmaps

    @Test
    void confusionMatrixHasOneCellPerEntry() {
        int[][] counts = {{50, 2, 3}, {4, 45, 1}, {0, 6, 44}};
        Heatmap h = Plot.confusion(counts, "cat", "dog", "bird");
        BufferedImage image = Pixels.render(h);
        Pixels.checkNotBlank(image);
        Rectangle2D area = h.cellArea();
        double cellW = area.getWidth() / 3;
        double cellH = area.getHeight() / 3;
        // walk along row 1 just below its top edge (away from the numbers): one colour per cell
        int y = (int) (area.getY() + cellH + 4);
        // (runs of at least 3 equal pixels: a blended pixel at a cell border is not a cell)
        int runs = 0;
        int length = 0;
        Color previous = null;
        for (int x = (int) area.getX() + 2; x < area.getMaxX() - 2; x++) {
            Color c = new Color(image.getRGB(x, y));
            if (previous != null && Pixels.near(c, previous, 3)) {
                length++;
                if (length == 3) {
                    runs++;
                }
            } else {
                length = 1;
            }
            previous = c;
        }
        assertEquals(3, runs, "colour runs across row 1 (4, 45, 1 are three different cells)");
        // the largest count (row 0, col 0) has the darkest colour, the smallest (row 2, col 0) the lightest
        Pixels.checkColor(image, area.getX() + 4, area.getY() + 4, new Color(0x08306b), 2);
        Pixels.checkColor(image, area.getX() + 4, area.getY() + 2 * cellH + 4, new Color(0xf7fbff), 2);
        // numbers: white text inside the dark cell, dark text inside a light cell
        int white = count(image, (int) (area.getX() + cellW * 0.25), (int) (area.getY() + cellH * 0.3),
                (int) (area.getX() + cellW * 0.75), (int) (area.getY() + cellH * 0.7), c -> c.getRed() > 200);
        assertTrue(white > 5, "white digits in the dark cell");
        int darkDigits = count(image, (int) (area.getX() + cellW * 1.25), (int) (area.getY() + cellH * 0.3),
                (int) (area.getX() + cellW * 1.75), (int) (area.getY() + cellH * 0.7), Pixels::dark);
        assertTrue(darkDigits > 5, "dark digits in the light cell");
        assertEquals("predicted", h.getXAxisTitle());
        assertEquals("true", h.getYAxisTitle());
    }

    @Test
    void heatmapErrors() {
        checkError(() -> Plot.confusion(new int[][] {{1, 2}}), "square", "1×2");
        checkError(() -> Plot.confusion(new int[][] {{1, 2}, {3, 4}}, "a", "b", "c"), "row labels", "3 and 2");
        checkError(() -> Plot.attention(new double[][] {{0.5, 0.5}, {1}}, new String[] {"a", "b"}, new String[] {"x", "y"}),
                "rectangular", "row 1 has 1");
        checkError(() -> Plot.attention(new double[][] {{0.5, 0.5}}, new String[] {"a"}, new String[] {"x"}),
                "column labels", "1 and 2");
        checkError(() -> Plot.heatmap("h", new double[][] {{Double.NaN}}, new String[] {"a"}, new String[] {"b"}),
                "[0][0] is not finite");
    }

    @Test
    void attentionWritesWeightsWithTwoDecimals() {
        double[][] w = {{0.7, 0.2, 0.1}, {0.1, 0.1, 0.8}};
        Heatmap h = Plot.attention(w, new String[] {"le", "chat"}, new String[] {"the", "cat", "<eos>"});
        assertEquals(2, h.rows());
        assertEquals(3, h.columns());
        Pixels.checkNotBlank(Pixels.render(h));
        assertEquals("0.25", Heatmap.number(0.25));
        assertEquals("12", Heatmap.number(12.0));
    }

    // ---------------------------------------------------------------- embeddings

    @Test
    void embeddingWritesLabelsNextToPoints() {
        double[][] p = {{0, 0}, {1, 1}, {2, 0}};
        LabeledScatter chart = Plot.embedding("words", p, new String[] {"king", "queen", "man"})
                .groups(new int[] {0, 0, 1}, "royal", "common").arrow("king", "queen");
        BufferedImage image = checkDrawn(chart, 640, 480);
        double sx = chart.getScreenXFromChart(1);
        double sy = chart.getScreenYFromChart(1);
        int text = count(image, (int) sx + 6, (int) sy - 8, (int) sx + 50, (int) sy + 8, Pixels::dark);
        assertTrue(text > 10, "label \"queen\" right of its point, found " + text + " dark pixels");
        assertEquals(List.of("royal", "common"), List.copyOf(chart.getSeriesMap().keySet()));
        checkError(() -> Plot.embedding("w", p, new String[] {"a", "b", "c"}).arrow("a", "z"), "no point is labelled \"z\"");
        checkError(() -> Plot.embedding("w", p, new String[] {"a"}), "same length", "3 and 1");
    }

    /** A label next to the rightmost point widens the x axis so it ends inside the picture. */
    @Test
    void labelsAtTheRightEdgeStayInsideThePicture() {
        LabeledScatter chart = Plot.embedding("edge", new double[][] {{0, 0}, {1, 1}},
                new String[] {"origin", "a rather long label"});
        BufferedImage image = checkDrawn(chart, 640, 480);
        int w = image.getWidth();
        assertEquals(0, count(image, w - 12, 0, w, image.getHeight(), Pixels::dark), "no text at the right border");
        double sx = chart.getScreenXFromChart(1);
        double sy = chart.getScreenYFromChart(1);
        int text = count(image, (int) sx + 6, (int) sy - 8, w - 12, (int) sy + 8, Pixels::dark);
        assertTrue(text > 60, "the whole label is drawn right of its point, found " + text + " dark pixels");
        assertTrue(sx < 560, "the rightmost point moved left to make room, at x = " + sx);
        assertNull(chart.getStyler().getXAxisMax(), "the user's axis settings are left alone");
    }

    @Test
    void chartsRenderTheSamePixelsEveryTime() {
        checkDeterministic(() -> Plot.functions("f", -2, 2).curve("tanh", Math::tanh).curve("d", x -> 1 - Math.tanh(x) * Math.tanh(x)).dashed());
        checkDeterministic(() -> Plot.training(new double[] {1, 0.5, 0.3}, new double[] {1.1, 0.7, 0.6}));
        checkDeterministic(() -> Plot.bars("b", new String[] {"a", "b"}, new double[] {1, 2}));
        checkDeterministic(() -> Plot.histogram("h", new double[] {1, 2, 2, 3, 3, 3}, 3));
        checkDeterministic(() -> Plot.confusion(new int[][] {{5, 1}, {2, 7}}, "no", "yes"));
        checkDeterministic(() -> Plot.attention(new double[][] {{0.3, 0.7}}, new String[] {"q"}, new String[] {"a", "b"}));
        checkDeterministic(() -> Plot.embedding("e", new double[][] {{0, 0}, {1, 2}}, new String[] {"a", "b"}));
    }
}
