package dl.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The one stable log-softmax of the library (used by {@link Tensor#logSoftmax},
 * {@link Tensor#softmax} and the cross-entropy losses):
 * log softmax(z)_i = (z_i − m) − log Σ_j e^{z_j − m},  m = max_j z_j.
 * Subtracting the maximum changes nothing mathematically but keeps every exponent ≤ 0, so
 * logits of ±1000 neither overflow nor lose the answer.
 */
public final class LogSoftmaxMath {

    private LogSoftmaxMath() {}

    /** log softmax of {@code z} along {@code axis} (a new array, same shape and type). */
    public static INDArray logSoftmax(INDArray z, int axis) {
        INDArray shifted = z.sub(z.max(true, axis));
        INDArray logSumExp = Transforms.log(Transforms.exp(shifted, true).sum(true, axis), false);
        return shifted.subi(logSumExp);
    }

    /** softmax(z) = e^{log softmax(z)} along {@code axis} (rows sum to 1). */
    public static INDArray softmax(INDArray z, int axis) {
        return Transforms.exp(logSoftmax(z, axis), false);
    }
}
