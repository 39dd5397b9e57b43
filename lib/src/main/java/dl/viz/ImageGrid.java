package dl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Many small images in a grid, each with an optional caption: dataset samples, augmentations,
 * reconstructions, predictions (green caption and border when right, red when wrong), filters and
 * feature maps. Built by {@link Plot#images}, {@link Plot#filters} and {@link Plot#featureMaps};
 * every setter returns {@code this}, and the kernel draws the grid when it is a cell's value.
 *
 * <p>Pixel values v become colours through t = (v - lo) / (hi - lo): by default [lo, hi] is [0, 1]
 * or [0, 255] when the values fit, else the batch's min and max; {@link #normalizeEach()} uses each
 * image's own min and max, {@link #symmetricEach()} uses [-m, m] with m = max |v| of each image.
 */
public final class ImageGrid extends Drawing {

    private static final int PAD = 10;
    private static final int GAP = 8;
    private static final int BORDER = 3;
    private static final int DEFAULT_CELL = 84;
    private static final int MAX_AUTO_CELL = 128;
    private static final int MAX_WIDTH = 1000;
    private static final Font CAPTION = Fonts.plain(11f);
    private static final Font TITLE = Fonts.bold(13f);
    private static final Color FRAME = new Color(0xbbbbbb);

    private enum Scaling { AUTO, FIXED, EACH, EACH_SYMMETRIC }

    private final String where;
    private final ImageStack images;
    private String title;
    private String[] captions;
    private int[] truth;
    private int[] predicted;
    private String[] classNames;
    private int columns;
    private int cellSize;
    private Colormap colormap = Colormap.GRAY;
    private Scaling scaling = Scaling.AUTO;
    private double lo;
    private double hi;

    ImageGrid(String where, ImageStack images) {
        this.where = where;
        this.images = images;
    }

    /** Number of images in the grid. */
    public int count() {
        return images.count;
    }

    /** A title line above the grid. */
    public ImageGrid title(String title) {
        this.title = title;
        return this;
    }

    /** One caption per image, shown below it. */
    public ImageGrid captions(String... captions) {
        Inputs.notNull(where, "captions", captions);
        Inputs.sameLength(where + ".captions", "captions", captions.length, "images", images.count);
        this.captions = captions.clone();
        return this;
    }

    /** The true class of each image, shown as its caption (through {@link #classNames} when given). */
    public ImageGrid labels(int[] truth) {
        Inputs.classIds(where + ".labels", "labels", truth);
        Inputs.sameLength(where + ".labels", "labels", truth.length, "images", images.count);
        checkNames(classNames, truth, "labels");
        this.truth = truth.clone();
        return this;
    }

    /**
     * Predicted and true classes: a right prediction gets a green caption and border, a wrong one
     * a red caption "✗ predicted" with "true: class" below and a red border.
     */
    public ImageGrid predictions(int[] predicted, int[] truth) {
        String at = where + ".predictions";
        Inputs.classIds(at, "predicted", predicted);
        Inputs.classIds(at, "truth", truth);
        Inputs.sameLength(at, "predicted", predicted.length, "images", images.count);
        Inputs.sameLength(at, "truth", truth.length, "images", images.count);
        checkNames(classNames, predicted, "predicted");
        checkNames(classNames, truth, "truth");
        this.predicted = predicted.clone();
        this.truth = truth.clone();
        return this;
    }

    /** Names of the classes, indexed by class id (captions show names instead of numbers). */
    public ImageGrid classNames(String... names) {
        Inputs.notNull(where, "classNames", names);
        if (truth != null) {
            checkNames(names, truth, "labels");
        }
        if (predicted != null) {
            checkNames(names, predicted, "predicted");
        }
        this.classNames = names.clone();
        return this;
    }

    /** Images per row (default: all in one row up to 10 images, else about twice as wide as high). */
    public ImageGrid columns(int columns) {
        this.columns = Inputs.positive(where + ".columns", "columns", columns);
        return this;
    }

    /** Size in pixels of the longer side of each shown image (default: about 84, whole zoom factors). */
    public ImageGrid cellSize(int pixels) {
        this.cellSize = Inputs.positive(where + ".cellSize", "pixels", pixels);
        return this;
    }

    /** Colour map of single-channel images (default gray). */
    public ImageGrid colormap(Colormap colormap) {
        this.colormap = Inputs.notNull(where, "colormap", colormap);
        return this;
    }

    /** Maps [lo, hi] to the darkest..brightest colour for every image. */
    public ImageGrid range(double lo, double hi) {
        Inputs.range(where + ".range", lo, hi);
        this.scaling = Scaling.FIXED;
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    /** Stretches each image on its own min..max (feature maps, filters). */
    public ImageGrid normalizeEach() {
        this.scaling = Scaling.EACH;
        return this;
    }

    /** Maps each image's [-m, m], m = max |v|, so zero is the middle colour (signed weights). */
    public ImageGrid symmetricEach() {
        this.scaling = Scaling.EACH_SYMMETRIC;
        return this;
    }

    private void checkNames(String[] names, int[] ids, String arg) {
        Inputs.namesCover(where, names, ids, arg);
    }

    /** Zoom so the longer image side is about the cell size: whole factors for small images. */
    private double scale() {
        int side = Math.max(images.height, images.width);
        if (cellSize > 0) {
            double exact = (double) cellSize / side;
            return exact >= 1 ? Math.max(1, Math.round(exact)) : exact;
        }
        if (side <= DEFAULT_CELL) {
            return Math.max(1, Math.round((double) DEFAULT_CELL / side));
        }
        return side <= MAX_AUTO_CELL ? 1 : (double) MAX_AUTO_CELL / side;
    }

    private double[] rangeOf(int i, double[] batchRange) {
        switch (scaling) {
            case FIXED:
                return new double[] {lo, hi};
            case EACH:
                return ImageStack.spread(images.min(i), images.max(i));
            case EACH_SYMMETRIC:
                double m = Math.max(Math.abs(images.min(i)), Math.abs(images.max(i)));
                return m > 0 ? new double[] {-m, m} : new double[] {-1, 1};
            default:
                return batchRange;
        }
    }

    /** Caption lines of image i with their colour. */
    private List<String> captionLines(int i) {
        List<String> lines = new ArrayList<>(2);
        if (captions != null) {
            lines.add(captions[i]);
        }
        if (predicted != null) {
            boolean right = predicted[i] == truth[i];
            lines.add((right ? "✓ " : "✗ ") + Inputs.className(classNames, predicted[i]));
            if (!right) {
                lines.add("true: " + Inputs.className(classNames, truth[i]));
            }
        } else if (truth != null) {
            lines.add(Inputs.className(classNames, truth[i]));
        }
        return lines;
    }

    private Color captionColor(int i, int line) {
        boolean isUserCaption = captions != null && line == 0;
        if (predicted == null || isUserCaption) {
            return Palette.TEXT;
        }
        return predicted[i] == truth[i] ? Palette.RIGHT : Palette.WRONG;
    }

    @Override
    public BufferedImage toImage() {
        int n = images.count;
        double scale = scale();
        int imageW = Math.max(1, (int) Math.round(images.width * scale));
        int imageH = Math.max(1, (int) Math.round(images.height * scale));
        int border = predicted != null ? BORDER : 0;
        int maxLines = 0;
        for (int i = 0; i < n; i++) {
            maxLines = Math.max(maxLines, captionLines(i).size());
        }
        int lineH = Canvas.lineHeight(CAPTION);
        int cellW = imageW + 2 * border;
        if (maxLines > 0) {
            cellW = Math.max(cellW, 56);
        }
        int cellH = imageH + 2 * border + (maxLines > 0 ? 3 + maxLines * lineH : 0);

        int cols = columns > 0 ? columns : autoColumns(n, cellW);
        cols = Math.min(cols, n);
        int rows = (n + cols - 1) / cols;
        int titleH = title != null ? Canvas.lineHeight(TITLE) + 6 : 0;
        int width = 2 * PAD + cols * cellW + (cols - 1) * GAP;
        if (title != null) {
            width = Math.max(width, 2 * PAD + Math.min(MAX_WIDTH, Canvas.width(title, TITLE)));
        }
        int height = 2 * PAD + titleH + rows * cellH + (rows - 1) * GAP;

        Canvas canvas = new Canvas(width, height);
        if (title != null) {
            canvas.centered(title, TITLE, Palette.TEXT, width / 2, PAD + Canvas.ascent(TITLE), width - 2 * PAD);
        }
        double[] batchRange = scaling == Scaling.AUTO ? images.autoRange() : null;
        int gridW = cols * cellW + (cols - 1) * GAP;
        int left = (width - gridW) / 2;
        for (int i = 0; i < n; i++) {
            int x = left + (i % cols) * (cellW + GAP);
            int y = PAD + titleH + (i / cols) * (cellH + GAP);
            int imageX = x + (cellW - imageW) / 2;
            double[] r = rangeOf(i, batchRange);
            BufferedImage tile = images.image(i, r[0], r[1], colormap, scale);
            canvas.g.drawImage(tile, imageX, y + border, null);
            if (border == 0 && (colormap == Colormap.BLUE_WHITE_RED || colormap == Colormap.GRAY_INVERTED)) {
                canvas.g.setColor(FRAME);   // light tiles would melt into the white page
                canvas.g.setStroke(new BasicStroke(1f));
                canvas.g.drawRect(imageX - 1, y - 1, imageW + 1, imageH + 1);
            }
            if (border > 0) {
                canvas.g.setColor(predicted[i] == truth[i] ? Palette.RIGHT : Palette.WRONG);
                canvas.g.setStroke(new BasicStroke(border));
                canvas.g.drawRect(imageX - border + border / 2, y + border / 2,
                        imageW + border, imageH + border);
            }
            List<String> lines = captionLines(i);
            int baseline = y + imageH + 2 * border + 3 + Canvas.ascent(CAPTION);
            for (int k = 0; k < lines.size(); k++) {
                canvas.centered(lines.get(k), CAPTION, captionColor(i, k), x + cellW / 2,
                        baseline + k * lineH, cellW + GAP - 2);
            }
        }
        return canvas.finish();
    }

    private static int autoColumns(int n, int cellW) {
        int cols = n <= 10 ? n : (int) Math.ceil(Math.sqrt(2.0 * n));
        int fit = Math.max(1, (MAX_WIDTH - 2 * PAD + GAP) / (cellW + GAP));
        return Math.max(1, Math.min(cols, fit));
    }

    @Override
    public String toString() {
        return "ImageGrid(" + images.count + " images " + images.height + "x" + images.width
                + (images.channels == 3 ? " RGB" : "") + ")";
    }

    /** For tests: the captions as drawn. */
    List<String> captionText(int i) {
        return captionLines(i);
    }

    static String[] numbered(int n) {
        String[] names = new String[n];
        Arrays.setAll(names, Integer::toString);
        return names;
    }
}
