package dl.nn;

import dl.tensor.Gather;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The mean (or sum) of the embeddings of a bag of tokens, in one op: y_b = (1/n_b) Σ_{k in bag b} W[id_k],
 * the sentence vector of fast text classification. As PyTorch's {@code nn.EmbeddingBag}:
 * tokens equal to the padding index are left out of the bag (and of n_b); an empty bag gives zeros.
 *
 * <p>Bags come either as rows of ids [N, L] (padded with the padding index) or as one flat list
 * of ids with the start offset of each bag. Gradient: dL/dW[id_k] += g_b / n_b for each token k of bag b.
 */
public class EmbeddingBag extends Module {

    /** How a bag's vectors are combined. */
    public enum Mode { MEAN, SUM }

    private final int vocab;
    private final int dim;
    private final long paddingIdx;
    private final Mode mode;
    private final Parameter weight;

    /** Mean of bags, W ~ N(0, 1), padding index {@code paddingIdx} (-1: none). */
    public EmbeddingBag(int vocab, int dim, Mode mode, int paddingIdx) {
        if (vocab <= 0 || dim <= 0) {
            throw new IllegalArgumentException("EmbeddingBag: sizes must be positive, got vocab=" + vocab + ", dim=" + dim);
        }
        if (paddingIdx < -1 || paddingIdx >= vocab) {
            throw new IllegalArgumentException("EmbeddingBag: paddingIdx must be in 0.." + (vocab - 1) + " or -1 (none), got " + paddingIdx);
        }
        this.vocab = vocab;
        this.dim = dim;
        this.paddingIdx = paddingIdx;
        this.mode = mode;
        this.weight = param("weight", Nd4j.randn(DataType.FLOAT, vocab, dim));
        if (paddingIdx >= 0) {
            weight.data().getRow(paddingIdx).assign(0);
        }
    }

    public EmbeddingBag(int vocab, int dim) {
        this(vocab, dim, Mode.MEAN, -1);
    }

    public Parameter weight() {
        return weight;
    }

    /** Bags as rows of ids [N, L]; y [N, D]. */
    @Override
    protected Tensor compute(Tensor ids) {
        if (ids.rank() != 2) {
            throw new ShapeException(this + ".forward: expected ids of shape [N, L] (one bag per row), got "
                    + Arrays.toString(ids.shape()) + "; for a flat list use forward(ids, offsets)");
        }
        long l = ids.size(1);
        long[] offsets = new long[(int) ids.size(0)];
        for (int b = 0; b < offsets.length; b++) {
            offsets[b] = b * l;
        }
        return bags(Gather.indices(this + ".forward", ids.data()), offsets);
    }

    /** Bags as one flat list of ids and the start of each bag in it (increasing, the first 0). */
    public Tensor forward(long[] ids, long[] offsets) {
        return inLayerContext(() -> bags(ids, offsets));
    }

    private Tensor bags(long[] ids, long[] offsets) {
        int n = offsets.length;
        for (int b = 0; b < n; b++) {
            long end = b + 1 < n ? offsets[b + 1] : ids.length;
            if (offsets[b] < 0 || offsets[b] > end || (b == 0 && offsets[0] != 0)) {
                throw new IllegalArgumentException(this + ": offsets must start at 0 and not decrease up to "
                        + ids.length + ", got " + Arrays.toString(offsets));
            }
        }
        for (int k = 0; k < ids.length; k++) {
            if (ids[k] < 0 || ids[k] >= vocab) {
                throw new IndexOutOfBoundsException(this + ": token id " + ids[k] + " at position " + k
                        + " is outside the vocabulary 0.." + (vocab - 1));
            }
        }
        // weight of each token in its bag's result: 1/n_b (mean) or 1 (sum), 0 for padding
        int[] bagOf = new int[ids.length];
        double[] share = new double[ids.length];
        for (int b = 0; b < n; b++) {
            int end = (int) (b + 1 < n ? offsets[b + 1] : ids.length);
            int count = 0;
            for (int k = (int) offsets[b]; k < end; k++) {
                count += ids[k] == paddingIdx ? 0 : 1;
            }
            for (int k = (int) offsets[b]; k < end; k++) {
                bagOf[k] = b;
                share[k] = ids[k] == paddingIdx ? 0 : mode == Mode.SUM ? 1 : 1.0 / count;
            }
        }
        double[] w = weight.data().dup('c').castTo(DataType.DOUBLE).data().asDouble();
        double[] y = new double[n * dim];
        for (int k = 0; k < ids.length; k++) {
            if (share[k] != 0) {
                int o = bagOf[k] * dim;
                int s = (int) ids[k] * dim;
                for (int j = 0; j < dim; j++) {
                    y[o + j] += share[k] * w[s + j];
                }
            }
        }
        DataType type = weight.dtype();
        INDArray out = Nd4j.create(y, new long[] {n, dim}, DataType.DOUBLE).castTo(type);
        return Tensor.op("embeddingBag", out, g -> {
            double[] gd = g.dup('c').castTo(DataType.DOUBLE).data().asDouble();
            double[] gw = new double[vocab * dim];
            for (int k = 0; k < ids.length; k++) {
                if (share[k] != 0) {
                    int o = (int) ids[k] * dim;
                    int s = bagOf[k] * dim;
                    for (int j = 0; j < dim; j++) {
                        gw[o + j] += share[k] * gd[s + j];
                    }
                }
            }
            return new INDArray[] {Nd4j.create(gw, new long[] {vocab, dim}, DataType.DOUBLE).castTo(type)};
        }, weight);
    }

    @Override
    protected String extraRepr() {
        return vocab + ", " + dim + ", mode=" + mode.name().toLowerCase() + (paddingIdx >= 0 ? ", padding_idx=" + paddingIdx : "");
    }
}
