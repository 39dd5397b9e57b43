package dl.models;

import dl.nn.MaxPool2d;
import dl.nn.Module;
import dl.nn.Sequential;
import dl.tensor.Tensor;

/**
 * A U-Net contracting step: 2×2 max pool (halves H and W), then two 3×3 conv + BN + ReLU
 * (padding 1, so the size is kept; the original U-Net used no padding and lost 2 pixels per conv).
 */
public class UNetDown extends Module {

    private final Module body;

    public UNetDown(int in, int out) {
        body = add("body", new Sequential(new MaxPool2d(2), new ConvBnRelu(in, out, 3, 1, 1), new ConvBnRelu(out, out, 3, 1, 1)));
    }

    @Override
    protected Tensor compute(Tensor x) {
        return body.forward(x);
    }
}
