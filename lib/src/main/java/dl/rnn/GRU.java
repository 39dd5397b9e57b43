package dl.rnn;

/**
 * GRU over sequences (PyTorch's {@code nn.GRU(batch_first=True)}), see {@link GRUCell} for the
 * step and {@link RecurrentLayer} for shapes, stacking, directions and lengths.
 */
public class GRU extends RecurrentLayer {

    public GRU(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, false, 0);
    }

    public GRU(int inputSize, int hiddenSize, int numLayers, boolean bidirectional, double dropout) {
        super("GRU", inputSize, hiddenSize, numLayers, bidirectional, dropout, GRUCell::new);
    }
}
