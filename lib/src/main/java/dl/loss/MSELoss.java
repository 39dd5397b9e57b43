package dl.loss;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mean squared error: l_i = (ŷ_i − y_i)², reduced by the mean by default:
 * MSE = (1/n) Σ (ŷ_i − y_i)². Smooth, and large errors dominate it (sensitive to outliers).
 *
 * <p>Derivative of one element: ∂l_i/∂ŷ_i = 2 (ŷ_i − y_i), ∂l_i/∂y_i = −2 (ŷ_i − y_i).
 * Same as {@code torch.nn.MSELoss}, but prediction and target must have the same shape.
 */
public final class MSELoss extends ElementwiseLoss {

    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    protected Tensor perElement(Tensor prediction, Tensor target) {
        INDArray e = prediction.data().sub(target.data());
        return Tensor.op("mse", e.mul(e),
                g -> new INDArray[] {g.mul(e).muli(2), target.requiresGrad() ? g.mul(e).muli(-2) : null},
                prediction, target);
    }
}
