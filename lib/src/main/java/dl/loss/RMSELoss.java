package dl.loss;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Root mean squared error: RMSE = √MSE = √((1/n) Σ (ŷ_i − y_i)²), in the units of the target.
 * With {@link Reduction#SUM} it is √(Σ (ŷ_i − y_i)²) (the Euclidean norm of the error), with
 * {@link Reduction#NONE} the per-element √((ŷ_i − y_i)²) = |ŷ_i − y_i|: always the square root
 * of {@link MSELoss} with the same reduction (PyTorch has no RMSE class; this is
 * {@code torch.sqrt(mse_loss(...))}).
 *
 * <p>Derivative: ∂√m/∂m = 1 / (2√m), taken as 0 where m = 0 (a perfect fit), where the
 * square root has no derivative and autograd would otherwise give NaN.
 */
public final class RMSELoss extends Loss {

    private final MSELoss mse;

    public RMSELoss() {
        this(Reduction.MEAN);
    }

    public RMSELoss(Reduction reduction) {
        super(reduction);
        this.mse = new MSELoss(reduction);
    }

    @Override
    public Tensor forward(Tensor prediction, Tensor target) {
        Tensor m = mse.forward(prediction, target);
        INDArray root = Transforms.sqrt(m.data(), true);
        return Tensor.op("rmse", root, g -> {
            INDArray positive = root.gt(0).castTo(root.dataType());
            // 1 / (2√m) where m > 0; the denominator becomes 1 (and the factor 0) where m = 0
            INDArray denominator = root.mul(2).addi(positive.rsub(1));
            return new INDArray[] {g.mul(positive).divi(denominator)};
        }, m);
    }
}
