package dl.models;

import dl.nn.BatchNorm2d;
import dl.nn.Conv2d;
import dl.nn.Module;
import dl.nn.Sequential;
import dl.tensor.Tensor;

/**
 * ResNet's basic block: y = ReLU(F(x) + shortcut(x)) with F = conv3×3(stride) → BN → ReLU →
 * conv3×3 → BN (convolutions without bias, as BN adds one). The shortcut is the identity when
 * the shape is kept and a 1×1 convolution with the stride + BN ("projection") when the channels or
 * the size change. Because of the sum, ∂y/∂x = 1 + F′ (before the final ReLU): the gradient
 * reaches early layers even when F′ is small. Parameter names as torchvision (conv1, bn1, conv2,
 * bn2, downsample.0, downsample.1).
 */
public class ResidualBlock extends Module {

    private final Conv2d conv1;
    private final BatchNorm2d bn1;
    private final Conv2d conv2;
    private final BatchNorm2d bn2;
    private final Sequential downsample;

    public ResidualBlock(int in, int out, int stride) {
        conv1 = add("conv1", new Conv2d(in, out, new int[] {3}, 1, false).stride(stride).padding(1));
        bn1 = add("bn1", new BatchNorm2d(out));
        conv2 = add("conv2", new Conv2d(out, out, new int[] {3}, 1, false).padding(1));
        bn2 = add("bn2", new BatchNorm2d(out));
        downsample = stride != 1 || in != out
                ? add("downsample", new Sequential(new Conv2d(in, out, new int[] {1}, 1, false).stride(stride), new BatchNorm2d(out)))
                : null;
    }

    /** True when the shortcut is a 1×1 projection rather than the identity. */
    public boolean projects() {
        return downsample != null;
    }

    @Override
    protected Tensor compute(Tensor x) {
        Tensor f = bn2.forward(conv2.forward(bn1.forward(conv1.forward(x)).relu()));
        Tensor shortcut = downsample == null ? x : downsample.forward(x);
        return f.add(shortcut).relu();
    }
}
