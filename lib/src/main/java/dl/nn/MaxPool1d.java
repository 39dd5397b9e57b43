package dl.nn;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * Max pooling over sequences [N, C, L]: y[n,c,t] = max_i x[n, c, s·t + i − p], output length
 * ⌊(L + 2p − k) / s⌋ + 1; stride defaults to the window. Runs as a {@link MaxPool2d} of height 1.
 */
public class MaxPool1d extends Module {

    private final int kernel;
    private int stride;
    private int padding;

    public MaxPool1d(int kernel) {
        if (kernel <= 0) {
            throw new IllegalArgumentException("MaxPool1d: kernel must be positive, got " + kernel);
        }
        this.kernel = kernel;
        this.stride = kernel;
    }

    public MaxPool1d stride(int s) {
        if (s <= 0) {
            throw new IllegalArgumentException("MaxPool1d: stride must be positive, got " + s);
        }
        this.stride = s;
        return this;
    }

    public MaxPool1d padding(int p) {
        if (p < 0 || p > kernel / 2) {
            throw new IllegalArgumentException("MaxPool1d: padding should be >= 0 and at most half of the kernel " + kernel + ", got " + p);
        }
        this.padding = p;
        return this;
    }

    @Override
    protected Tensor compute(Tensor x) {
        if (x.rank() != 3) {
            throw new ShapeException("MaxPool1d.forward: input x has shape " + Arrays.toString(x.shape()) + ", expected (N, C, L)");
        }
        if (x.size(2) + 2L * padding < kernel) {
            throw new ShapeException("MaxPool1d.forward: input x has shape " + Arrays.toString(x.shape())
                    + ": the padded length " + (x.size(2) + 2L * padding) + " is shorter than the kernel " + kernel);
        }
        return ConvOps.maxPool2d(x.unsqueeze(2), new int[] {1, kernel}, new int[] {1, stride}, new int[] {0, padding},
                new int[] {1, 1}).squeeze(2);
    }

    @Override
    protected String extraRepr() {
        return "kernel=" + kernel + (stride != kernel ? ", stride=" + stride : "") + (padding != 0 ? ", padding=" + padding : "");
    }
}
