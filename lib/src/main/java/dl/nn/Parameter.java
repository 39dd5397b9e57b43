package dl.nn;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A tensor a {@link Module} learns: it requires a gradient unless it is frozen.
 *
 * <p>An optimizer updates {@link #data()} in place, so a parameter keeps its identity for the
 * whole training run (optimizer state is keyed by it). Freezing ({@link #freeze()}) simply
 * stops gradient collection: backward() leaves {@link #grad()} null and optimizers skip it.
 */
public class Parameter extends Tensor {

    /** A trainable parameter holding {@code data} (not copied). */
    public Parameter(INDArray data) {
        super(data, true);
    }

    /** Stops learning this parameter: no gradient is collected. Returns this. */
    public Parameter freeze() {
        requiresGrad(false);
        zeroGrad();
        return this;
    }

    /** Learns this parameter again. Returns this. */
    public Parameter unfreeze() {
        requiresGrad(true);
        return this;
    }

    /** True when the parameter does not collect gradients. */
    public boolean isFrozen() {
        return !requiresGrad();
    }

    @Override
    public String toString() {
        return "Parameter" + super.toString().substring("Tensor".length());
    }
}
