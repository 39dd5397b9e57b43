package dl.models;

import dl.nn.Dropout;
import dl.nn.GlobalAvgPool2d;
import dl.nn.Linear;
import dl.nn.MaxPool2d;
import dl.nn.Module;
import dl.nn.Sequential;
import dl.tensor.Tensor;

/**
 * GoogLeNet (Szegedy et al. 2014) as torchvision builds it without the auxiliary heads: a stem
 * (7×7/2 conv 64, pool, 1×1 64, 3×3 192, pool), nine Inception blocks (3a, 3b, pool, 4a-4e, pool,
 * 5a, 5b: 192 → 256 → 480 → 512 → 512 → 512 → 528 → 832 → 832 → 1024 channels), global average
 * pooling, dropout 0.2 and one linear layer. Parameters for 1000 classes: 6,624,904
 * (torchvision's published count; its units are conv + BN + ReLU and the "5×5" branch uses 3×3).
 * Pools use padding 1 where torchvision uses ceil_mode, which gives the same sizes on 224×224.
 * {@link #small} uses the paper's blocks on small images.
 */
public class GoogLeNet extends Module {

    private final Module body;
    private final Module head;

    private GoogLeNet(Module body, Module head) {
        this.body = add("body", body);
        this.head = add("head", head);
    }

    public GoogLeNet(int classes) {
        this(new Sequential(
                        new ConvBnRelu(3, 64, 7, 2, 3, 1e-3), new MaxPool2d(3).stride(2).padding(1),
                        new ConvBnRelu(64, 64, 1, 1, 0, 1e-3), new ConvBnRelu(64, 192, 3, 1, 1, 1e-3),
                        new MaxPool2d(3).stride(2).padding(1),
                        InceptionBlock.torchvision(192, 64, 96, 128, 16, 32, 32),
                        InceptionBlock.torchvision(256, 128, 128, 192, 32, 96, 64),
                        new MaxPool2d(3).stride(2).padding(1),
                        InceptionBlock.torchvision(480, 192, 96, 208, 16, 48, 64),
                        InceptionBlock.torchvision(512, 160, 112, 224, 24, 64, 64),
                        InceptionBlock.torchvision(512, 128, 128, 256, 24, 64, 64),
                        InceptionBlock.torchvision(512, 112, 144, 288, 32, 64, 64),
                        InceptionBlock.torchvision(528, 256, 160, 320, 32, 128, 128),
                        new MaxPool2d(2).stride(2),
                        InceptionBlock.torchvision(832, 256, 160, 320, 32, 128, 128),
                        InceptionBlock.torchvision(832, 384, 192, 384, 48, 128, 128)),
                new Sequential(new GlobalAvgPool2d(), new Dropout(0.2), new Linear(1024, classes)));
    }

    /** Paper-style Inception blocks for 28×28 / 32×32 images: stem 3×3 conv 32, two blocks, pool, two blocks, GAP. */
    public static GoogLeNet small(int inChannels, int classes) {
        return new GoogLeNet(new Sequential(
                        new ConvBnRelu(inChannels, 32, 3, 1, 1),
                        new MaxPool2d(2),
                        new InceptionBlock(32, 16, 16, 24, 4, 8, 8),
                        new InceptionBlock(56, 24, 24, 32, 8, 16, 16),
                        new MaxPool2d(2),
                        new InceptionBlock(88, 32, 32, 48, 8, 16, 16),
                        new InceptionBlock(112, 48, 32, 64, 8, 16, 16)),
                new Sequential(new GlobalAvgPool2d(), new Dropout(0.2), new Linear(144, classes)));
    }

    @Override
    protected Tensor compute(Tensor x) {
        return head.forward(body.forward(x));
    }
}
