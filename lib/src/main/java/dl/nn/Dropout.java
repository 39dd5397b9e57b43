package dl.nn;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dropout with drop probability p. In training each value is kept with probability 1 − p
 * (mask m ~ Bernoulli(1 − p), drawn from Nd4j's seeded generator) and zeroed otherwise.
 *
 * <ul>
 * <li>Inverted (the default, as PyTorch): train y = x·m / (1 − p), eval y = x. The scaling
 *     keeps E[y] = x during training, so evaluation needs no change.</li>
 * <li>Classic ({@link #classic(double)}): train y = x·m, eval y = (1 − p)·x, so that eval equals
 *     the training expectation E[x·m] = (1 − p)·x.</li>
 * </ul>
 * Gradient: dL/dx = g·m·scale, the same mask as the forward pass.
 */
public class Dropout extends Module {

    private final double p;
    private final boolean inverted;
    private INDArray lastMask;

    /** Inverted dropout dropping each value with probability {@code p}. */
    public Dropout(double p) {
        this(p, true);
    }

    private Dropout(double p, boolean inverted) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Dropout: p must be in [0, 1], got " + p);
        }
        this.p = p;
        this.inverted = inverted;
    }

    /** Classic dropout: no scaling in training, multiplies by (1 − p) in evaluation. */
    public static Dropout classic(double p) {
        return new Dropout(p, false);
    }

    public double p() {
        return p;
    }

    public boolean isInverted() {
        return inverted;
    }

    /** The keep mask (1 = kept, 0 = dropped) of the last training forward pass, or null. */
    public INDArray lastMask() {
        return lastMask;
    }

    @Override
    protected Tensor compute(Tensor x) {
        if (!isTraining()) {
            return inverted || p == 0 ? x : x.mul(1 - p);
        }
        INDArray keep = Nd4j.rand(x.dtype(), x.shape()).lt(1 - p).castTo(x.dtype()); // P(keep) = 1 − p
        return applyMask(x, keep);
    }

    /**
     * The training-mode formula with a given keep mask (0/1 values, the shape of x) instead of a
     * random one: y = x·m/(1 − p) (inverted) or x·m (classic). For worked examples and gradient checks.
     */
    public Tensor forwardWithMask(Tensor x, INDArray keepMask) {
        return inLayerContext(() -> {
            if (!Arrays.equals(keepMask.shape(), x.shape())) {
                throw new ShapeException("Dropout.forwardWithMask: mask has shape " + Arrays.toString(keepMask.shape())
                        + ", input has shape " + Arrays.toString(x.shape()));
            }
            return applyMask(x, keepMask.dataType() == x.dtype() ? keepMask : keepMask.castTo(x.dtype()));
        });
    }

    /** {@link #forwardWithMask(Tensor, INDArray)} with the keep mask as a tensor (0/1 values or a BOOL mask such as {@code u.gt(0.5)}). */
    public Tensor forwardWithMask(Tensor x, Tensor keepMask) {
        if (keepMask == null) {
            throw new IllegalArgumentException("Dropout.forwardWithMask: expected a keep mask of shape "
                    + Arrays.toString(x.shape()) + ", got null");
        }
        return forwardWithMask(x, keepMask.data());
    }

    private Tensor applyMask(Tensor x, INDArray keep) {
        lastMask = keep;
        double scale = inverted ? (p == 1 ? 0 : 1 / (1 - p)) : 1;
        INDArray factor = scale == 1 ? keep : keep.mul(scale);
        // y = x·m·scale;  dL/dx = g·m·scale
        return Tensor.op("dropout", x.data().mul(factor), g -> new INDArray[] {g.mul(factor)}, x);
    }

    @Override
    protected String extraRepr() {
        return "p=" + p + (inverted ? "" : ", classic");
    }
}
