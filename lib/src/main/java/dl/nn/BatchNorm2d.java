package dl.nn;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * Batch normalization of images [N, C, H, W], per channel c over the N·H·W values of that channel:
 * x̂ = (x − μ_c) / √(σ²_c + ε), y = γ_c·x̂ + β_c. Training uses the batch statistics (biased σ²)
 * and updates the running ones with PyTorch's momentum m = 0.1:
 * r_mean ← (1 − m)·r_mean + m·μ, r_var ← (1 − m)·r_var + m·σ²·n/(n − 1), n = N·H·W.
 * Evaluation uses the running statistics. Computed by {@link BatchNorm1d} on the rows of
 * x permuted to [N·H·W, C], so the formulas and their gradients are the ones written there.
 */
public class BatchNorm2d extends BatchNorm1d {

    /** ε = 1e-5, momentum 0.1, learnable γ and β. */
    public BatchNorm2d(int channels) {
        super(channels);
    }

    public BatchNorm2d(int channels, double eps, double momentum, boolean affine) {
        super(channels, eps, momentum, affine);
    }

    @Override
    protected Tensor compute(Tensor x) {
        int c = numFeatures();
        if (x.rank() != 4 || x.size(1) != c) {
            throw new ShapeException("BatchNorm2d(" + c + ").forward: input x has shape " + Arrays.toString(x.shape())
                    + ", expected (N, " + c + ", H, W)");
        }
        long n = x.size(0);
        long h = x.size(2);
        long w = x.size(3);
        if (isTraining() && n * h * w < 2) {
            throw new IllegalArgumentException("BatchNorm2d(" + c + ").forward: training needs more than one value per channel,"
                    + " got input shape " + Arrays.toString(x.shape()) + "; use eval() for a single 1x1 image");
        }
        Tensor rows = x.permute(0, 2, 3, 1).reshape(n * h * w, c);
        return super.compute(rows).reshape(n, h, w, c).permute(0, 3, 1, 2);
    }
}
