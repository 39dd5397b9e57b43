package dl.models;

import dl.nn.Conv2d;
import dl.nn.ConvTranspose2d;
import dl.nn.Module;
import dl.nn.ReLU;
import dl.nn.Sequential;
import dl.nn.Sigmoid;
import dl.tensor.Tensor;

/**
 * A convolutional autoencoder for 28×28 images in [0, 1]: the encoder halves the size twice with
 * stride-2 convolutions (28 → 14 → 7, channels 16 and 32), the decoder doubles it back with
 * transposed convolutions (k3, s2, p1, output_padding 1: 7 → 14 → 28) and ends in a sigmoid.
 * Train it on Σ L(x, g(f(x))); {@link #encode} gives the code [N, 32, 7, 7].
 */
public class ConvAutoencoder extends Module {

    private final Module encoder;
    private final Module decoder;

    public ConvAutoencoder(int channels) {
        encoder = add("encoder", new Sequential(new Conv2d(channels, 16, 3).stride(2).padding(1), new ReLU(),
                new Conv2d(16, 32, 3).stride(2).padding(1), new ReLU()));
        decoder = add("decoder", new Sequential(new ConvTranspose2d(32, 16, 3).stride(2).padding(1).outputPadding(1), new ReLU(),
                new ConvTranspose2d(16, channels, 3).stride(2).padding(1).outputPadding(1), new Sigmoid()));
    }

    public Tensor encode(Tensor x) {
        return encoder.forward(x);
    }

    public Tensor decode(Tensor code) {
        return decoder.forward(code);
    }

    @Override
    protected Tensor compute(Tensor x) {
        return decode(encode(x));
    }
}
