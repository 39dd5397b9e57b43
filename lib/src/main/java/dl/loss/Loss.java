package dl.loss;

import dl.tensor.Tensor;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

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

    /**
     * A batch's labels {@code y} as this loss takes them for {@code prediction}: values in the
     * prediction's precision and, for a prediction [N, 1], labels [N] as [N, 1]. Losses on class
     * ids override this (datasets keep ids as whole floating-point numbers).
     */
    public Tensor targetFor(INDArray y, Tensor prediction) {
        INDArray t = y.dataType() == prediction.dtype() ? y : y.castTo(prediction.dtype());
        if (t.rank() == 1 && prediction.rank() == 2 && prediction.size(1) == 1 && prediction.size(0) == t.length()) {
            t = t.reshape(t.length(), 1);
        }
        return Tensor.of(t);
    }

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
