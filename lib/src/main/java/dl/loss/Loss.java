package dl.loss;

import dl.tensor.Tensor;
import java.util.Objects;

/**
 * A loss L(prediction, target): a differentiable function whose {@code backward()} fills the
 * gradient of every parameter that produced {@code prediction}. Each subclass documents its
 * formula l_i for one element (or one sample) and its derivative; {@link Reduction} says how
 * the l_i are combined.
 */
public abstract class Loss {

    private final Reduction reduction;

    protected Loss(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction must not be null; use Reduction.MEAN");
    }

    public Reduction reduction() {
        return reduction;
    }

    /** The loss of {@code prediction} against {@code target}. */
    public abstract Tensor forward(Tensor prediction, Tensor target);

    /** The class name as shown in messages, e.g. "MSELoss". */
    public String name() {
        return getClass().getSimpleName();
    }

    /** Extra settings shown by {@link #toString()} after the reduction, e.g. "delta=1.0". */
    protected String settings() {
        return "";
    }

    @Override
    public String toString() {
        String extra = settings();
        return name() + "(" + (extra.isEmpty() ? "" : extra + ", ") + "reduction=" + reduction + ")";
    }
}
