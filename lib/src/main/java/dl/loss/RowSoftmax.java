package dl.loss;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Softmax of every row of scores z [N, C], computed once for a loss's forward and backward.
 * Subtracting the row maximum first changes nothing mathematically (softmax(z) = softmax(z − c))
 * but keeps every exponent ≤ 0, so logits of ±1000 neither overflow nor lose the answer:
 * log softmax(z)_j = (z_j − m) − log Σ_k e^{z_k − m},  m = max_k z_k.
 */
final class RowSoftmax {

    /** z − max of its row: every value ≤ 0. */
    final INDArray shifted;
    /** log Σ_k e^{shifted_k}, one per row, shape [N, 1] (≥ 0, it has a term e⁰ = 1). */
    final INDArray logSumExp;
    /** softmax(z), shape [N, C]. */
    final INDArray probabilities;

    RowSoftmax(INDArray z) {
        shifted = z.subColumnVector(z.max(true, 1));
        probabilities = Transforms.exp(shifted, true);
        INDArray sumExp = probabilities.sum(true, 1);
        probabilities.diviColumnVector(sumExp);
        logSumExp = Transforms.log(sumExp, false);
    }

    /** log softmax(z) = shifted − logSumExp, shape [N, C]. */
    INDArray logProbabilities() {
        return shifted.subColumnVector(logSumExp);
    }
}
