package dl.loss;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * Pixel-wise cross-entropy for semantic segmentation: logits z [N, C, H, W] and a class id per
 * pixel y [N, H, W]; L = −(1/(N·H·W)) Σ_pixels log softmax(z_pixel)_{y_pixel}, i.e. the loss
 * −Σ_i Σ_k [y_i = k] log a_ik averaged over the pixels. The logits are moved to rows
 * [N·H·W, C] and handed to {@link CrossEntropyLoss}, whose gradient is (softmax − onehot)/count.
 */
public final class PixelCrossEntropy extends Loss {

    public PixelCrossEntropy() {
        this(Reduction.MEAN);
    }

    public PixelCrossEntropy(Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor logits, Tensor labels) {
        if (logits.rank() != 4 || labels.rank() != 3 || labels.size(0) != logits.size(0)
                || labels.size(1) != logits.size(2) || labels.size(2) != logits.size(3)) {
            throw new ShapeException("PixelCrossEntropy.forward: expected logits [N, C, H, W] and labels [N, H, W], got "
                    + Arrays.toString(logits.shape()) + " and " + Arrays.toString(labels.shape()));
        }
        long c = logits.size(1);
        Tensor rows = logits.permute(0, 2, 3, 1).reshape(-1, c);
        int[] ids = labels.data().reshape(labels.length()).toIntVector();
        return new CrossEntropyLoss(reduction()).forward(rows, ids);
    }
}
