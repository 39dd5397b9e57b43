package dl.models;

import dl.nn.Conv2d;
import dl.nn.Module;
import dl.nn.Sequential;
import dl.tensor.Tensor;

/**
 * A small U-Net (Ronneberger et al. 2015) for segmentation: a double conv to {@code width}
 * channels, two {@link UNetDown} steps (×2 channels, ½ size each), two {@link UNetUp} steps that
 * concatenate the matching skip maps, and a 1×1 convolution to per-pixel class scores
 * [N, classes, H, W]. H and W must be divisible by 4.
 */
public class UNet extends Module {

    private final Module inc;
    private final UNetDown down1;
    private final UNetDown down2;
    private final UNetUp up1;
    private final UNetUp up2;
    private final Conv2d head;

    public UNet(int inChannels, int classes, int width) {
        inc = add("inc", new Sequential(new ConvBnRelu(inChannels, width, 3, 1, 1), new ConvBnRelu(width, width, 3, 1, 1)));
        down1 = add("down1", new UNetDown(width, 2 * width));
        down2 = add("down2", new UNetDown(2 * width, 4 * width));
        up1 = add("up1", new UNetUp(4 * width, 2 * width));
        up2 = add("up2", new UNetUp(2 * width, width));
        head = add("head", new Conv2d(width, classes, 1));
    }

    @Override
    protected Tensor compute(Tensor x) {
        Tensor x1 = inc.forward(x);
        Tensor x2 = down1.forward(x1);
        Tensor x3 = down2.forward(x2);
        return head.forward(up2.forward(up1.forward(x3, x2), x1));
    }
}
