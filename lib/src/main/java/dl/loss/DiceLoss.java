package dl.loss;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * Soft Dice loss for segmentation: with predicted probabilities p and a 0/1 (or one-hot) target
 * t of the same shape [N, C, H, W] (or [N, H, W] for one class),
 * <pre>
 *   L = 1 − mean_c (2 Σ p·t + ε) / (Σ p + Σ t + ε)
 * </pre>
 * sums over the batch and pixels, per class c (axis 1 for rank 4). On 0/1 predictions it is
 * 1 − Dice. It does not depend on how many background pixels there are, which helps with small
 * objects. ε = 1 (smoothing) by default. Gradient by autograd through the tensor operations.
 */
public final class DiceLoss extends Loss {

    private final double eps;

    public DiceLoss() {
        this(1.0);
    }

    public DiceLoss(double eps) {
        super(Reduction.MEAN);
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("DiceLoss: eps must be >= 0, got " + eps);
        }
        this.eps = eps;
    }

    @Override
    public Tensor forward(Tensor probabilities, Tensor target) {
        if (!Arrays.equals(probabilities.shape(), target.shape()) || probabilities.rank() < 2) {
            throw new ShapeException("DiceLoss.forward: probabilities " + Arrays.toString(probabilities.shape())
                    + " and target " + Arrays.toString(target.shape()) + " must have the same shape [N, C, H, W] or [N, H, W]");
        }
        Tensor t = target.dtype() == probabilities.dtype() ? target : new Tensor(target.data().castTo(probabilities.dtype()), false);
        if (probabilities.rank() == 4) {
            Tensor inter = probabilities.mul(t).sum(false, 0, 2, 3);
            Tensor total = probabilities.sum(false, 0, 2, 3).add(t.sum(false, 0, 2, 3));
            return inter.mul(2).add(eps).div(total.add(eps)).mean().rsub(1);
        }
        Tensor inter = probabilities.mul(t).sum();
        Tensor total = probabilities.sum().add(t.sum());
        return inter.mul(2).add(eps).div(total.add(eps)).rsub(1);
    }
}
