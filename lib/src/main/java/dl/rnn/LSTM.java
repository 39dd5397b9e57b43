package dl.rnn;

/**
 * LSTM over sequences (PyTorch's {@code nn.LSTM(batch_first=True)}), see {@link LSTMCell} for the
 * step and {@link RecurrentLayer} for shapes, stacking, directions and lengths.
 * 4·(H·(in + H) + 2H) parameters per layer and direction (PyTorch's two biases).
 */
public class LSTM extends RecurrentLayer {

    public LSTM(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, false, 0);
    }

    public LSTM(int inputSize, int hiddenSize, int numLayers, boolean bidirectional, double dropout) {
        super("LSTM", inputSize, hiddenSize, numLayers, bidirectional, dropout, LSTMCell::new);
    }
}
