package dl.nn;

import dl.tensor.Tensor;

/**
 * Global average pooling: z[n,c] = mean over H, W of x[n,c] ([N, C, H, W] → [N, C]), the head of
 * GoogLeNet and ResNet instead of big fully connected layers. dL/dx = g / (H·W) everywhere.
 */
public class GlobalAvgPool2d extends Module {
    @Override
    protected Tensor compute(Tensor x) {
        ConvArgs.checkImages("GlobalAvgPool2d", x, -1, this);
        return x.mean(false, 2, 3);
    }
}
