package dl.viz;

import dl.display.ImageDisplayable;
import dl.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

/**
 * One-call pictures for the course. Charts are XChart charts (tweak them with XChart's own API);
 * pictures XChart cannot draw (image grids, boxes, masks) are {@link Drawing}s. The kernel shows
 * both as PNG. Everything renders headless, in DejaVu Sans, with fixed colours and sizes, so the
 * same call gives the same pixels.
 *
 * <pre>{@code
 * Plot.functions("Activations", -5, 5)
 *     .curve("sigmoid", x -> 1 / (1 + Math.exp(-x)))
 *     .curve("relu", x -> Math.max(0, x));
 * Plot.training(history.table());
 * Plot.images(x, 28, 28).predictions(predicted, labels).classNames(names);
 * }</pre>
 */
public final class Plot {

    /** Default chart size in pixels. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 400;

    private Plot() {}

    // ---------------------------------------------------------------- lines and functions

    /** An empty line chart with a title and axis labels; add lines with {@code series}/{@code curve}. */
    public static LinePlot line(String title, String xLabel, String yLabel) {
        return new LinePlot(title, xLabel, yLabel, WIDTH, HEIGHT);
    }

    /** Functions of x over [from, to]: add them with {@code .curve(name, f)}. */
    public static LinePlot functions(String title, double from, double to) {
        return new LinePlot(title, "x", "f(x)", WIDTH, HEIGHT).range(from, to);
    }

    /**
     * Several functions over [from, to] at once. A LinkedHashMap or SortedMap keeps its order;
     * other maps (e.g. {@code Map.of}) are drawn in name order, so colours never change between runs.
     */
    public static LinePlot functions(String title, double from, double to, Map<String, DoubleUnaryOperator> curves) {
        Inputs.notNull("Plot.functions", "curves", curves);
        LinePlot plot = functions(title, from, to);
        ordered(curves).forEach(plot::curve);
        return plot;
    }

    /** Points coloured by class (one legend entry per class). */
    public static LinePlot scatter(String title, double[][] points, int[] classes) {
        String where = "Plot.scatter";
        Inputs.pairs(where, "points", points);
        Inputs.notNull(where, "classes", classes);
        Inputs.sameLength(where, "points", points.length, "classes", classes.length);
        Inputs.classIds(where, "classes", classes);
        LinePlot plot = new LinePlot(title, "x₁", "x₂", WIDTH, HEIGHT);
        plot.getStyler().setMarkerSize(9);
        double[] box = DecisionBoundary.paddedBox(points);   // room around the outermost points
        plot.xRange(box[0], box[1]).yRange(box[2], box[3]);
        int[] present = Arrays.stream(classes).distinct().sorted().toArray();
        for (int c : present) {
            double[][] members = Arrays.stream(indicesOf(classes, c)).mapToObj(i -> points[i]).toArray(double[][]::new);
            plot.points("class " + c, members).color(c);
        }
        return plot;
    }

    /** Points [N, 2] coloured by class. */
    public static LinePlot scatter(String title, INDArray points, int[] classes) {
        return scatter(title, Inputs.pairs("Plot.scatter", "points", points), classes);
    }

    // ---------------------------------------------------------------- training curves

    /**
     * Training history: a panel per quantity (loss, acc, ...) with train and validation lines.
     * Columns pair by name: {@code loss} with {@code val_loss}, {@code acc} with {@code val_acc};
     * the x axis is the {@code epoch} (or {@code step}) column.
     */
    public static Figure training(Table history) {
        return TrainingCurves.fromTable(history);
    }

    /** Loss per epoch, train and validation (validation may be null). */
    public static Figure training(double[] loss, double[] valLoss) {
        return TrainingCurves.fromArrays(loss, valLoss, null, null, null);
    }

    /** Loss and accuracy per epoch, train and validation (any validation array may be null). */
    public static Figure training(double[] loss, double[] valLoss, double[] accuracy, double[] valAccuracy) {
        return TrainingCurves.fromArrays(loss, valLoss, "accuracy", accuracy, valAccuracy);
    }

    // ---------------------------------------------------------------- decision boundaries and surfaces

    /**
     * Decision regions of a 2-D classifier over its data. {@code predictor} gets the centres of a
     * 200×200 grid as double[G][2] and returns int[] classes, double[] probabilities of class 1,
     * double[][] class scores, or an INDArray of either (see {@link DecisionBoundary}).
     */
    public static DecisionBoundary decisionBoundary(double[][] points, int[] labels, Function<double[][], ?> predictor) {
        return DecisionBoundary.of(points, labels, predictor, 200);
    }

    /** As {@link #decisionBoundary(double[][], int[], Function)}, with points [N, 2]. */
    public static DecisionBoundary decisionBoundary(INDArray points, int[] labels, Function<double[][], ?> predictor) {
        return decisionBoundary(Inputs.pairs(DecisionBoundary.WHERE, "points", points), labels, predictor);
    }

    /** As above, with labels as a vector of class ids. */
    public static DecisionBoundary decisionBoundary(INDArray points, INDArray labels, Function<double[][], ?> predictor) {
        int[] ids = Inputs.classIds(DecisionBoundary.WHERE, "labels",
                Inputs.vector(DecisionBoundary.WHERE, "labels", labels));
        return decisionBoundary(points, ids, predictor);
    }

    /** As above, with {@code resolution} grid cells per axis (10..1000). */
    public static DecisionBoundary decisionBoundary(double[][] points, int[] labels, Function<double[][], ?> predictor,
                                                    int resolution) {
        return DecisionBoundary.of(points, labels, predictor, resolution);
    }

    /**
     * The surface f(x, y) over [x0, x1] × [y0, y1] with contour lines; add optimizer paths with
     * {@code .path(name, points)}.
     */
    public static LossSurface lossSurface(String title, DoubleBinaryOperator f, double x0, double x1, double y0, double y1) {
        return LossSurface.of(title, f, x0, x1, y0, y1);
    }

    // ---------------------------------------------------------------- images

    /** A grid of images [N,H,W], [N,C,H,W] or [N,H,W,C] (C = 1 or 3). */
    public static ImageGrid images(INDArray images) {
        return new ImageGrid("Plot.images", ImageStack.batch("Plot.images", images));
    }

    /** A grid of flat images [N, H·W] (or [N, 3·H·W]) shown as H×W. */
    public static ImageGrid images(INDArray images, int height, int width) {
        return new ImageGrid("Plot.images", ImageStack.batch("Plot.images", images, height, width));
    }

    /** {@link #images(INDArray)} for a tensor of images. */
    public static ImageGrid images(Tensor images) {
        return images(images.data());
    }

    /** {@link #images(INDArray, int, int)} for a tensor of flat images, e.g. the rows of a weight matrix. */
    public static ImageGrid images(Tensor images, int height, int width) {
        return images(images.data(), height, width);
    }

    /**
     * Convolution filters [K, C, kh, kw] (or [K, kh, kw]): RGB when C = 3, each stretched on its
     * own range; otherwise one map per (filter, input channel), K rows of C, in blue (negative),
     * white (0) and red (positive).
     */
    public static ImageGrid filters(INDArray weights) {
        String where = "Plot.filters";
        Inputs.notNull(where, "weights", weights);
        long[] s = weights.shape();
        if (s.length == 3) {
            return new ImageGrid(where, ImageStack.batch(where, weights))
                    .symmetricEach().colormap(Colormap.BLUE_WHITE_RED);
        }
        if (s.length != 4) {
            throw Inputs.error(where, "weights must have shape [K, C, kh, kw] or [K, kh, kw], got " + Inputs.shape(weights));
        }
        if (s[1] == 3) {
            return new ImageGrid(where, ImageStack.batch(where, weights)).normalizeEach();
        }
        INDArray maps = weights.reshape('c', s[0] * s[1], s[2], s[3]);
        ImageGrid grid = new ImageGrid(where, ImageStack.batch(where, maps))
                .symmetricEach().colormap(Colormap.BLUE_WHITE_RED);
        return s[1] > 1 ? grid.columns((int) s[1]) : grid;
    }

    /** Feature maps [C, H, W] or [1, C, H, W] of one input, each stretched on its own range, numbered. */
    public static ImageGrid featureMaps(INDArray maps) {
        String where = "Plot.featureMaps";
        Inputs.notNull(where, "maps", maps);
        long[] s = maps.shape();
        INDArray chw;
        if (s.length == 3) {
            chw = maps;
        } else if (s.length == 4 && s[0] == 1) {
            chw = maps.reshape('c', s[1], s[2], s[3]);
        } else {
            throw Inputs.error(where, "maps must have shape [C, H, W] or [1, C, H, W] (one input), got "
                    + Inputs.shape(maps) + "; hint: pick one input with maps.slice(0)");
        }
        ImageStack stack = ImageStack.batch(where, chw);
        return new ImageGrid(where, stack).normalizeEach().colormap(Colormap.VIRIDIS)
                .captions(ImageGrid.numbered(stack.count));
    }

    // ---------------------------------------------------------------- heatmaps

    /** A matrix as a heatmap with its values in the cells; row 0 at the top. */
    public static Heatmap heatmap(String title, double[][] values, String[] rowLabels, String[] columnLabels) {
        String where = "Plot.heatmap";
        checkMatrix(where, values, rowLabels, columnLabels);
        return new Heatmap(title, "", "", values, rowLabels, columnLabels, Heatmap::number);
    }

    /** A matrix [R, C] as a heatmap. */
    public static Heatmap heatmap(String title, INDArray values, String[] rowLabels, String[] columnLabels) {
        return heatmap(title, matrix("Plot.heatmap", "values", values), rowLabels, columnLabels);
    }

    /** Confusion matrix: rows are true classes, columns predicted classes (names optional). */
    public static Heatmap confusion(int[][] counts, String... classNames) {
        String where = "Plot.confusion";
        Inputs.notNull(where, "counts", counts);
        double[][] values = new double[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            Inputs.notNull(where, "counts row " + r, counts[r]);
            values[r] = Arrays.stream(counts[r]).asDoubleStream().toArray();
        }
        return confusion(where, values, classNames);
    }

    /** Confusion matrix from an INDArray [K, K] of counts. */
    public static Heatmap confusion(INDArray counts, String... classNames) {
        return confusion("Plot.confusion", matrix("Plot.confusion", "counts", counts), classNames);
    }

    private static Heatmap confusion(String where, double[][] values, String[] classNames) {
        Inputs.nonEmpty(where, "counts", values.length);
        if (values[0].length != values.length) {
            throw Inputs.error(where, "counts must be square K×K (true × predicted), got " + values.length
                    + "×" + values[0].length);
        }
        String[] names = classNames == null || classNames.length == 0 ? ImageGrid.numbered(values.length) : classNames;
        checkMatrix(where, values, names, names);
        return new Heatmap("Confusion matrix", "predicted", "true", values, names, names, Heatmap::number);
    }

    /** Attention weights: rows are queries (output tokens), columns keys (input tokens). */
    public static Heatmap attention(double[][] weights, String[] queryTokens, String[] keyTokens) {
        checkMatrix("Plot.attention", weights, queryTokens, keyTokens);
        return new Heatmap("Attention", "key", "query", weights, queryTokens, keyTokens,
                v -> String.format(Locale.ROOT, "%.2f", v));
    }

    /** Attention weights [Tq, Tk]. */
    public static Heatmap attention(INDArray weights, String[] queryTokens, String[] keyTokens) {
        return attention(matrix("Plot.attention", "weights", weights), queryTokens, keyTokens);
    }

    private static void checkMatrix(String where, double[][] values, String[] rowLabels, String[] columnLabels) {
        Inputs.notNull(where, "values", values);
        Inputs.nonEmpty(where, "values", values.length);
        Inputs.notNull(where, "row labels", rowLabels);
        Inputs.notNull(where, "column labels", columnLabels);
        int cols = values[0] == null ? 0 : values[0].length;
        Inputs.nonEmpty(where, "values row 0", cols);
        for (int r = 0; r < values.length; r++) {
            if (values[r] == null || values[r].length != cols) {
                throw Inputs.error(where, "values must be rectangular: row 0 has " + cols + " columns, row " + r
                        + " has " + (values[r] == null ? "null" : values[r].length));
            }
            for (int c = 0; c < cols; c++) {
                if (!Double.isFinite(values[r][c])) {
                    throw Inputs.error(where, "value [" + r + "][" + c + "] is not finite: " + values[r][c]);
                }
            }
        }
        Inputs.sameLength(where, "row labels", rowLabels.length, "matrix rows", values.length);
        Inputs.sameLength(where, "column labels", columnLabels.length, "matrix columns", cols);
    }

    private static double[][] matrix(String where, String arg, INDArray a) {
        Inputs.notNull(where, arg, a);
        if (a.rank() != 2) {
            throw Inputs.error(where, arg + " must be a matrix [R, C], got shape " + Inputs.shape(a));
        }
        double[] flat = Inputs.flat(a);
        int cols = (int) a.size(1);
        double[][] rows = new double[(int) a.size(0)][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(flat, r * cols, (r + 1) * cols);
        }
        return rows;
    }

    // ---------------------------------------------------------------- boxes and masks

    /** An image ([H,W], [C,H,W] or [1,C,H,W]) to draw boxes on with {@code .box(...)}. */
    public static BoxPicture boxes(INDArray image) {
        return new BoxPicture(ImageStack.single("Plot.boxes", image));
    }

    /** A Java image to draw boxes on. */
    public static BoxPicture boxes(BufferedImage image) {
        Inputs.notNull("Plot.boxes", "image", image);
        return new BoxPicture(ImageStack.single(image));
    }

    /** A blank white canvas of width × height pixels to draw boxes on (IoU sketches). */
    public static BoxPicture boxes(int width, int height) {
        Inputs.positive("Plot.boxes", "width", width);
        Inputs.positive("Plot.boxes", "height", height);
        double[][] white = new double[height][width];
        for (double[] row : white) {
            Arrays.fill(row, 1.0);
        }
        return new BoxPicture(ImageStack.single("Plot.boxes", white));
    }

    /** A segmentation mask over an image; the mask is [H,W] class ids or [C,H,W] class scores. */
    public static MaskPicture mask(INDArray image, INDArray mask) {
        ImageStack stack = ImageStack.single("Plot.mask", image);
        return mask(stack, MaskPicture.read(mask));
    }

    /** A segmentation mask given as rows of class ids over an image. */
    public static MaskPicture mask(INDArray image, int[][] mask) {
        ImageStack stack = ImageStack.single("Plot.mask", image);
        return mask(stack, MaskPicture.read(mask));
    }

    /** A segmentation mask alone, in full colour on white. */
    public static MaskPicture mask(INDArray mask) {
        int[][] read = MaskPicture.read(mask);
        return new MaskPicture(null, read[0], read[1][0], read[1][1]).background(-1);
    }

    /** A segmentation mask alone, from rows of class ids. */
    public static MaskPicture mask(int[][] mask) {
        int[][] read = MaskPicture.read(mask);
        return new MaskPicture(null, read[0], read[1][0], read[1][1]).background(-1);
    }

    private static MaskPicture mask(ImageStack image, int[][] read) {
        int h = read[1][0];
        int w = read[1][1];
        if (image.height != h || image.width != w) {
            throw Inputs.error("Plot.mask", "mask is " + h + "×" + w + " (H×W) but the image is "
                    + image.height + "×" + image.width + "; they must match");
        }
        return new MaskPicture(image, read[0], h, w);
    }

    // ---------------------------------------------------------------- embeddings

    /** Points N×2 with a text label next to each (labels may be null). */
    public static LabeledScatter embedding(String title, double[][] points, String[] labels) {
        String where = "Plot.embedding";
        Inputs.pairs(where, "points", points);
        Inputs.nonEmpty(where, "points", points.length);
        if (labels != null) {
            Inputs.sameLength(where, "points", points.length, "labels", labels.length);
            for (int i = 0; i < labels.length; i++) {
                Inputs.notNull(where, "labels[" + i + "]", labels[i]);
            }
        }
        return new LabeledScatter(title, points, labels == null ? null : labels.clone());
    }

    /** Points [N, 2] with a text label next to each. */
    public static LabeledScatter embedding(String title, INDArray points, String[] labels) {
        return embedding(title, Inputs.pairs("Plot.embedding", "points", points), labels);
    }

    // ---------------------------------------------------------------- histograms and bars

    /** Histogram of the values in {@code bins} equal bins over their range. */
    public static LinePlot histogram(String title, double[] values, int bins) {
        Inputs.notNull("Plot.histogram", "values", values);
        return new LinePlot(title, "value", "count", WIDTH, HEIGHT).histogram("values", Histogram.of(values, bins));
    }

    /** Histogram of all elements of an array. */
    public static LinePlot histogram(String title, INDArray values, int bins) {
        Inputs.notNull("Plot.histogram", "values", values);
        return histogram(title, Inputs.flat(values), bins);
    }

    /**
     * Overlaid histograms with shared bins (name -> double[], float[] or INDArray values); for
     * map order see {@link #functions(String, double, double, Map)}.
     */
    public static LinePlot histograms(String title, Map<String, ?> series, int bins) {
        Map<String, double[]> data = valuesOf("Plot.histograms", series);
        double[] range = commonRange(data);
        LinePlot plot = new LinePlot(title, "value", "count", WIDTH, HEIGHT);
        data.forEach((name, v) -> plot.histogram(name, Histogram.of(v, bins, range[0], range[1])));
        return plot;
    }

    /** Small multiples: one histogram per entry (e.g. activations per layer), each on its own range. */
    public static Figure histogramGrid(Map<String, ?> series, int bins) {
        Map<String, double[]> data = valuesOf("Plot.histogramGrid", series);
        List<LinePlot> panels = new ArrayList<>();
        data.forEach((name, v) -> panels.add(smallHistogram(name, Histogram.of(v, bins))));
        return new Figure(Math.min(4, panels.size()), panels);
    }

    /** Small multiples on one shared range [lo, hi], so the panels compare directly. */
    public static Figure histogramGrid(Map<String, ?> series, int bins, double lo, double hi) {
        Map<String, double[]> data = valuesOf("Plot.histogramGrid", series);
        List<LinePlot> panels = new ArrayList<>();
        data.forEach((name, v) -> panels.add(smallHistogram(name, Histogram.of(v, bins, lo, hi))));
        return new Figure(Math.min(4, panels.size()), panels);
    }

    private static LinePlot smallHistogram(String name, Histogram h) {
        LinePlot plot = new LinePlot(name, "value", "count", 300, 220).histogram(name, h);
        plot.getStyler().setLegendVisible(false);
        plot.getStyler().setChartTitleFont(Fonts.bold(12f));
        plot.getStyler().setAxisTitleFont(Fonts.plain(10f));
        plot.getStyler().setAxisTickLabelsFont(Fonts.plain(9f));
        return plot;
    }

    /** An empty bar chart; add series with {@code .series(name, categories, values)}. */
    public static BarPlot bars(String title, String xLabel, String yLabel) {
        return new BarPlot(title, xLabel, yLabel, WIDTH, HEIGHT);
    }

    /** One bar per category, values written on the bars. */
    public static BarPlot bars(String title, String[] categories, double[] values) {
        return bars(title, "", "").series("values", categories, values);
    }

    /** One bar per entry (order as in {@link #functions(String, double, double, Map)}). */
    public static BarPlot bars(String title, Map<String, ? extends Number> values) {
        Inputs.notNull("Plot.bars", "values", values);
        Map<String, ? extends Number> ordered = ordered(values);
        String[] categories = ordered.keySet().toArray(new String[0]);
        double[] v = new double[categories.length];
        int i = 0;
        for (Number n : ordered.values()) {
            Inputs.notNull("Plot.bars", "value of \"" + categories[i] + "\"", n);
            v[i++] = n.doubleValue();
        }
        return bars(title, categories, v);
    }

    // ---------------------------------------------------------------- diagrams

    /**
     * An empty diagram: add boxes with {@code .node(id, label)} and arrows with
     * {@code .edge(from, to)} (computation graphs, unrolled RNNs, beam-search trees).
     */
    public static Diagram diagram() {
        return new Diagram();
    }

    // ---------------------------------------------------------------- layout and output

    /** Panels (XChart charts, pictures, BufferedImages) in rows of {@code columns}. */
    public static Figure figure(int columns, Object... panels) {
        Inputs.notNull("Plot.figure", "panels", panels);
        return new Figure(columns, Arrays.asList(panels));
    }

    /** Panels side by side in one row. */
    public static Figure row(Object... panels) {
        Inputs.notNull("Plot.row", "panels", panels);
        return new Figure(Math.max(1, panels.length), Arrays.asList(panels));
    }

    /** The chart rendered as an image at its own size. */
    public static BufferedImage image(Chart<?, ?> chart) {
        Inputs.notNull("Plot.image", "chart", chart);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** The chart rendered as a {@link Picture}. */
    public static Picture picture(Chart<?, ?> chart) {
        return new Picture(image(chart));
    }

    /** Writes a chart or picture as PNG (atomically) and returns the absolute path. */
    public static Path save(Object chartOrPicture, Path path) {
        Inputs.notNull("Plot.save", "chart", chartOrPicture);
        if (!(chartOrPicture instanceof Chart) && !(chartOrPicture instanceof ImageDisplayable)
                && !(chartOrPicture instanceof BufferedImage)) {
            throw Inputs.error("Plot.save", "expected an XChart chart, a picture or a BufferedImage, got "
                    + chartOrPicture.getClass().getName());
        }
        return Png.save(Figure.render(chartOrPicture), path);
    }

    // ---------------------------------------------------------------- helpers

    /** Insertion order for ordered maps, name order for the rest (deterministic colours). */
    static <V> Map<String, V> ordered(Map<String, V> map) {
        if (map instanceof LinkedHashMap || map instanceof SortedMap) {
            return map;
        }
        return new TreeMap<>(map);
    }

    private static Map<String, double[]> valuesOf(String where, Map<String, ?> series) {
        Inputs.notNull(where, "series", series);
        Inputs.nonEmpty(where, "series", series.size());
        Map<String, double[]> out = new LinkedHashMap<>();
        ordered(series).forEach((name, v) -> {
            Inputs.notNull(where, "values of \"" + name + "\"", v);
            if (v instanceof double[] d) {
                out.put(name, d);
            } else if (v instanceof float[] f) {
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = f[i];
                }
                out.put(name, d);
            } else if (v instanceof INDArray a) {
                out.put(name, Inputs.flat(a));
            } else {
                throw Inputs.error(where, "values of \"" + name + "\" must be double[], float[] or INDArray, got "
                        + v.getClass().getSimpleName());
            }
        });
        return out;
    }

    private static double[] commonRange(Map<String, double[]> data) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] values : data.values()) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        return ImageStack.spread(lo, hi);
    }

    private static int[] indicesOf(int[] classes, int c) {
        return java.util.stream.IntStream.range(0, classes.length).filter(i -> classes[i] == c).toArray();
    }
}
