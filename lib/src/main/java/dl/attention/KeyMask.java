package dl.attention;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Applies a key mask to attention scores: keys with mask 0 (padding) get the score −10⁹, so
 * their softmax weight is 0 (exactly, in fp32 and fp64) and they receive no gradient.
 */
final class KeyMask {

    static final double MASKED_SCORE = -1e9;

    private KeyMask() {}

    /** scores [N, Tq, Tk], mask [N, Tk] of 0/1 (null: no mask). */
    static Tensor apply(String where, Tensor scores, INDArray mask) {
        if (mask == null) {
            return scores;
        }
        long n = scores.size(0);
        long tk = scores.size(2);
        if (mask.rank() != 2 || mask.size(0) != n || mask.size(1) != tk) {
            throw new ShapeException(where + ": key mask has shape " + Arrays.toString(mask.shape()) + ", expected (N, Tk) = ["
                    + n + ", " + tk + "] (1 = real key, 0 = padding)");
        }
        INDArray keep = mask.reshape(n, 1, tk).castTo(scores.dtype());
        Tensor fill = new Tensor(Nd4j.valueArrayOf(scores.shape(), MASKED_SCORE, scores.dtype()));
        return Tensor.where(keep, scores, fill);
    }

    /** A mask [N, Tk] from lengths: 1 for the first lengths[n] keys. */
    static INDArray fromLengths(int[] lengths, long tk, org.nd4j.linalg.api.buffer.DataType type) {
        INDArray m = Nd4j.zeros(type, lengths.length, tk);
        for (int b = 0; b < lengths.length; b++) {
            if (lengths[b] < 1 || lengths[b] > tk) {
                throw new IllegalArgumentException("attention: sequence " + b + " has " + lengths[b] + " keys, expected 1.." + tk);
            }
            for (int k = 0; k < lengths[b]; k++) {
                m.putScalar(b, k, 1);
            }
        }
        return m;
    }
}
