package dl.rnn;

/**
 * Peephole LSTM over sequences ({@link PeepholeLSTMCell} in a loop of steps; PyTorch has none),
 * with the layer features of {@link RecurrentLayer}.
 */
public class PeepholeLSTM extends RecurrentLayer {

    public PeepholeLSTM(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, false, 0);
    }

    public PeepholeLSTM(int inputSize, int hiddenSize, int numLayers, boolean bidirectional, double dropout) {
        super("PeepholeLSTM", inputSize, hiddenSize, numLayers, bidirectional, dropout, PeepholeLSTMCell::new);
    }
}
