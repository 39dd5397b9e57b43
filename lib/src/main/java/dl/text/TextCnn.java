package dl.text;

import dl.nn.Conv1d;
import dl.nn.Dropout;
import dl.nn.Embedding;
import dl.nn.Linear;
import dl.nn.MaxOverTime;
import dl.nn.Module;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * Kim's (2014) text CNN: token ids [N, L] → Embedding [N, L, d] → for each filter width w a
 * Conv1d(d → maps, w) with ReLU, giving L − w + 1 positions → max-over-time pooling (one number
 * per map) → the pooled features of all widths side by side → dropout → Linear → class scores.
 * The embedding can be learned from scratch (rand), or start from pretrained vectors and stay
 * frozen (static) or be fine-tuned (non-static): see {@link #withEmbedding}.
 */
public class TextCnn extends Module {

    private final Embedding embedding;
    private final Conv1d[] convs;
    private final int[] widths;
    private final MaxOverTime pool = new MaxOverTime();
    private final Dropout dropout;
    private final Linear head;

    /** rand: a new embedding of vocab × dim, learned with the rest. */
    public TextCnn(int vocab, int dim, int[] widths, int maps, int classes, double dropout) {
        this(new Embedding(vocab, dim), widths, maps, classes, dropout);
    }

    /** static or non-static: the given embedding (e.g. {@link Embedding#fromPretrained}). */
    public static TextCnn withEmbedding(Embedding embedding, int[] widths, int maps, int classes, double dropout) {
        return new TextCnn(embedding, widths, maps, classes, dropout);
    }

    private TextCnn(Embedding embedding, int[] widths, int maps, int classes, double dropout) {
        if (widths.length == 0 || maps <= 0 || classes <= 0) {
            throw new IllegalArgumentException("TextCnn: expected at least one filter width, maps > 0 and classes > 0, got widths "
                    + Arrays.toString(widths) + ", maps " + maps + ", classes " + classes);
        }
        this.embedding = add("embedding", embedding);
        this.widths = widths.clone();
        this.convs = new Conv1d[widths.length];
        for (int i = 0; i < widths.length; i++) {
            convs[i] = add("conv" + widths[i], new Conv1d(embedding.dim(), maps, widths[i]));
        }
        this.dropout = add("dropout", new Dropout(dropout));
        this.head = add("head", new Linear(widths.length * maps, classes));
    }

    public Embedding embedding() {
        return embedding;
    }

    /** The ReLU feature maps of filter width widths()[i] before pooling, [N, maps, L − w + 1]. */
    public Tensor featureMaps(Tensor ids, int i) {
        return convs[i].forward(embedded(ids)).relu();
    }

    public int[] widths() {
        return widths.clone();
    }

    private Tensor embedded(Tensor ids) {
        if (ids.rank() != 2) {
            throw new ShapeException(this + ".forward: token ids have shape " + Arrays.toString(ids.shape()) + ", expected (N, L)");
        }
        int longest = Arrays.stream(widths).max().getAsInt();
        if (ids.size(1) < longest) {
            throw new ShapeException(this + ".forward: sentences of length " + ids.size(1)
                    + " are shorter than the widest filter (" + longest + "); pad them");
        }
        return embedding.forward(ids).transpose(1, 2);        // Conv1d wants [N, d, L]
    }

    @Override
    protected Tensor compute(Tensor ids) {
        Tensor x = embedded(ids);
        Tensor[] pooled = new Tensor[convs.length];
        for (int i = 0; i < convs.length; i++) pooled[i] = pool.forward(convs[i].forward(x).relu());
        return head.forward(dropout.forward(Tensor.concat(1, pooled)));
    }
}
