package dl.loss;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary cross-entropy on probabilities p ∈ [0, 1] with targets y ∈ [0, 1] (usually 0 or 1; others are refused):
 * l_i = −(y_i log p_i + (1 − y_i) log(1 − p_i)), which is −log p(y) for y ∈ {0, 1}.
 *
 * <p>As in PyTorch, each log is clamped at −100, so p = 0 or 1 gives a large finite loss and
 * not infinity, and the derivative's denominator is kept away from 0:
 * ∂l_i/∂p_i = (p_i − y_i) / max(p_i (1 − p_i), 1e-12),  ∂l_i/∂y_i = log(1 − p_i) − log p_i.
 * For raw scores prefer {@link BCEWithLogitsLoss}, which is stable and cheaper.
 */
public final class BCELoss extends ElementwiseLoss {

    /** PyTorch's lower bound for log p and log(1 − p). */
    static final double LOG_FLOOR = -100;
    /** PyTorch's lower bound for p (1 − p) in the derivative: the float 1e-12, as in its C++ source. */
    static final double EPSILON = 1e-12f;

    public BCELoss() {
        this(Reduction.MEAN);
    }

    public BCELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    protected void check(Tensor prediction, Tensor target) {
        Targets.checkProbabilityTarget(name(), target);
        INDArray p = prediction.data();
        double min = p.minNumber().doubleValue();
        double max = p.maxNumber().doubleValue();
        if (min >= 0 && max <= 1 && !Double.isNaN(p.sumNumber().doubleValue())) {
            return;
        }
        double[] values = prediction.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException(name() + ": prediction must hold probabilities in [0, 1], got "
                        + values[i] + " at " + Targets.position(i, prediction.shape())
                        + "; hint: apply sigmoid() first, or use BCEWithLogitsLoss on the raw scores");
            }
        }
    }

    @Override
    protected Tensor perElement(Tensor prediction, Tensor target) {
        INDArray p = prediction.data();
        INDArray y = target.data();
        INDArray logP = Transforms.max(Transforms.log(p, true), LOG_FLOOR, false);
        INDArray log1mP = Transforms.max(Transforms.log1p(p.neg(), false), LOG_FLOOR, false);
        INDArray logOdds = logP.sub(log1mP);
        // −(y log p + (1 − y) log(1 − p)) = −(log(1 − p) + y (log p − log(1 − p)))
        INDArray loss = y.mul(logOdds).addi(log1mP).negi();
        return Tensor.op("bce", loss, g -> {
            INDArray variance = Transforms.max(p.rsub(1).muli(p), EPSILON, false);
            INDArray dp = g.mul(p.sub(y)).divi(variance);
            return new INDArray[] {dp, target.requiresGrad() ? g.mul(logOdds).negi() : null};
        }, prediction, target);
    }
}
