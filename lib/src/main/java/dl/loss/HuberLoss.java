package dl.loss;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Huber loss with threshold δ > 0 (default 1), PyTorch's {@code HuberLoss} definition: with
 * e_i = ŷ_i − y_i,
 * l_i = ½ e_i²            if |e_i| &lt; δ,
 * l_i = δ (|e_i| − ½ δ)   otherwise:
 * quadratic (like MSE) for small errors, linear (like MAE) for large ones, so outliers pull
 * with a bounded force.
 *
 * <p>Derivative: ∂l_i/∂ŷ_i = clamp(e_i, −δ, δ), ∂l_i/∂y_i = −clamp(e_i, −δ, δ).
 */
public final class HuberLoss extends ElementwiseLoss {

    private final double delta;

    public HuberLoss() {
        this(1.0, Reduction.MEAN);
    }

    public HuberLoss(double delta) {
        this(delta, Reduction.MEAN);
    }

    public HuberLoss(double delta, Reduction reduction) {
        super(reduction);
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("HuberLoss: delta must be > 0 and finite, got " + delta);
        }
        this.delta = delta;
    }

    public double delta() {
        return delta;
    }

    @Override
    protected String settings() {
        return "delta=" + delta;
    }

    @Override
    protected Tensor perElement(Tensor prediction, Tensor target) {
        INDArray e = prediction.data().sub(target.data());
        INDArray absE = Transforms.abs(e, true);
        INDArray quadratic = absE.lt(delta).castTo(e.dataType());
        INDArray linear = quadratic.rsub(1);
        INDArray loss = e.mul(e).muli(0.5).muli(quadratic)
                .addi(absE.sub(0.5 * delta).muli(delta).muli(linear));
        return Tensor.op("huber", loss, g -> {
            INDArray clamped = Transforms.max(Transforms.min(e, delta, true), -delta, false);
            return new INDArray[] {g.mul(clamped), target.requiresGrad() ? g.mul(clamped).negi() : null};
        }, prediction, target);
    }
}
