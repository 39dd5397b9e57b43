package dl.viz;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * N images with C channels (1 = grayscale, 3 = RGB) of H×W pixels, read once from an INDArray
 * into row-major doubles [n][c][y][x], and turned into Java images with a value range and a
 * colour map.
 *
 * <p>Accepted layouts: a batch [N,H,W], [N,C,H,W], [N,H,W,C] or flat [N, C·H·W] with H and W given;
 * a single image [H,W], [C,H,W], [1,C,H,W] or [H,W,C].
 */
final class ImageStack {

    final int count;
    final int channels;
    final int height;
    final int width;
    private final double[] data;

    private ImageStack(int count, int channels, int height, int width, double[] data) {
        this.count = count;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.data = data;
    }

    /** A batch of images: [N,H,W], [N,C,H,W] or [N,H,W,C] with C = 1 or 3. */
    static ImageStack batch(String where, INDArray images) {
        Inputs.notNull(where, "images", images);
        long[] s = images.shape();
        if (s.length == 3) {
            return fromNchw(where, images, s[0], 1, s[1], s[2]);
        }
        if (s.length == 4) {
            if (isChannelCount(s[1])) {
                return fromNchw(where, images, s[0], s[1], s[2], s[3]);
            }
            if (isChannelCount(s[3])) {
                return fromNchw(where, images.permute(0, 3, 1, 2), s[0], s[3], s[1], s[2]);
            }
            throw Inputs.error(where, "images [N, C, H, W] must have C = 1 or 3 channels, got shape "
                    + Inputs.shape(images) + "; hint: show feature maps with Plot.featureMaps");
        }
        if (s.length == 2) {
            throw Inputs.error(where, "images of shape " + Inputs.shape(images)
                    + " are flat: give the image size, e.g. Plot.images(x, 28, 28)");
        }
        throw Inputs.error(where, "images must have shape [N, H, W] or [N, C, H, W], got rank "
                + s.length + " shape " + Inputs.shape(images));
    }

    /** A batch of flat images [N, C·H·W] (or [N,H,W]/[N,C,H,W] of that size) shown as H×W. */
    static ImageStack batch(String where, INDArray images, int height, int width) {
        Inputs.notNull(where, "images", images);
        Inputs.positive(where, "height", height);
        Inputs.positive(where, "width", width);
        if (images.rank() < 2) {
            throw Inputs.error(where, "images must have shape [N, H*W], got shape " + Inputs.shape(images));
        }
        long n = images.size(0);
        long perImage = images.length() / Math.max(1, n);
        long pixels = (long) height * width;
        if (perImage != pixels && perImage != 3 * pixels) {
            throw Inputs.error(where, "images of shape " + Inputs.shape(images) + " have " + perImage
                    + " values per image, expected H*W = " + height + "*" + width + " = " + pixels
                    + " (grayscale) or 3*H*W = " + 3 * pixels + " (RGB)");
        }
        return fromNchw(where, images, n, perImage / pixels, height, width);
    }

    /** One image: [H,W], [C,H,W], [1,C,H,W] or [H,W,C] with C = 1 or 3. */
    static ImageStack single(String where, INDArray image) {
        Inputs.notNull(where, "image", image);
        long[] s = image.shape();
        if (s.length == 2) {
            return fromNchw(where, image, 1, 1, s[0], s[1]);
        }
        if (s.length == 3 && isChannelCount(s[0])) {
            return fromNchw(where, image, 1, s[0], s[1], s[2]);
        }
        if (s.length == 3 && isChannelCount(s[2])) {
            return fromNchw(where, image.permute(2, 0, 1), 1, s[2], s[0], s[1]);
        }
        if (s.length == 4 && s[0] == 1 && isChannelCount(s[1])) {
            return fromNchw(where, image, 1, s[1], s[2], s[3]);
        }
        throw Inputs.error(where, "image must have shape [H, W], [C, H, W] or [1, C, H, W] with C = 1 or 3, got "
                + Inputs.shape(image));
    }

    /** One grayscale image from rows of pixels. */
    static ImageStack single(String where, double[][] rows) {
        Inputs.notNull(where, "image", rows);
        Inputs.nonEmpty(where, "image", rows.length);
        int w = rows[0].length;
        double[] data = new double[rows.length * w];
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].length != w) {
                throw Inputs.error(where, "image rows must have equal length: row 0 has " + w
                        + " values, row " + y + " has " + rows[y].length);
            }
            System.arraycopy(rows[y], 0, data, y * w, w);
        }
        return new ImageStack(1, 1, rows.length, w, data);
    }

    /** One RGB image from a Java image (values 0..255). */
    static ImageStack single(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] data = new double[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int p = y * w + x;
                data[p] = (rgb >> 16) & 0xff;
                data[w * h + p] = (rgb >> 8) & 0xff;
                data[2 * w * h + p] = rgb & 0xff;
            }
        }
        return new ImageStack(1, 3, h, w, data);
    }

    private static boolean isChannelCount(long c) {
        return c == 1 || c == 3;
    }

    private static ImageStack fromNchw(String where, INDArray a, long n, long c, long h, long w) {
        if (n <= 0 || h <= 0 || w <= 0) {
            throw Inputs.error(where, "images must be non-empty, got shape " + Inputs.shape(a));
        }
        if (n * c * h * w > Integer.MAX_VALUE) {
            throw Inputs.error(where, "images too large to draw: shape " + Inputs.shape(a));
        }
        return new ImageStack((int) n, (int) c, (int) h, (int) w, Inputs.flat(a));
    }

    /** Smallest value of image i (all channels); NaN ignored. */
    double min(int i) {
        double m = Double.POSITIVE_INFINITY;
        int size = channels * height * width;
        for (int k = i * size, end = k + size; k < end; k++) {
            m = Math.min(m, data[k]);
        }
        return m;
    }

    double max(int i) {
        double m = Double.NEGATIVE_INFINITY;
        int size = channels * height * width;
        for (int k = i * size, end = k + size; k < end; k++) {
            m = Math.max(m, data[k]);
        }
        return m;
    }

    /**
     * The value range used when none is given: [0, 1] when all values lie there, [0, 255] for
     * byte-like pixels, else the batch's own minimum and maximum.
     */
    double[] autoRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : data) {
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        if (lo >= 0 && hi <= 1) {
            return new double[] {0, 1};
        }
        if (lo >= 0 && hi <= 255) {
            return new double[] {0, 255};
        }
        return spread(lo, hi);
    }

    /** [lo, hi] widened to a non-empty interval so that a constant image still draws. */
    static double[] spread(double lo, double hi) {
        if (!(hi > lo)) {
            return new double[] {lo - 0.5, lo + 0.5};
        }
        return new double[] {lo, hi};
    }

    /** Image i at its own size: values mapped by (v - lo) / (hi - lo), one channel through {@code map}. */
    BufferedImage image(int i, double lo, double hi, Colormap map) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int plane = height * width;
        int base = i * channels * plane;
        double span = hi - lo;
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = base + y * width + x;
                if (channels == 1) {
                    row[x] = map.rgb((data[p] - lo) / span);
                } else {
                    row[x] = (byte255((data[p] - lo) / span) << 16)
                            | (byte255((data[p + plane] - lo) / span) << 8)
                            | byte255((data[p + 2 * plane] - lo) / span);
                }
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    /** Image i scaled by {@code scale}: whole factors keep sharp pixels, others interpolate. */
    BufferedImage image(int i, double lo, double hi, Colormap map, double scale) {
        BufferedImage raw = image(i, lo, hi, map);
        return resize(raw, scale);
    }

    static BufferedImage resize(BufferedImage raw, double scale) {
        if (scale == 1) {
            return raw;
        }
        int w = Math.max(1, (int) Math.round(raw.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(raw.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        boolean whole = scale >= 1 && scale == Math.rint(scale);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, whole
                ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
                : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(raw, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static int byte255(double t) {
        if (Double.isNaN(t)) {
            return 128;
        }
        return (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
    }
}
