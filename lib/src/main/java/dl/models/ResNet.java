package dl.models;

import dl.nn.BatchNorm2d;
import dl.nn.Conv2d;
import dl.nn.GlobalAvgPool2d;
import dl.nn.Linear;
import dl.nn.MaxPool2d;
import dl.nn.Module;
import dl.nn.Sequential;
import dl.tensor.Tensor;

/**
 * ResNet (He et al. 2015) with basic {@link ResidualBlock}s. ResNet-18: 7×7/2 conv 64 + BN + ReLU,
 * 3×3/2 max pool, four stages of two blocks (64, 128/2, 256/2, 512/2; the first block of a stage
 * that halves the size projects its shortcut with a 1×1 conv), global average pooling, one linear
 * layer. Parameters for 1000 classes: 11,689,512 (torchvision's count; the blocks have
 * torchvision's names layer1.0.conv1, ..., fc; the stem is stem.0, stem.1 instead of conv1, bn1). {@link #small} is a ResNet for 28×28 / 32×32 images.
 */
public class ResNet extends Module {

    private final Module stem;
    private final Sequential[] stages;
    private final Module pool;
    private final Linear fc;

    private ResNet(Module stem, int[] widths, int blocksPerStage, int classes) {
        this.stem = add("stem", stem);
        this.stages = new Sequential[widths.length];
        int in = widths[0];
        for (int s = 0; s < widths.length; s++) {
            Sequential stage = new Sequential();
            for (int b = 0; b < blocksPerStage; b++) {
                stage.add(new ResidualBlock(in, widths[s], b == 0 && s > 0 ? 2 : 1));
                in = widths[s];
            }
            stages[s] = add("layer" + (s + 1), stage);
        }
        this.pool = add("avgpool", new GlobalAvgPool2d());
        this.fc = add("fc", new Linear(in, classes));
    }

    /** ResNet-18 for 224×224 RGB images. */
    public static ResNet resnet18(int classes) {
        Module stem = new Sequential(new Conv2d(3, 64, new int[] {7}, 1, false).stride(2).padding(3), new BatchNorm2d(64),
                new dl.nn.ReLU(), new MaxPool2d(3).stride(2).padding(1));
        return new ResNet(stem, new int[] {64, 128, 256, 512}, 2, classes);
    }

    /** For 28×28 / 32×32 images: 3×3 conv 16 + BN + ReLU, stages 16, 32/2, 64/2 of two blocks each, GAP, linear. */
    public static ResNet small(int inChannels, int classes) {
        Module stem = new Sequential(new Conv2d(inChannels, 16, new int[] {3}, 1, false).padding(1), new BatchNorm2d(16), new dl.nn.ReLU());
        return new ResNet(stem, new int[] {16, 32, 64}, 2, classes);
    }

    @Override
    protected Tensor compute(Tensor x) {
        Tensor y = stem.forward(x);
        for (Sequential s : stages) {
            y = s.forward(y);
        }
        return fc.forward(pool.forward(y));
    }
}
