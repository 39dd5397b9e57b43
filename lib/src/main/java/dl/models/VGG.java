package dl.models;

import dl.nn.AdaptiveAvgPool2d;
import dl.nn.Conv2d;
import dl.nn.Dropout;
import dl.nn.Linear;
import dl.nn.MaxPool2d;
import dl.nn.Module;
import dl.nn.ReLU;
import dl.nn.Sequential;
import dl.tensor.Tensor;

/**
 * VGG (Simonyan and Zisserman 2014): stacks of 3×3 convolutions (padding 1, ReLU), a 2×2 max pool
 * after each stack, channels doubling 64 → 128 → 256 → 512 and stopping at 512; then
 * 7×7×512 = 25,088 → 4096 → 4096 → classes with dropout. Two 3×3 convolutions see 5×5 with
 * fewer parameters than one 5×5. Parameters for 1000 classes: VGG-11 132,863,336, VGG-16
 * 138,357,544 (553.4 MB in float32). Layer names as torchvision (features.N, classifier.N).
 */
public class VGG extends Module {

    /** Channel counts of the convolutions; 0 marks a max pool. */
    static final int[] VGG11 = {64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0};
    static final int[] VGG16 = {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0};

    private final Sequential features;
    private final Module avgpool;
    private final Sequential classifier;

    private VGG(int inChannels, int[] config, int pooled, int hidden, int classes) {
        features = add("features", stacks(inChannels, config));
        int last = 0;
        for (int c : config) {
            last = c == 0 ? last : c;
        }
        avgpool = add("avgpool", new AdaptiveAvgPool2d(pooled));
        classifier = add("classifier", new Sequential(new Linear(last * pooled * pooled, hidden), new ReLU(), new Dropout(0.5),
                new Linear(hidden, hidden), new ReLU(), new Dropout(0.5), new Linear(hidden, classes)));
    }

    private static Sequential stacks(int in, int[] config) {
        Sequential s = new Sequential();
        int c = in;
        for (int out : config) {
            if (out == 0) {
                s.add(new MaxPool2d(2));
            } else {
                s.add(new Conv2d(c, out, 3).padding(1)).add(new ReLU());
                c = out;
            }
        }
        return s;
    }

    /** VGG-11 (configuration A) for 224×224 RGB images. */
    public static VGG vgg11(int classes) {
        return new VGG(3, VGG11, 7, 4096, classes);
    }

    /** VGG-16 (configuration D) for 224×224 RGB images. */
    public static VGG vgg16(int classes) {
        return new VGG(3, VGG16, 7, 4096, classes);
    }

    /** A VGG for 32×32 images: stacks 32, 64, 128×2, 128×2 with pools (32 → 2), head 512 → 256 → 256 → classes. */
    public static VGG small(int inChannels, int classes) {
        return new VGG(inChannels, new int[] {32, 0, 64, 0, 128, 128, 0, 128, 128, 0}, 2, 256, classes);
    }

    public Sequential features() {
        return features;
    }

    @Override
    protected Tensor compute(Tensor x) {
        return classifier.forward(avgpool.forward(features.forward(x)).flatten(1));
    }
}
