package dl.data;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Deterministic image operations on the last two axes (H, W) of an array, so the same call works
 * on one image [H, W], a multi-channel image [C, H, W] or a whole batch [B, C, H, W]. Every
 * operation returns a new FLOAT array and leaves its input unchanged. Pixels that come from outside
 * the image are 0. Each public method copies the array into Java once, works there on plain
 * float loops (see {@link Planes}) and builds one result array.
 */
public final class ImageOps {

    private ImageOps() {}

    /** Mirror left-right: out[r, c] = x[r, W-1-c]. */
    public static INDArray flipHorizontal(INDArray x) {
        return flipHorizontal(Planes.of("ImageOps.flipHorizontal", x)).toArray();
    }

    static Planes flipHorizontal(Planes p) {
        float[] out = new float[p.data().length];
        for (int base = 0; base < out.length; base += p.h() * p.w()) {
            for (int r = 0; r < p.h(); r++) {
                int row = base + r * p.w();
                for (int c = 0; c < p.w(); c++) {
                    out[row + c] = p.data()[row + p.w() - 1 - c];
                }
            }
        }
        return p.with(out, p.h(), p.w());
    }

    /** Mirror top-bottom: out[r, c] = x[H-1-r, c]. */
    public static INDArray flipVertical(INDArray x) {
        return flipVertical(Planes.of("ImageOps.flipVertical", x)).toArray();
    }

    static Planes flipVertical(Planes p) {
        float[] out = new float[p.data().length];
        for (int base = 0; base < out.length; base += p.h() * p.w()) {
            for (int r = 0; r < p.h(); r++) {
                System.arraycopy(p.data(), base + (p.h() - 1 - r) * p.w(), out, base + r * p.w(), p.w());
            }
        }
        return p.with(out, p.h(), p.w());
    }

    /** Move the content down by dy and right by dx pixels (negative: up/left): out[r, c] = x[r-dy, c-dx]. */
    public static INDArray shift(INDArray x, int dy, int dx) {
        return shift(Planes.of("ImageOps.shift", x), dy, dx).toArray();
    }

    static Planes shift(Planes p, int dy, int dx) {
        float[] out = new float[p.data().length];
        for (int base = 0; base < out.length; base += p.h() * p.w()) {
            for (int r = 0; r < p.h(); r++) {
                int sr = r - dy;
                if (sr < 0 || sr >= p.h()) {
                    continue;
                }
                int from = Math.max(0, dx);
                int to = Math.min(p.w(), p.w() + dx);
                if (to > from) {
                    System.arraycopy(p.data(), base + sr * p.w() + from - dx, out, base + r * p.w() + from, to - from);
                }
            }
        }
        return p.with(out, p.h(), p.w());
    }

    /** Zero padding of {@code pad} pixels on every side: [.., H + 2 pad, W + 2 pad]. */
    public static INDArray pad(INDArray x, int pad) {
        return pad(Planes.of("ImageOps.pad", x), pad).toArray();
    }

    static Planes pad(Planes p, int pad) {
        if (pad < 0) {
            throw new IllegalArgumentException("ImageOps.pad: padding must be >= 0, got " + pad);
        }
        int h = p.h() + 2 * pad;
        int w = p.w() + 2 * pad;
        float[] out = new float[p.count() * h * w];
        for (int k = 0; k < p.count(); k++) {
            for (int r = 0; r < p.h(); r++) {
                System.arraycopy(p.data(), (k * p.h() + r) * p.w(), out, (k * h + r + pad) * w + pad, p.w());
            }
        }
        return p.with(out, h, w);
    }

    /** The window of h x w pixels whose top-left pixel is (top, left); it must lie inside the image. */
    public static INDArray crop(INDArray x, int top, int left, int h, int w) {
        return crop(Planes.of("ImageOps.crop", x), top, left, h, w).toArray();
    }

    static Planes crop(Planes p, int top, int left, int h, int w) {
        if (h < 1 || w < 1 || top < 0 || left < 0 || top + h > p.h() || left + w > p.w()) {
            throw new IllegalArgumentException("ImageOps.crop: window rows " + top + ".." + (top + h - 1) + ", columns "
                    + left + ".." + (left + w - 1) + " is not inside the " + p.h() + "x" + p.w() + " image");
        }
        float[] out = new float[p.count() * h * w];
        for (int k = 0; k < p.count(); k++) {
            for (int r = 0; r < h; r++) {
                System.arraycopy(p.data(), (k * p.h() + top + r) * p.w() + left, out, (k * h + r) * w, w);
            }
        }
        return p.with(out, h, w);
    }

    /**
     * Rotation by {@code degrees} counter-clockwise as displayed (row 0 at the top), about the
     * image centre, with bilinear interpolation. Output pixel (r, c) reads the input at
     * c' = cx + dx cos a + dy sin a, r' = cy - (-dx sin a + dy cos a), where dx = c - cx,
     * dy = cy - r and (cx, cy) = ((W-1)/2, (H-1)/2).
     */
    public static INDArray rotate(INDArray x, double degrees) {
        return rotate(Planes.of("ImageOps.rotate", x), degrees).toArray();
    }

    static Planes rotate(Planes p, double degrees) {
        if (degrees == 0) {
            return p.with(p.data(), p.h(), p.w());
        }
        double a = Math.toRadians(degrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        double cx = (p.w() - 1) / 2.0;
        double cy = (p.h() - 1) / 2.0;
        float[] out = new float[p.data().length];
        for (int r = 0; r < p.h(); r++) {
            for (int c = 0; c < p.w(); c++) {
                double dx = c - cx;
                double dy = cy - r;
                double sc = snap(cx + dx * cos + dy * sin);
                double sr = snap(cy - (-dx * sin + dy * cos));
                for (int k = 0; k < p.count(); k++) {
                    out[(k * p.h() + r) * p.w() + c] = bilinear(p.data(), k * p.h() * p.w(), p.h(), p.w(), sr, sc);
                }
            }
        }
        return p.with(out, p.h(), p.w());
    }

    /** Rounds coordinates within 1e-9 of a whole pixel, so 90-degree turns copy pixels exactly. */
    private static double snap(double v) {
        double r = Math.rint(v);
        return Math.abs(v - r) < 1e-9 ? r : v;
    }

    private static float bilinear(float[] d, int base, int h, int w, double r, double c) {
        int r0 = (int) Math.floor(r);
        int c0 = (int) Math.floor(c);
        double fr = r - r0;
        double fc = c - c0;
        double v = pixel(d, base, h, w, r0, c0) * (1 - fr) * (1 - fc)
                + (fc > 0 ? pixel(d, base, h, w, r0, c0 + 1) * (1 - fr) * fc : 0)
                + (fr > 0 ? pixel(d, base, h, w, r0 + 1, c0) * fr * (1 - fc) : 0)
                + (fr > 0 && fc > 0 ? pixel(d, base, h, w, r0 + 1, c0 + 1) * fr * fc : 0);
        return (float) v;
    }

    private static float pixel(float[] d, int base, int h, int w, int r, int c) {
        return r < 0 || c < 0 || r >= h || c >= w ? 0f : d[base + r * w + c];
    }

    /** x + delta, clamped to [0, 1]. */
    public static INDArray adjustBrightness(INDArray x, double delta) {
        return adjustBrightness(Planes.of("ImageOps.adjustBrightness", x), delta).toArray();
    }

    static Planes adjustBrightness(Planes p, double delta) {
        float[] out = new float[p.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = clamp01(p.data()[i] + delta);
        }
        return p.with(out, p.h(), p.w());
    }

    /** (x - m) * factor + m with m the mean of all of x, clamped to [0, 1]; apply it per image. */
    public static INDArray adjustContrast(INDArray x, double factor) {
        return adjustContrast(Planes.of("ImageOps.adjustContrast", x), factor).toArray();
    }

    static Planes adjustContrast(Planes p, double factor) {
        if (!(factor >= 0)) {
            throw new IllegalArgumentException("ImageOps.adjustContrast: factor must be >= 0, got " + factor);
        }
        double mean = 0;
        for (float v : p.data()) {
            mean += v;
        }
        mean /= Math.max(1, p.data().length);
        float[] out = new float[p.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = clamp01((p.data()[i] - mean) * factor + mean);
        }
        return p.with(out, p.h(), p.w());
    }

    /** x + sigma * N(0, 1) per pixel, not clamped (the input of a denoising autoencoder). */
    public static INDArray addGaussianNoise(INDArray x, double sigma, Random rng) {
        return addGaussianNoise(Planes.of("ImageOps.addGaussianNoise", x), sigma, rng).toArray();
    }

    static Planes addGaussianNoise(Planes p, double sigma, Random rng) {
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("ImageOps.addGaussianNoise: sigma must be >= 0, got " + sigma);
        }
        float[] out = new float[p.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (p.data()[i] + sigma * rng.nextGaussian());
        }
        return p.with(out, p.h(), p.w());
    }

    /** Sets a size x size square centred on (row, col) to 0 in every plane (clipped at the borders). */
    public static INDArray cutout(INDArray x, int row, int col, int size) {
        return cutout(Planes.of("ImageOps.cutout", x), row, col, size).toArray();
    }

    static Planes cutout(Planes p, int row, int col, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("ImageOps.cutout: size must be >= 0, got " + size);
        }
        float[] out = p.data().clone();
        int top = row - size / 2;
        int left = col - size / 2;
        for (int k = 0; k < p.count(); k++) {
            for (int r = Math.max(0, top); r < Math.min(p.h(), top + size); r++) {
                for (int c = Math.max(0, left); c < Math.min(p.w(), left + size); c++) {
                    out[(k * p.h() + r) * p.w() + c] = 0f;
                }
            }
        }
        return p.with(out, p.h(), p.w());
    }

    /** Luma of an RGB image [3, H, W]: 0.299 R + 0.587 G + 0.114 B, as [H, W]. */
    public static INDArray grayscale(INDArray rgb) {
        if (rgb.rank() != 3 || rgb.size(0) != 3) {
            throw new IllegalArgumentException("ImageOps.grayscale: expected an RGB image [3, H, W], got "
                    + Arrays.toString(rgb.shape()));
        }
        return rgb.slice(0).mul(0.299).addi(rgb.slice(1).mul(0.587)).addi(rgb.slice(2).mul(0.114));
    }

    private static float clamp01(double v) {
        return (float) Math.max(0.0, Math.min(1.0, v));
    }
}
