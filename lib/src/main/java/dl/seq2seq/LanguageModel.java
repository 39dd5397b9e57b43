package dl.seq2seq;

import dl.loss.CrossEntropyLoss;
import dl.nn.Embedding;
import dl.nn.Linear;
import dl.nn.Module;
import dl.optim.Clip;
import dl.optim.Optimizer;
import dl.rnn.LSTM;
import dl.rnn.RecurrentLayer;
import dl.rnn.State;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A token-level language model p(x_{t+1} | x_≤t): Embedding → LSTM → Linear, trained with
 * truncated backpropagation through time.
 *
 * <p>Truncated BPTT ({@link #trainTruncated}): a long stream [N, L] is cut into chunks of k steps.
 * Each chunk starts from the state the previous chunk ended in, but {@linkplain State#detach()
 * detached}: the forward pass still remembers everything read so far, the backward pass stops
 * after k steps, so its cost and memory do not grow with L (the price: no gradient for
 * dependencies longer than k).
 */
public class LanguageModel extends Module {

    private final int vocab;
    private final Embedding embedding;
    private final LSTM lstm;
    private final Linear head;

    public LanguageModel(int vocab, int embeddingDim, int hidden, int layers) {
        this.vocab = vocab;
        embedding = add("embedding", new Embedding(vocab, embeddingDim));
        lstm = add("lstm", new LSTM(embeddingDim, hidden, layers, false, 0));
        head = add("head", new Linear(hidden, vocab));
    }

    /** Logits [N, T, V] of the next token after each position of ids [N, T], and the state after the last. */
    public record Output(Tensor logits, State state) {}

    public Output forward(Tensor ids, State state) {
        return inLayerContext(() -> {
            RecurrentLayer.Output r = lstm.forward(embedding.forward(ids), state);
            return new Output(head.forward(r.output()), r.state());
        });
    }

    @Override
    protected Tensor compute(Tensor ids) {
        return forward(ids, null).logits();
    }

    /** Mean cross-entropy of predicting ids[:, 1:] from ids[:, :-1], and the state after. */
    public record ChunkLoss(Tensor loss, State state) {}

    public ChunkLoss loss(Tensor input, Tensor target, State state) {
        Output o = forward(input, state);
        long rows = o.logits().size(0) * o.logits().size(1);
        return new ChunkLoss(new CrossEntropyLoss().forward(o.logits().reshape(rows, vocab), Seq2Seq.ids(target.data())),
                o.state());
    }

    /**
     * One pass over a stream of tokens [N, L] in chunks of k steps (the last chunk may be shorter):
     * per chunk forward from the detached previous state, loss, backward, gradient clipping to
     * norm {@code clip} (0: none), optimizer step. Returns the mean chunk loss.
     */
    public double trainTruncated(Tensor stream, int k, Optimizer opt, double clip) {
        if (stream.rank() != 2 || stream.size(1) < 2) {
            throw new ShapeException(this + ".trainTruncated: expected a stream of token ids [N, L] with L >= 2, got "
                    + Arrays.toString(stream.shape()));
        }
        if (k < 1) {
            throw new IllegalArgumentException(this + ".trainTruncated: k must be >= 1, got " + k);
        }
        long len = stream.size(1);
        State state = null;
        double total = 0;
        int chunks = 0;
        for (long s = 0; s + 1 < len; s += k) {
            long e = Math.min(s + k, len - 1);
            Tensor x = new Tensor(slice(stream.data(), s, e));
            Tensor y = new Tensor(slice(stream.data(), s + 1, e + 1));
            opt.zeroGrad();
            ChunkLoss c = loss(x, y, state == null ? null : state.detach());
            c.loss().backward();
            if (clip > 0) {
                Clip.gradNorm(parameters(), clip);
            }
            opt.step();
            state = c.state();
            total += c.loss().item();
            chunks++;
        }
        return total / chunks;
    }

    private static INDArray slice(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to)).dup('c');
    }

    public LSTM lstm() {
        return lstm;
    }

    @Override
    protected String extraRepr() {
        return "vocab " + vocab;
    }
}
