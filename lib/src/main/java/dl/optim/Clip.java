package dl.optim;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Gradient clipping, in place, between {@code backward()} and {@code step()} (as PyTorch's
 * {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}). Parameters without a
 * gradient are ignored.
 * <ul>
 *   <li>By norm: with ‖g‖ the 2-norm of all gradients together (as one long vector), every
 *       gradient is multiplied by maxNorm / (‖g‖ + 1e-6) when that factor is below 1. The
 *       direction is kept; only the length shrinks.</li>
 *   <li>By value: every component is clamped to [−c, c]. The direction may change.</li>
 * </ul>
 */
public final class Clip {

    private Clip() {}

    /**
     * Scales all gradients so that their total 2-norm is at most {@code maxNorm} and returns the
     * total norm before clipping (handy to log: exploding gradients show up as spikes).
     */
    public static double gradNorm(Iterable<? extends Tensor> params, double maxNorm) {
        return gradNorm(params, maxNorm, 2.0);
    }

    /**
     * As {@link #gradNorm(Iterable, double)} with the p-norm of order {@code normType}
     * (‖g‖ₚ = (Σ|gᵢ|ᵖ)^(1/p); {@code Double.POSITIVE_INFINITY} for the largest |gᵢ|).
     *
     * @throws IllegalStateException if the total norm is NaN or infinite (scaling by it would
     *     destroy every gradient; the loss or a layer has produced a non-finite value)
     */
    public static double gradNorm(Iterable<? extends Tensor> params, double maxNorm, double normType) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("Clip.gradNorm: maxNorm must be > 0, got " + maxNorm);
        }
        if (!(normType > 0)) {
            throw new IllegalArgumentException("Clip.gradNorm: normType must be > 0 (or infinity), got " + normType);
        }
        double total = totalNorm(params, normType);
        if (!Double.isFinite(total)) {
            throw new IllegalStateException("Clip.gradNorm: the total gradient norm is " + total
                    + "; hint: look for NaN/infinite values in the loss or the activations");
        }
        double factor = maxNorm / (total + 1e-6);
        if (factor < 1) {
            for (Tensor p : params) {
                if (p.grad() != null) {
                    p.grad().muli(factor);
                }
            }
        }
        return total;
    }

    /** The p-norm of all gradients taken together (nothing is changed). */
    public static double totalNorm(Iterable<? extends Tensor> params, double normType) {
        double acc = 0;
        for (Tensor p : params) {
            INDArray g = p.grad();
            if (g == null) {
                continue;
            }
            if (normType == Double.POSITIVE_INFINITY) {
                acc = Math.max(acc, g.normmaxNumber().doubleValue());
            } else if (normType == 2.0) {
                double n = g.norm2Number().doubleValue();
                acc += n * n;
            } else if (normType == 1.0) {
                acc += g.norm1Number().doubleValue();
            } else {
                acc += Transforms.pow(Transforms.abs(g, true), normType, false).sumNumber().doubleValue();
            }
        }
        if (normType == Double.POSITIVE_INFINITY || normType == 1.0) {
            return acc;
        }
        return normType == 2.0 ? Math.sqrt(acc) : Math.pow(acc, 1.0 / normType);
    }

    /** Clamps every gradient component to [−clipValue, clipValue]. */
    public static void gradValue(Iterable<? extends Tensor> params, double clipValue) {
        if (!(clipValue > 0) || Double.isInfinite(clipValue)) {
            throw new IllegalArgumentException("Clip.gradValue: clipValue must be > 0, got " + clipValue);
        }
        for (Tensor p : params) {
            INDArray g = p.grad();
            if (g != null) {
                Transforms.min(Transforms.max(g, -clipValue, false), clipValue, false);
            }
        }
    }
}
