package dl.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A segmentation mask (one class id per pixel) over an image: each pixel of class k ≠ background
 * becomes (1 - α)·pixel + α·colour(k), with a legend of the classes present. Without an image the
 * mask is drawn in full colour on white. Built by {@link Plot#mask}; setters return {@code this}.
 */
public final class MaskPicture extends Drawing {

    private static final String WHERE = "Plot.mask";
    private static final int PAD = 10;
    private static final Font TITLE = Fonts.bold(13f);

    private final ImageStack image;
    private final int[] mask;
    private final int height;
    private final int width;
    private String[] classNames;
    private String title;
    private double alpha = 0.5;
    private int background = 0;
    private double scale;
    private boolean legend = true;

    MaskPicture(ImageStack image, int[] mask, int height, int width) {
        this.image = image;
        this.mask = mask;
        this.height = height;
        this.width = width;
    }

    /** Reads a mask: [H,W] or [1,H,W] class ids, or scores [C,H,W] / [1,C,H,W] (argmax over C). */
    static int[][] read(INDArray mask) {
        Inputs.notNull(WHERE, "mask", mask);
        long[] s = mask.shape();
        int rank = s.length;
        boolean ids = rank == 2 || (rank == 3 && s[0] == 1) || (rank == 4 && s[0] == 1 && s[1] == 1);
        boolean scores = (rank == 3 && s[0] > 1) || (rank == 4 && s[0] == 1 && s[1] > 1);
        if (!ids && !scores) {
            throw Inputs.error(WHERE, "mask must have shape [H, W] (class ids) or [C, H, W] / [1, C, H, W]"
                    + " (class scores), got " + Inputs.shape(mask));
        }
        int h = (int) s[rank - 2];
        int w = (int) s[rank - 1];
        double[] flat = Inputs.flat(mask);
        int[] classes;
        if (ids) {
            classes = Inputs.classIds(WHERE, "mask", flat);
        } else {
            int c = (int) s[rank - 3];
            int plane = h * w;
            classes = new int[plane];
            for (int p = 0; p < plane; p++) {
                int best = 0;
                for (int k = 1; k < c; k++) {
                    if (flat[k * plane + p] > flat[best * plane + p]) {
                        best = k;
                    }
                }
                classes[p] = best;
            }
        }
        return new int[][] {classes, {h, w}};
    }

    /** Reads rows of class ids. */
    static int[][] read(int[][] rows) {
        Inputs.notNull(WHERE, "mask", rows);
        Inputs.nonEmpty(WHERE, "mask", rows.length);
        int w = rows[0].length;
        int[] classes = new int[rows.length * w];
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].length != w) {
                throw Inputs.error(WHERE, "mask rows must have equal length: row 0 has " + w + ", row " + y
                        + " has " + rows[y].length);
            }
            System.arraycopy(rows[y], 0, classes, y * w, w);
        }
        Inputs.classIds(WHERE, "mask", classes);
        return new int[][] {classes, {rows.length, w}};
    }

    /** Names of the classes, indexed by class id (for the legend). */
    public MaskPicture classNames(String... names) {
        Inputs.notNull(WHERE, "classNames", names);
        Inputs.namesCover(WHERE, names, mask, "mask");
        this.classNames = names.clone();
        return this;
    }

    /** Opacity of the mask colours, 0 (invisible) to 1 (opaque); default 0.5. */
    public MaskPicture alpha(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw Inputs.error(WHERE + ".alpha", "alpha must be in [0, 1], got " + alpha);
        }
        this.alpha = alpha;
        return this;
    }

    /** Class id left uncoloured (default 0); -1 colours every class. */
    public MaskPicture background(int classId) {
        if (classId < -1) {
            throw Inputs.error(WHERE + ".background", "background must be a class id or -1, got " + classId);
        }
        this.background = classId;
        return this;
    }

    /** Zoom factor (default: whole factor up to about 320 px). */
    public MaskPicture scale(double scale) {
        this.scale = Inputs.positive(WHERE + ".scale", "scale", scale);
        return this;
    }

    public MaskPicture title(String title) {
        this.title = title;
        return this;
    }

    /** Hides the legend of classes. */
    public MaskPicture noLegend() {
        this.legend = false;
        return this;
    }

    double effectiveScale() {
        if (scale > 0) {
            return scale;
        }
        int side = Math.max(width, height);
        if (side < 320) {
            return Math.ceil(320.0 / side);
        }
        return side > 640 ? 640.0 / side : 1;
    }

    int imageTop() {
        return PAD + (title != null ? Canvas.lineHeight(TITLE) + 6 : 0);
    }

    int imageLeft() {
        return PAD;
    }

    @Override
    public BufferedImage toImage() {
        BufferedImage raw = overlay();
        BufferedImage shown = ImageStack.resize(raw, effectiveScale());
        List<Swatches.Item> items = legend ? legendItems() : List.of();
        int width = shown.getWidth() + 2 * PAD;
        if (title != null) {
            width = Math.max(width, Canvas.width(title, TITLE) + 2 * PAD);
        }
        int legendH = Swatches.height(items, width - 2 * PAD);
        int top = imageTop();
        Canvas canvas = new Canvas(width, top + shown.getHeight() + PAD + (legendH > 0 ? legendH + 4 : 0));
        if (title != null) {
            canvas.centered(title, TITLE, Palette.TEXT, width / 2, PAD + Canvas.ascent(TITLE), width - 2 * PAD);
        }
        canvas.g.drawImage(shown, imageLeft(), top, null);
        Swatches.draw(canvas, items, PAD, top + shown.getHeight() + 6, width - 2 * PAD);
        return canvas.finish();
    }

    /** The blended picture at the mask's own resolution. */
    private BufferedImage overlay() {
        BufferedImage out;
        if (image != null) {
            double[] r = image.autoRange();
            out = image.image(0, r[0], r[1], Colormap.GRAY);
        } else {
            out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }
        double a = image != null ? alpha : 1.0;
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            if (image != null) {
                out.getRGB(0, y, width, 1, row, 0, width);
            } else {
                Arrays.fill(row, 0xffffff);
            }
            for (int x = 0; x < width; x++) {
                int cls = mask[y * width + x];
                if (cls != background) {
                    row[x] = blend(row[x], Palette.color(cls).getRGB(), a);
                }
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    private static int blend(int base, int color, double a) {
        int r = mixChannel(base >> 16, color >> 16, a);
        int g = mixChannel(base >> 8, color >> 8, a);
        int b = mixChannel(base, color, a);
        return (r << 16) | (g << 8) | b;
    }

    private static int mixChannel(int base, int color, double a) {
        return (int) Math.round((1 - a) * (base & 0xff) + a * (color & 0xff));
    }

    private List<Swatches.Item> legendItems() {
        TreeSet<Integer> present = new TreeSet<>();
        for (int c : mask) {
            if (c != background) {
                present.add(c);
            }
        }
        List<Swatches.Item> items = new ArrayList<>();
        for (int c : present) {
            Color color = Palette.color(c);
            items.add(new Swatches.Item(Inputs.className(classNames, c), image != null ? Palette.mix(Color.WHITE, color, alpha) : color));
        }
        return items;
    }

    @Override
    public String toString() {
        return "MaskPicture(" + width + "x" + height + ")";
    }
}
