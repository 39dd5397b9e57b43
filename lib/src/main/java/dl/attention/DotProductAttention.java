package dl.attention;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dot-product attention: score_{ij} = ⟨q_i, k_j⟩ (scaled: divided by √d, as in Transformers,
 * so that the scores of d-dimensional random vectors keep unit variance), α_i = softmax_j(score_{i·}),
 * c_i = Σ_j α_{ij} v_j. Written with tensor ops, so autograd gives the backward.
 *
 * <p>Shapes: q [N, Tq, d], k [N, Tk, d], v [N, Tk, dv] → context [N, Tq, dv], weights [N, Tq, Tk].
 * A key mask [N, Tk] (1 = real, 0 = padding) gives padded keys weight 0.
 */
public final class DotProductAttention {

    private final boolean scaled;

    private DotProductAttention(boolean scaled) {
        this.scaled = scaled;
    }

    /** score = ⟨q, k⟩ / √d. */
    public static DotProductAttention scaled() {
        return new DotProductAttention(true);
    }

    /** score = ⟨q, k⟩ (Luong's "dot"). */
    public static DotProductAttention plain() {
        return new DotProductAttention(false);
    }

    public Attended attend(Tensor q, Tensor k, Tensor v) {
        return attend(q, k, v, (INDArray) null);
    }

    public Attended attend(Tensor q, Tensor k, Tensor v, INDArray keyMask) {
        check(q, k, v);
        Tensor scores = q.matmul(k.permute(0, 2, 1));
        if (scaled) {
            scores = scores.mul(1 / Math.sqrt(q.size(2)));
        }
        Tensor weights = KeyMask.apply(this.toString(), scores, keyMask).softmax(2);
        return new Attended(weights.matmul(v), weights);
    }

    /** With a key mask built from the number of real keys of each example. */
    public Attended attend(Tensor q, Tensor k, Tensor v, int[] keyLengths) {
        return attend(q, k, v, KeyMask.fromLengths(keyLengths, k.size(1), q.dtype()));
    }

    private void check(Tensor q, Tensor k, Tensor v) {
        String shapes = "q " + Arrays.toString(q.shape()) + ", k " + Arrays.toString(k.shape()) + ", v " + Arrays.toString(v.shape());
        if (q.rank() != 3 || k.rank() != 3 || v.rank() != 3) {
            throw new ShapeException(this + ": expected q [N, Tq, d], k [N, Tk, d], v [N, Tk, dv], got " + shapes
                    + (q.rank() == 2 ? ". hint: one query per example is q.unsqueeze(1)" : ""));
        }
        if (q.size(0) != k.size(0) || k.size(0) != v.size(0) || q.size(2) != k.size(2) || k.size(1) != v.size(1)) {
            throw new ShapeException(this + ": expected q [N, Tq, d], k [N, Tk, d], v [N, Tk, dv] with matching N, d and Tk, got "
                    + shapes);
        }
    }

    @Override
    public String toString() {
        return scaled ? "ScaledDotProductAttention" : "DotProductAttention";
    }
}
