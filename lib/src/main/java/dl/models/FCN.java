package dl.models;

import dl.nn.Conv2d;
import dl.nn.MaxPool2d;
import dl.nn.Module;
import dl.nn.ReLU;
import dl.nn.Sequential;
import dl.nn.Upsample;
import dl.tensor.Tensor;

/**
 * A small fully convolutional network (Long et al. 2015) for segmentation: two conv + pool stages
 * (¼ size), a 1×1 convolution as the classifier head (a Linear layer applied at every position),
 * and bilinear upsampling ×4 back to the input size: [N, classes, H, W]. No fully connected
 * layer, so any input size divisible by 4 works.
 */
public class FCN extends Module {

    private final Module features;
    private final Module head;
    private final Module upsample;

    public FCN(int inChannels, int classes, int width) {
        features = add("features", new Sequential(
                new Conv2d(inChannels, width, 3).padding(1), new ReLU(), new MaxPool2d(2),
                new Conv2d(width, 2 * width, 3).padding(1), new ReLU(), new MaxPool2d(2),
                new Conv2d(2 * width, 2 * width, 3).padding(1), new ReLU()));
        head = add("head", new Conv2d(2 * width, classes, 1));
        upsample = add("upsample", new Upsample(4, Upsample.Mode.BILINEAR));
    }

    @Override
    protected Tensor compute(Tensor x) {
        return upsample.forward(head.forward(features.forward(x)));
    }
}
