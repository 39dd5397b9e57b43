package dl.nn;

import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The image operations behind the convolution and pooling layers, on NCHW tensors, each with its
 * backward rule. Convolution and pooling run libnd4j's native kernels ({@link NativeOps});
 * padding, resizing and adaptive pooling are separable linear maps y = A·x·Bᵀ per channel.
 * Arguments are checked by the layers, which know their names; these functions assume valid ones.
 */
public final class ConvOps {

    private ConvOps() {}

    /**
     * Cross-correlation y[n,o,a,b] = bias[o] + Σ_c Σ_ij w[o,c,i,j] · x[n, c, s·a + d·i − p, s·b + d·j − p]
     * (zero outside the image), channels split into {@code groups} independent groups.
     * w has shape [out, in/groups, kH, kW]. Backward (libnd4j's conv2d_bp): dL/dx is the transposed
     * convolution of g with w, dL/dw[o,c,i,j] = Σ_{n,a,b} g[n,o,a,b]·x[n,c,s·a+d·i−p, s·b+d·j−p], dL/db = Σ g.
     */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        if (groups == 1) {
            return conv2dDense(x, w, bias, stride, padding, dilation);
        }
        long inPer = x.size(1) / groups;
        long outPer = w.size(0) / groups;
        Tensor[] parts = new Tensor[groups];
        for (int g = 0; g < groups; g++) {
            Tensor xg = x.slice(1, g * inPer, (g + 1) * inPer);
            Tensor wg = w.slice(0, g * outPer, (g + 1) * outPer);
            Tensor bg = bias == null ? null : bias.slice(0, g * outPer, (g + 1) * outPer);
            parts[g] = conv2dDense(xg, wg, bg, stride, padding, dilation);
        }
        return Tensor.concat(1, parts);
    }

    private static Tensor conv2dDense(Tensor x, Tensor w, Tensor bias, int[] s, int[] p, int[] d) {
        int[] k = {(int) w.size(2), (int) w.size(3)};
        INDArray xd = x.data();
        INDArray wd = w.data();
        INDArray bd = bias == null ? null : bias.data();
        INDArray y = NativeOps.conv2d(xd, wd, bd, k, s, p, d);
        if (bias == null) {
            return Tensor.op("conv2d", y, g -> {
                INDArray[] r = NativeOps.conv2dBackward(xd, wd, null, g, k, s, p, d);
                return new INDArray[] {r[0], r[1]};
            }, x, w);
        }
        return Tensor.op("conv2d", y, g -> NativeOps.conv2dBackward(xd, wd, bd, g, k, s, p, d), x, w, bias);
    }

    /**
     * Transposed convolution (the gradient of conv2d with respect to its input): every input pixel
     * spreads x[n,c,a,b]·w[c,o,:,:] over the output window at (s·a − p, s·b − p), taps spaced by d.
     * w has shape [in, out/groups, kH, kW]. Output size (H − 1)·s − 2p + d·(k − 1) + outputPadding + 1.
     * Computed as libnd4j's deconv2d without padding (size (H − 1)·s + d·(k − 1) + 1), then
     * cropped by p at the top/left and by p − outputPadding at the bottom/right (zero rows added
     * when outputPadding > p). Backward: deconv2d_bp, then the crop's backward.
     */
    public static Tensor convTranspose2d(Tensor x, Tensor w, Tensor bias, int[] stride, int[] padding, int[] outputPadding,
                                         int[] dilation, int groups) {
        Tensor full;
        if (groups == 1) {
            full = deconv2dDense(x, w, stride, dilation);
        } else {
            long inPer = x.size(1) / groups;
            Tensor[] parts = new Tensor[groups];
            for (int g = 0; g < groups; g++) {
                parts[g] = deconv2dDense(x.slice(1, g * inPer, (g + 1) * inPer), w.slice(0, g * inPer, (g + 1) * inPer),
                        stride, dilation);
            }
            full = Tensor.concat(1, parts);
        }
        Tensor y = cropOrExtend(full, 2, padding[0], outputPadding[0]);
        y = cropOrExtend(y, 3, padding[1], outputPadding[1]);
        return bias == null ? y : y.add(bias.reshape(1, bias.length(), 1, 1));
    }

    /** Keeps [p, n − p + op) along {@code axis}, with zeros where that runs past n. */
    private static Tensor cropOrExtend(Tensor t, int axis, int p, int op) {
        long n = t.size(axis);
        long end = Math.min(n, n - p + op);
        Tensor kept = p == 0 && end == n ? t : t.slice(axis, p, end);
        long extra = (n - p + op) - end;
        if (extra == 0) {
            return kept;
        }
        return axis == 2 ? pad2d(kept, 0, (int) extra, 0, 0, PaddingMode.ZEROS) : pad2d(kept, 0, 0, 0, (int) extra, PaddingMode.ZEROS);
    }

    private static Tensor deconv2dDense(Tensor x, Tensor w, int[] s, int[] d) {
        int[] k = {(int) w.size(2), (int) w.size(3)};
        INDArray xd = x.data();
        INDArray wd = w.data();
        return Tensor.op("convTranspose2d", NativeOps.deconv2d(xd, wd, k, s, d),
                g -> NativeOps.deconv2dBackward(xd, wd, g, k, s, d), x, w);
    }

    /**
     * Max pooling y[n,c,a,b] = max over the window x[n, c, s·a + d·i − p, s·b + d·j − p] (padding
     * never wins). Backward (maxpool2d_bp): g goes to the position of each window's maximum.
     */
    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        return pool(false, x, kernel, stride, padding, dilation);
    }

    /**
     * Average pooling y = (1 / (kH·kW)) Σ_window x, padding counted as zeros (PyTorch's
     * count_include_pad=True). Backward (avgpool2d_bp): each window spreads g / (kH·kW) over its cells.
     */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding) {
        return pool(true, x, kernel, stride, padding, new int[] {1, 1});
    }

    private static Tensor pool(boolean avg, Tensor x, int[] k, int[] s, int[] p, int[] d) {
        INDArray xd = x.data();
        return Tensor.op(avg ? "avgPool2d" : "maxPool2d", NativeOps.pool2d(avg, xd, k, s, p, d),
                g -> new INDArray[] {NativeOps.pool2dBackward(avg, xd, g, k, s, p, d)}, x);
    }

    /**
     * Pads the last two dimensions: {@code top}/{@code bottom} rows and {@code left}/{@code right}
     * columns, filled by {@code mode} (on [1,2,3] by 2: zeros 0,0,1,2,3,0,0; reflect 3,2,1,2,3,2,1;
     * replicate 1,1,1,2,3,3,3). A separable linear map: y = R·x·Cᵀ with R and C selecting
     * (or zeroing) rows and columns, so dL/dx = Rᵀ·g·C adds each copy's gradient back to its source.
     */
    public static Tensor pad2d(Tensor x, int top, int bottom, int left, int right, PaddingMode mode) {
        long h = x.size(-2);
        long w = x.size(-1);
        return separable("pad2d", x, Resampling.padding(h, top, bottom, mode), Resampling.padding(w, left, right, mode));
    }

    /**
     * y[..., :, :] = A · x[..., :, :] · Bᵀ for every image of x [..., H, W], A [H', H], B [W', W]:
     * padding, nearest and bilinear resizing and adaptive average pooling all have this form.
     * dL/dx = Aᵀ · g · B.
     */
    public static Tensor separable(String name, Tensor x, INDArray rows, INDArray cols) {
        INDArray a = rows.castTo(x.dtype());
        INDArray b = cols.castTo(x.dtype());
        INDArray y = applySeparable(x.data(), a, b);
        INDArray at = a.transpose().dup();
        INDArray bt = b.transpose().dup();
        return Tensor.op(name, y, g -> new INDArray[] {applySeparable(g, at, bt)}, x);
    }

    private static INDArray applySeparable(INDArray x, INDArray a, INDArray b) {
        long[] shape = x.shape();
        int r = shape.length;
        long h = shape[r - 2];
        long w = shape[r - 1];
        long images = x.length() / (h * w);
        INDArray xc = x.ordering() == 'c' && !x.isView() ? x : x.dup('c');
        // columns: [images·H, W] · Bᵀ -> [images·H, W']
        INDArray t = xc.reshape('c', images * h, w).mmul(b.transpose());
        long w2 = b.size(0);
        // rows: for each image A [H', H] · t_image [H, W']; as one product on [H, images·W']
        INDArray tRows = t.reshape('c', images, h, w2).permute(1, 0, 2).dup('c').reshape('c', h, images * w2);
        INDArray u = a.mmul(tRows);
        long h2 = a.size(0);
        INDArray y = u.reshape('c', h2, images, w2).permute(1, 0, 2).dup('c');
        long[] outShape = Arrays.copyOf(shape, r);
        outShape[r - 2] = h2;
        outShape[r - 1] = w2;
        return y.reshape('c', outShape);
    }
}
