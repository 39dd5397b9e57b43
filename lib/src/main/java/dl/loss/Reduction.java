package dl.loss;

import dl.tensor.Tensor;
import java.util.Locale;

/**
 * How a loss turns its per-element (or per-sample) values l_i into what it returns, as PyTorch's
 * {@code reduction} argument:
 * <ul>
 *   <li>{@link #MEAN}: (1/n) Σ l_i, a scalar (the default);</li>
 *   <li>{@link #SUM}: Σ l_i, a scalar;</li>
 *   <li>{@link #NONE}: the l_i themselves, one per element (or one per sample for
 *       cross-entropy and NLL).</li>
 * </ul>
 */
public enum Reduction {
    MEAN,
    SUM,
    NONE;

    /** Reduces per-element losses with differentiable ops, so the gradient of MEAN carries the 1/n. */
    public Tensor apply(Tensor perElement) {
        return switch (this) {
            case MEAN -> perElement.mean();
            case SUM -> perElement.sum();
            case NONE -> perElement;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
