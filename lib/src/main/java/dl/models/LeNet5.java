package dl.models;

import dl.nn.Conv2d;
import dl.nn.Flatten;
import dl.nn.Linear;
import dl.nn.MaxPool2d;
import dl.nn.ReLU;
import dl.nn.Sequential;

/**
 * LeNet-5 (LeCun et al. 1998) for 28×28 images, padded by 2 so the first convolution sees the
 * original 32×32: conv 5×5 1→6 (28×28) → pool 2 (14) → conv 5×5 6→16 (10) → pool 2 (5) →
 * flatten 400 → 120 → 84 → 10. Parameters 156 + 2,416 + 48,120 + 10,164 + 850 = 61,706.
 * Modern choices: ReLU and max pooling instead of tanh and subsampling.
 */
public class LeNet5 extends Sequential {

    public LeNet5() {
        this(1, 10);
    }

    public LeNet5(int inChannels, int classes) {
        super(new Conv2d(inChannels, 6, 5).padding(2), new ReLU(), new MaxPool2d(2),
                new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(400, 120), new ReLU(), new Linear(120, 84), new ReLU(), new Linear(84, classes));
    }
}
