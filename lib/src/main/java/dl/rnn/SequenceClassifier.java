package dl.rnn;

import dl.nn.Embedding;
import dl.nn.Linear;
import dl.nn.Module;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * Many-to-one: token ids [N, T] → Embedding → a recurrent layer → its final state → Linear →
 * class scores [N, classes]. The prediction sees the sequence only through the last state, so
 * it measures what the recurrence has kept in memory (for a bidirectional layer the final
 * states of both directions of the last layer, side by side: 2H features).
 */
public class SequenceClassifier extends Module {

    private final Embedding embedding;
    private final RecurrentLayer recurrent;
    private final Linear head;

    public SequenceClassifier(int vocab, int embeddingDim, RecurrentLayer recurrent, int classes) {
        if (recurrent.inputSize() != embeddingDim) {
            throw new IllegalArgumentException("SequenceClassifier: the recurrent layer reads " + recurrent.inputSize()
                    + " features per step but the embedding gives " + embeddingDim);
        }
        this.embedding = add("embedding", new Embedding(vocab, embeddingDim));
        this.recurrent = add("rnn", recurrent);
        this.head = add("head", new Linear(recurrent.directions() * recurrent.hiddenSize(), classes));
    }

    public Embedding embedding() {
        return embedding;
    }

    public RecurrentLayer recurrent() {
        return recurrent;
    }

    @Override
    protected Tensor compute(Tensor ids) {
        if (ids.rank() != 2) {
            throw new ShapeException(this + ".forward: token ids have shape " + Arrays.toString(ids.shape())
                    + ", expected (N, T)");
        }
        Tensor h = recurrent.forward(embedding.forward(ids), null).state().h();
        int dirs = recurrent.directions();
        long last = h.size(0) - dirs;
        Tensor features = dirs == 1 ? h.select(0, last) : Tensor.concat(1, h.select(0, last), h.select(0, last + 1));
        return head.forward(features);
    }
}
