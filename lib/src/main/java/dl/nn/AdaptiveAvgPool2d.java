package dl.nn;

import dl.tensor.Tensor;

/**
 * Average pooling to a fixed output size, whatever the input size: output cell i averages the
 * inputs ⌊i·H/H'⌋ to ⌈(i + 1)·H/H'⌉ − 1 (rows and columns alike), as PyTorch. Output size 1 is
 * global average pooling ([N, C, 1, 1]; {@link GlobalAvgPool2d} gives [N, C]). A separable map
 * y = A·x·Bᵀ, so dL/dx = Aᵀ·g·B.
 */
public class AdaptiveAvgPool2d extends Module {

    private final int[] size;

    /** Output size: one value or (height, width). */
    public AdaptiveAvgPool2d(int... outputSize) {
        this.size = ConvArgs.positive("AdaptiveAvgPool2d", "outputSize", outputSize);
    }

    @Override
    protected Tensor compute(Tensor x) {
        ConvArgs.checkImages("AdaptiveAvgPool2d", x, -1, this);
        return ConvOps.separable("adaptiveAvgPool2d", x, Resampling.adaptiveAverage(x.size(2), size[0]),
                Resampling.adaptiveAverage(x.size(3), size[1]));
    }

    @Override
    protected String extraRepr() {
        return "output=" + ConvArgs.pairText(size);
    }
}
