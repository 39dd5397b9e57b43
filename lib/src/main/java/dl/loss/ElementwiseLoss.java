package dl.loss;

import dl.tensor.Tensor;

/**
 * A loss computed element by element from a prediction and a target of the same shape
 * (no broadcasting: a [N, 1] prediction against a [N] target is an error, not an [N, N] loss).
 */
public abstract class ElementwiseLoss extends Loss {

    protected ElementwiseLoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public final Tensor forward(Tensor prediction, Tensor target) {
        Tensor t = Targets.matching(name(), prediction, target);
        check(prediction, t);
        return reduction().apply(perElement(prediction, t));
    }

    /** Extra checks of the values before any work (e.g. probabilities in [0, 1]). */
    protected void check(Tensor prediction, Tensor target) {}

    /** The loss l_i of every element, as one differentiable op, in the prediction's shape. */
    protected abstract Tensor perElement(Tensor prediction, Tensor target);
}
