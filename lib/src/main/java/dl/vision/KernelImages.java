package dl.vision;

import dl.nn.Conv2d;
import dl.nn.PaddingMode;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A hand-made kernel run over a grayscale picture by the real convolution layer: a frozen
 * 1 → 1 {@link Conv2d} without bias whose weight is the kernel. Chapter 10 uses it to show that a
 * classic filter (Sobel, blur, a pattern detector) is a convolution layer with fixed weights, and
 * what each padding mode does at the border of a photo.
 *
 * <p>Images are [H, W] arrays (for example {@code ImageOps.grayscale(SamplePhotos.china())}), so
 * the results go straight to {@code Plot.images}. Like {@link Filters#apply} and every framework,
 * the layer computes a cross-correlation: the kernel is not flipped.
 */
public final class KernelImages {
    private KernelImages() {
    }

    /**
     * A frozen {@code Conv2d(1, 1, kh×kw)} without bias whose weight is {@code kernel}, with no
     * padding; set {@code padding(...)} and {@code paddingMode(...)} on it as on any Conv2d.
     *
     * @throws IllegalArgumentException if the kernel is empty or ragged
     */
    public static Conv2d layer(double[][] kernel) {
        int kh = rows(kernel);
        int kw = kernel[0].length;
        Conv2d conv = new Conv2d(1, 1, new int[] {kh, kw}, 1, false);
        double[] flat = Arrays.stream(kernel).flatMapToDouble(Arrays::stream).toArray();
        conv.weight().assign(Tensor.of(flat, 1, 1, kh, kw));
        conv.weight().freeze();
        return conv;
    }

    /**
     * The kernel applied with "valid" padding (no padding): an output of
     * {@code (H - kh + 1) × (W - kw + 1)}, as {@link Filters#apply}.
     *
     * @throws IllegalArgumentException if the image is not [H, W] or the kernel is larger than it
     */
    public static INDArray valid(INDArray image, double[][] kernel) {
        return run(layer(kernel), image, kernel);
    }

    /**
     * The kernel applied with "same" padding: (k - 1) / 2 pixels on each side, filled by
     * {@code mode}, so the output has the image's size H × W.
     *
     * @throws IllegalArgumentException if the image is not [H, W], the kernel has an even side
     *     (no equal padding on both sides), or a reflect padding is not smaller than the image
     */
    public static INDArray same(INDArray image, double[][] kernel, PaddingMode mode) {
        int kh = rows(kernel);
        int kw = kernel[0].length;
        if (kh % 2 == 0 || kw % 2 == 0) {
            throw new IllegalArgumentException("KernelImages.same: the kernel " + kh + "×" + kw
                    + " must have odd sides, so that (k - 1) / 2 pixels pad each side equally");
        }
        Conv2d conv = layer(kernel).padding((kh - 1) / 2, (kw - 1) / 2).paddingMode(mode);
        return run(conv, image, kernel);
    }

    /**
     * Edge strength {@code sqrt(Gx² + Gy²)} of the Sobel x and y responses, "same" size, with the
     * border filled by {@code mode}.
     */
    public static INDArray sobelMagnitude(INDArray image, PaddingMode mode) {
        Tensor gx = Tensor.of(same(image, Filters.sobelXArray(), mode));
        Tensor gy = Tensor.of(same(image, Filters.sobelYArray(), mode));
        return gx.square().add(gy.square()).sqrt().data();
    }

    private static INDArray run(Conv2d conv, INDArray image, double[][] kernel) {
        if (image == null || image.rank() != 2) {
            throw new IllegalArgumentException("KernelImages: expected a grayscale image [H, W], got "
                    + (image == null ? "null" : Arrays.toString(image.shape()))
                    + "; hint: ImageOps.grayscale(rgb) turns [3, H, W] into [H, W]");
        }
        long h = image.size(0);
        long w = image.size(1);
        if (kernel.length > h || kernel[0].length > w) {
            throw new IllegalArgumentException("KernelImages: kernel " + kernel.length + "×" + kernel[0].length
                    + " is larger than the image " + h + "×" + w);
        }
        try (var noGrad = Tensor.noGrad()) {
            Tensor out = conv.forward(Tensor.of(image.reshape(1, 1, h, w)).toFloat());
            return out.data().reshape(out.size(2), out.size(3));
        }
    }

    private static int rows(double[][] kernel) {
        if (kernel == null || kernel.length == 0 || kernel[0] == null || kernel[0].length == 0) {
            throw new IllegalArgumentException("KernelImages: the kernel must have at least one row and one column");
        }
        for (int r = 1; r < kernel.length; r++) {
            if (kernel[r] == null || kernel[r].length != kernel[0].length) {
                throw new IllegalArgumentException("KernelImages: the kernel is ragged: row 0 has " + kernel[0].length
                        + " values, row " + r + " has " + (kernel[r] == null ? 0 : kernel[r].length));
            }
        }
        return kernel.length;
    }
}
