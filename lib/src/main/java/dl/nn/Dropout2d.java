package dl.nn;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Channel dropout for feature maps [N, C, H, W]: in training each whole channel is kept with
 * probability 1 − p (one mask value per (n, c), Nd4j's seeded generator) and scaled by 1/(1 − p),
 * so neighbouring, correlated pixels are dropped together. Evaluation returns x unchanged.
 * dL/dx = g·m/(1 − p) with the same mask.
 */
public class Dropout2d extends Module {

    private final double p;

    public Dropout2d(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Dropout2d: p must be in [0, 1], got " + p);
        }
        this.p = p;
    }

    @Override
    protected Tensor compute(Tensor x) {
        if (x.rank() != 4) {
            throw new ShapeException("Dropout2d.forward: input x has shape " + Arrays.toString(x.shape()) + ", expected (N, C, H, W)");
        }
        if (!isTraining() || p == 0) {
            return x;
        }
        INDArray keep = Nd4j.rand(x.dtype(), x.size(0), x.size(1), 1, 1).lt(1 - p).castTo(x.dtype());
        return x.mul(new Tensor(keep.muli(p == 1 ? 0 : 1 / (1 - p))));
    }

    @Override
    protected String extraRepr() {
        return "p=" + p;
    }
}
