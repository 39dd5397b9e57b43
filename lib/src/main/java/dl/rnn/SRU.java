package dl.rnn;

/**
 * SRU over sequences ({@link SRUCell}: the products of all steps first, then an elementwise
 * recurrence), with the layer features of {@link RecurrentLayer}. Its state is (h, c).
 */
public class SRU extends RecurrentLayer {

    public SRU(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, false, 0);
    }

    public SRU(int inputSize, int hiddenSize, int numLayers, boolean bidirectional, double dropout) {
        super("SRU", inputSize, hiddenSize, numLayers, bidirectional, dropout, SRUCell::new);
    }
}
