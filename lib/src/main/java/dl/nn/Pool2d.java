package dl.nn;

import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * Shared settings of {@link MaxPool2d} and {@link AvgPool2d}: window, stride (default: the window),
 * padding (at most half the window, as PyTorch requires). No parameters; output size
 * ⌊(H + 2p − d·(k − 1) − 1) / s⌋ + 1 (4 → 2 for F2 S2, 55 → 27 for F3 S2).
 */
abstract class Pool2d extends Module {

    final int[] kernel;
    int[] stride;
    int[] padding = {0, 0};
    int[] dilation = {1, 1};

    Pool2d(int[] kernel) {
        this.kernel = ConvArgs.positive(typeName(), "kernel", kernel);
        this.stride = this.kernel.clone();
    }

    void setStride(int[] s) {
        this.stride = ConvArgs.positive(typeName(), "stride", s);
    }

    void setPadding(int[] p) {
        int[] pad = ConvArgs.nonNegative(typeName(), "padding", p);
        if (pad[0] > kernel[0] / 2 || pad[1] > kernel[1] / 2) {
            throw new IllegalArgumentException(typeName() + ": padding " + Arrays.toString(pad) + " should be at most half of"
                    + " the kernel " + Arrays.toString(kernel));
        }
        this.padding = pad;
    }

    /** Checks a batch [N, C, H, W] against the window. */
    void checkInput(Tensor x) {
        ConvArgs.checkImages(typeName(), x, -1, this);
        ConvArgs.checkFits(typeName(), x, x.size(2) + 2L * padding[0], x.size(3) + 2L * padding[1], kernel, dilation);
    }

    /** Output size of one dimension. */
    public long outputSize(long inputSize, int dim) {
        return NativeOps.outSize(inputSize, kernel[dim], stride[dim], padding[dim], dilation[dim]);
    }

    @Override
    protected String extraRepr() {
        String s = "kernel=" + ConvArgs.pairText(kernel);
        if (!Arrays.equals(stride, kernel)) {
            s += ", stride=" + ConvArgs.pairText(stride);
        }
        if (padding[0] != 0 || padding[1] != 0) {
            s += ", padding=" + ConvArgs.pairText(padding);
        }
        if (dilation[0] != 1 || dilation[1] != 1) {
            s += ", dilation=" + ConvArgs.pairText(dilation);
        }
        return s;
    }
}
