package dl.loss;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax of every row of scores z [N, C], computed once (in double precision) for a loss's
 * forward and backward. Subtracting the row maximum first changes nothing mathematically
 * (softmax(z) = softmax(z − c)) but keeps every exponent ≤ 0, so logits of ±1000 neither
 * overflow nor lose the answer:
 * log softmax(z)_ij = (z_ij − m_i) − log Σ_k e^{z_ik − m_i},  m_i = max_k z_ik.
 *
 * <p>Plain loops over a row-major copy: for the small [N, C] of a loss they are faster than
 * Nd4j's row-broadcasting ops, and they read like the formula.
 */
final class RowSoftmax {

    final int rows;
    final int classes;
    /** z − max of its row, row-major [N·C]: every value ≤ 0. */
    final double[] shifted;
    /** log Σ_k e^{shifted_ik}, one per row (≥ 0: the row maximum contributes e⁰ = 1). */
    final double[] logSumExp;
    /** softmax(z), row-major [N·C]. */
    final double[] probabilities;

    RowSoftmax(INDArray z) {
        rows = (int) z.size(0);
        classes = (int) z.size(1);
        shifted = Tensor.of(z).toDoubleArray();
        logSumExp = new double[rows];
        probabilities = new double[shifted.length];
        for (int i = 0; i < rows; i++) {
            int start = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, shifted[start + j]);
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                shifted[start + j] -= max;
                probabilities[start + j] = Math.exp(shifted[start + j]);
                sum += probabilities[start + j];
            }
            for (int j = 0; j < classes; j++) {
                probabilities[start + j] /= sum;
            }
            logSumExp[i] = Math.log(sum);
        }
    }

    /** log softmax(z)_ij = shifted_ij − logSumExp_i. */
    double logProbability(int i, int j) {
        return shifted[i * classes + j] - logSumExp[i];
    }
}
