package dl.loss;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Mean absolute error (MAE, L1 loss): l_i = |ŷ_i − y_i|, reduced by the mean by default.
 * Robust to outliers: every element pulls with the same force.
 *
 * <p>Derivative: ∂l_i/∂ŷ_i = sign(ŷ_i − y_i) (0 where ŷ_i = y_i, as PyTorch), so with the mean
 * each gradient is ±1/n. Same as {@code torch.nn.L1Loss}, without broadcasting.
 */
public final class L1Loss extends ElementwiseLoss {

    public L1Loss() {
        this(Reduction.MEAN);
    }

    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    @Override
    protected Tensor perElement(Tensor prediction, Tensor target) {
        INDArray e = prediction.data().sub(target.data());
        INDArray sign = Transforms.sign(e, true);
        return Tensor.op("l1", Transforms.abs(e, false),
                g -> new INDArray[] {g.mul(sign), target.requiresGrad() ? g.mul(sign).negi() : null},
                prediction, target);
    }
}
