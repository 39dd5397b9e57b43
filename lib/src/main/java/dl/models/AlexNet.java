package dl.models;

import dl.nn.AdaptiveAvgPool2d;
import dl.nn.Conv2d;
import dl.nn.Dropout;
import dl.nn.Flatten;
import dl.nn.Linear;
import dl.nn.MaxPool2d;
import dl.nn.Module;
import dl.nn.ReLU;
import dl.nn.Sequential;
import dl.tensor.Tensor;

/**
 * AlexNet (Krizhevsky et al. 2012) as one tower: conv 11×11/4 96 → pool 3/2 → conv 5×5 256 →
 * pool → conv 3×3 384, 384, 256 → pool → 6×6×256 = 9,216 → 4096 → 4096 → classes, ReLU and
 * dropout 0.5. On a 227 input the maps are 55 → 27 → 27 → 13 → 13 → 13 → 13 → 6; an adaptive
 * average pool to 6×6 also accepts 224. Parameters for 1000 classes: 62,378,344 (the original
 * two-GPU layout with grouped convolutions has 60,965,224). {@link #small} is a scaled-down
 * version with the same pattern for 32×32 or 28×28 inputs.
 */
public class AlexNet extends Module {

    private final Module features;
    private final Module avgpool;
    private final Module classifier;

    public AlexNet(int classes) {
        this(new Sequential(
                        new Conv2d(3, 96, 11).stride(4), new ReLU(), new MaxPool2d(3).stride(2),
                        new Conv2d(96, 256, 5).padding(2), new ReLU(), new MaxPool2d(3).stride(2),
                        new Conv2d(256, 384, 3).padding(1), new ReLU(),
                        new Conv2d(384, 384, 3).padding(1), new ReLU(),
                        new Conv2d(384, 256, 3).padding(1), new ReLU(), new MaxPool2d(3).stride(2)),
                new AdaptiveAvgPool2d(6),
                new Sequential(new Dropout(0.5), new Linear(256 * 6 * 6, 4096), new ReLU(),
                        new Dropout(0.5), new Linear(4096, 4096), new ReLU(), new Linear(4096, classes)));
    }

    private AlexNet(Module features, Module avgpool, Module classifier) {
        this.features = add("features", features);
        this.avgpool = add("avgpool", avgpool);
        this.classifier = add("classifier", classifier);
    }

    /** The same pattern for small images (32×32 or 28×28, any channel count): 5 convs, 3 pools, 3 FC layers. */
    public static AlexNet small(int inChannels, int classes) {
        return new AlexNet(new Sequential(
                        new Conv2d(inChannels, 32, 3).padding(1), new ReLU(), new MaxPool2d(2),
                        new Conv2d(32, 64, 3).padding(1), new ReLU(), new MaxPool2d(2),
                        new Conv2d(64, 96, 3).padding(1), new ReLU(),
                        new Conv2d(96, 96, 3).padding(1), new ReLU(),
                        new Conv2d(96, 64, 3).padding(1), new ReLU(), new MaxPool2d(2)),
                new AdaptiveAvgPool2d(3),
                new Sequential(new Dropout(0.5), new Linear(64 * 3 * 3, 256), new ReLU(),
                        new Dropout(0.5), new Linear(256, 256), new ReLU(), new Linear(256, classes)));
    }

    public Module features() {
        return features;
    }

    @Override
    protected Tensor compute(Tensor x) {
        return classifier.forward(avgpool.forward(features.forward(x)).flatten(1));
    }
}
