package dl.loss;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary cross-entropy on raw scores (logits) z with targets y: the same value as
 * {@link BCELoss} on p = σ(z), written so that no step overflows for large |z|:
 * l_i = max(z_i, 0) − z_i y_i + log(1 + e^{−|z_i|}).
 *
 * <p>Derivative: ∂l_i/∂z_i = σ(z_i) − y_i (the prediction error), ∂l_i/∂y_i = −z_i.
 * Same as {@code torch.nn.BCEWithLogitsLoss} without weights, and without broadcasting.
 */
public final class BCEWithLogitsLoss extends ElementwiseLoss {

    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    public BCEWithLogitsLoss(Reduction reduction) {
        super(reduction);
    }

    /** Targets are probabilities in [0, 1] (the logits may be any value). */
    @Override
    protected void check(Tensor logits, Tensor target) {
        Targets.checkProbabilityTarget(name(), target);
    }

    @Override
    protected Tensor perElement(Tensor logits, Tensor target) {
        INDArray z = logits.data();
        INDArray y = target.data();
        INDArray softplusOfMinusAbs = Transforms.log1p(Transforms.exp(Transforms.abs(z, true).negi(), false), false);
        INDArray loss = Transforms.relu(z, true).subi(z.mul(y)).addi(softplusOfMinusAbs);
        return Tensor.op("bceWithLogits", loss, g -> new INDArray[] {
            g.mul(Transforms.sigmoid(z, true).subi(y)),
            target.requiresGrad() ? g.mul(z).negi() : null
        }, logits, target);
    }
}
