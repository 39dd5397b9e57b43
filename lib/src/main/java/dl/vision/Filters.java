package dl.vision;

import dl.tensor.Tensor;

/**
 * Classic hand-made image filters and a plain single-channel 2-D cross-correlation, for the
 * course's first look at convolution (chapter 10), before the layers learn their own filters.
 *
 * <p>Like PyTorch's {@code conv2d}, {@link #apply} computes a cross-correlation (the kernel is
 * not flipped): {@code out[i][j] = sum_{u,v} image[i+u][j+v] · kernel[u][v]}.
 */
public final class Filters {
    private Filters() {
    }

    private static final double[][] SOBEL_X = {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}};
    private static final double[][] SOBEL_Y = {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}};

    /** Sobel x as a 3×3 array (a fresh copy): responds positively where intensity rises to the right. */
    public static double[][] sobelXArray() {
        return copy(SOBEL_X);
    }

    /** Sobel y as a 3×3 array (a fresh copy): responds positively where intensity rises downwards. */
    public static double[][] sobelYArray() {
        return copy(SOBEL_Y);
    }

    /** Sobel x {@code [[-1,0,1],[-2,0,2],[-1,0,1]]} as a 3×3 fp64 tensor. */
    public static Tensor sobelX() {
        return Tensor.ofDouble(sobelXArray());
    }

    /** Sobel y {@code [[-1,-2,-1],[0,0,0],[1,2,1]]} as a 3×3 fp64 tensor. */
    public static Tensor sobelY() {
        return Tensor.ofDouble(sobelYArray());
    }

    /**
     * Single-channel 2-D cross-correlation with valid padding (no padding, stride 1):
     * {@code out[i][j] = sum_{u<kh, v<kw} image[i+u][j+v] · kernel[u][v]}, of size
     * {@code (H - kh + 1) × (W - kw + 1)}.
     *
     * @param image rows of equal length, H × W
     * @param kernel rows of equal length, kh × kw, with kh ≤ H and kw ≤ W
     * @throws IllegalArgumentException if either array is empty or ragged, or the kernel is larger
     *     than the image
     */
    public static double[][] apply(double[][] image, double[][] kernel) {
        int h = rows("image", image);
        int w = image[0].length;
        int kh = rows("kernel", kernel);
        int kw = kernel[0].length;
        if (kh > h || kw > w) {
            throw new IllegalArgumentException("kernel " + kh + "×" + kw + " is larger than the image " + h + "×" + w
                    + " (valid padding needs kh ≤ H and kw ≤ W)");
        }
        double[][] out = new double[h - kh + 1][w - kw + 1];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                double sum = 0;
                for (int u = 0; u < kh; u++) {
                    for (int v = 0; v < kw; v++) {
                        sum += image[i + u][j + v] * kernel[u][v];
                    }
                }
                out[i][j] = sum;
            }
        }
        return out;
    }

    /** Number of rows, after checking the array is non-empty and rectangular. */
    private static int rows(String name, double[][] a) {
        if (a == null || a.length == 0 || a[0] == null || a[0].length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row and one column");
        }
        for (int r = 1; r < a.length; r++) {
            if (a[r] == null || a[r].length != a[0].length) {
                throw new IllegalArgumentException(name + " is ragged: row 0 has " + a[0].length + " values, row " + r
                        + " has " + (a[r] == null ? 0 : a[r].length));
            }
        }
        return a.length;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
