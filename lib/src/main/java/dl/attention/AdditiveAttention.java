package dl.attention;

import dl.nn.Linear;
import dl.nn.Module;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Additive (Bahdanau) attention: score_{ij} = vᵀ tanh(W_1 k_j + W_2 q_i), α_i = softmax_j(score_{i·}),
 * c_i = Σ_j α_{ij} v_j; W_1 [A, dk], W_2 [A, dq], v [A] are learned ("key", "query", "score").
 * In a seq2seq decoder q is the previous decoder state h^d_{t−1} and the keys and values are the
 * encoder states h^e_j.
 *
 * <p>Shapes: q [N, Tq, dq] (or [N, dq] for one query), keys [N, Tk, dk], values [N, Tk, dv].
 */
public class AdditiveAttention extends Module {

    private final Linear key;
    private final Linear query;
    private final Linear score;

    public AdditiveAttention(int queryDim, int keyDim, int attentionDim) {
        key = add("key", new Linear(keyDim, attentionDim, false));
        query = add("query", new Linear(queryDim, attentionDim, false));
        score = add("score", new Linear(attentionDim, 1, false));
    }

    /** The context of one query per example: q [N, dq] → context [N, dv], weights [N, 1, Tk] as attend. */
    public Attended attendOne(Tensor q, Tensor keys, Tensor values, INDArray keyMask) {
        return attend(q.unsqueeze(1), keys, values, keyMask);
    }

    public Attended attend(Tensor q, Tensor keys, Tensor values, INDArray keyMask) {
        return inLayerContext(() -> {
            check(q, keys, values);
            long n = q.size(0);
            long tq = q.size(1);
            long tk = keys.size(1);
            Tensor kp = key.forward(keys).unsqueeze(1);   // [N, 1, Tk, A]
            Tensor qp = query.forward(q).unsqueeze(2);    // [N, Tq, 1, A]
            Tensor scores = score.forward(kp.add(qp).tanh()).reshape(n, tq, tk);
            Tensor weights = KeyMask.apply(toString(), scores, keyMask).softmax(2);
            return new Attended(weights.matmul(values), weights);
        });
    }

    public Attended attend(Tensor q, Tensor keys, Tensor values) {
        return attend(q, keys, values, null);
    }

    /** The weights alone are not a layer output: forward is not defined for one input. */
    @Override
    protected Tensor compute(Tensor x) {
        throw new UnsupportedOperationException(this + ": attention needs a query, keys and values; call attend(q, keys, values)");
    }

    private void check(Tensor q, Tensor k, Tensor v) {
        String shapes = "q " + Arrays.toString(q.shape()) + ", keys " + Arrays.toString(k.shape()) + ", values "
                + Arrays.toString(v.shape());
        if (q.rank() != 3 || k.rank() != 3 || v.rank() != 3 || q.size(0) != k.size(0) || k.size(0) != v.size(0)
                || k.size(1) != v.size(1) || q.size(2) != query.inFeatures() || k.size(2) != key.inFeatures()) {
            throw new ShapeException(this + ": expected q [N, Tq, " + query.inFeatures() + "], keys [N, Tk, "
                    + key.inFeatures() + "], values [N, Tk, dv], got " + shapes
                    + (q.rank() == 2 ? ". hint: for one query per example use attendOne" : ""));
        }
    }

    @Override
    protected boolean showsChildren() {
        return false;
    }

    @Override
    protected String extraRepr() {
        return "query " + query.inFeatures() + ", key " + key.inFeatures() + ", attention " + key.outFeatures();
    }
}
