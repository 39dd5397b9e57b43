package dl.models;

import dl.nn.ConvTranspose2d;
import dl.nn.Module;
import dl.nn.Sequential;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * A U-Net expanding step: a 2×2 transposed convolution with stride 2 doubles H and W and halves
 * the channels; the skip connection from the contracting path (centre-cropped to the same size,
 * "copy and crop") is concatenated along the channels; two 3×3 conv + BN + ReLU follow.
 * Call {@link #forward(Tensor, Tensor)}: it needs the skip tensor.
 */
public class UNetUp extends Module {

    private final ConvTranspose2d up;
    private final Module body;

    /** {@code in} channels from below; the skip has in/2 channels; {@code out} channels result. */
    public UNetUp(int in, int out) {
        up = add("up", new ConvTranspose2d(in, in / 2, 2).stride(2));
        body = add("body", new Sequential(new ConvBnRelu(in, out, 3, 1, 1), new ConvBnRelu(out, out, 3, 1, 1)));
    }

    public Tensor forward(Tensor x, Tensor skip) {
        return inLayerContext(() -> {
            Tensor u = up.forward(x);
            long dh = skip.size(2) - u.size(2);
            long dw = skip.size(3) - u.size(3);
            if (dh < 0 || dw < 0) {
                throw new ShapeException("UNetUp.forward: the skip " + Arrays.toString(skip.shape())
                        + " is smaller than the upsampled input " + Arrays.toString(u.shape()));
            }
            Tensor cropped = skip.slice(2, dh / 2, dh / 2 + u.size(2)).slice(3, dw / 2, dw / 2 + u.size(3));
            return body.forward(Tensor.concat(1, cropped, u));
        });
    }

    @Override
    protected Tensor compute(Tensor x) {
        throw new UnsupportedOperationException("UNetUp needs the skip connection: call forward(x, skip)");
    }
}
