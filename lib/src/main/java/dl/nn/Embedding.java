package dl.nn;

import dl.tensor.Gather;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A lookup table of vectors, one row per token: y[..., :] = W[id, :]. The same as one-hot(id) · W,
 * without building the one-hot vectors.
 *
 * <p>Shapes: ids [...] (whole numbers 0..V−1, any shape, stored as floats as the data sets do),
 * W [V, D] ("weight", as PyTorch), y [..., D]. Gradient: dL/dW[r] = Σ of g over the positions
 * holding r (a scatter-add), zero for rows never looked up.
 *
 * <p>Init as PyTorch: W ~ N(0, 1). A padding index p gets a zero row that receives no gradient,
 * so padded positions contribute nothing and stay zero. {@link #fromPretrained} loads given
 * vectors, {@link #freeze()} keeps them fixed.
 */
public class Embedding extends Module {

    private final int vocab;
    private final int dim;
    private final long paddingIdx;
    private final Parameter weight;

    /** V = {@code vocab} vectors of size {@code dim}, no padding index. */
    public Embedding(int vocab, int dim) {
        this(vocab, dim, -1);
    }

    /** With a padding index (row set to zero, never updated); -1 for none. */
    public Embedding(int vocab, int dim, int paddingIdx) {
        if (vocab <= 0 || dim <= 0) {
            throw new IllegalArgumentException("Embedding: sizes must be positive, got vocab=" + vocab + ", dim=" + dim);
        }
        if (paddingIdx < -1 || paddingIdx >= vocab) {
            throw new IllegalArgumentException("Embedding: paddingIdx must be in 0.." + (vocab - 1) + " or -1 (none), got " + paddingIdx);
        }
        this.vocab = vocab;
        this.dim = dim;
        this.paddingIdx = paddingIdx;
        this.weight = param("weight", Nd4j.randn(DataType.FLOAT, vocab, dim));
        if (paddingIdx >= 0) {
            weight.data().getRow(paddingIdx).assign(0);
        }
    }

    /**
     * A table holding {@code vectors} [V, D] (copied, keeping their data type), frozen unless
     * {@code trainable}. The padding row, if any, is kept as given (PyTorch does the same).
     */
    public static Embedding fromPretrained(INDArray vectors, boolean trainable, int paddingIdx) {
        if (vectors.rank() != 2) {
            throw new ShapeException("Embedding.fromPretrained: expected vectors of shape [V, D], got " + Arrays.toString(vectors.shape()));
        }
        Embedding e = new Embedding((int) vectors.size(0), (int) vectors.size(1), paddingIdx);
        e.weight.setData(vectors.dup('c'));
        if (!trainable) {
            e.freeze();
        }
        return e;
    }

    /** {@link #fromPretrained(INDArray, boolean, int)} without a padding index. */
    /** {@link #fromPretrained(INDArray, boolean, int)} from a [V, d] tensor of vectors. */
    public static Embedding fromPretrained(Tensor vectors, boolean trainable, int paddingIdx) {
        return fromPretrained(vectors.data(), trainable, paddingIdx);
    }

    /** {@link #fromPretrained(INDArray, boolean)} from a [V, d] tensor of vectors. */
    public static Embedding fromPretrained(Tensor vectors, boolean trainable) {
        return fromPretrained(vectors.data(), trainable);
    }

    public static Embedding fromPretrained(INDArray vectors, boolean trainable) {
        return fromPretrained(vectors, trainable, -1);
    }

    public Parameter weight() {
        return weight;
    }

    public int vocabSize() {
        return vocab;
    }

    public int dim() {
        return dim;
    }

    /** The padding index, or -1. */
    public long paddingIdx() {
        return paddingIdx;
    }

    @Override
    protected Tensor compute(Tensor ids) {
        long[] idx = Gather.indices(this + ".forward", ids.data());
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < 0 || idx[k] >= vocab) {
                throw new IndexOutOfBoundsException(this + ".forward: token id " + idx[k] + " at position " + k
                        + " of ids " + Arrays.toString(ids.shape()) + " is outside the vocabulary 0.." + (vocab - 1));
            }
        }
        return Gather.rows(weight, idx, ids.shape(), paddingIdx);
    }

    /** Lookup from int ids (shape [ids.length]). */
    public Tensor forward(int... ids) {
        return forward(new Tensor(Nd4j.createFromArray(ids).castTo(DataType.FLOAT)));
    }

    @Override
    protected String extraRepr() {
        return vocab + ", " + dim + (paddingIdx >= 0 ? ", padding_idx=" + paddingIdx : "");
    }
}
