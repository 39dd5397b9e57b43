package dl.rnn;

/**
 * Vanilla RNN over sequences (PyTorch's {@code nn.RNN(batch_first=True)}, tanh or ReLU), see
 * {@link RNNCell} for the step and {@link RecurrentLayer} for shapes, stacking, directions and lengths.
 */
public class RNN extends RecurrentLayer {

    public RNN(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, false, 0, RNNCell.Nonlinearity.TANH);
    }

    public RNN(int inputSize, int hiddenSize, int numLayers, boolean bidirectional, double dropout,
            RNNCell.Nonlinearity nonlinearity) {
        super(nonlinearity == RNNCell.Nonlinearity.RELU ? "RNN(relu)" : "RNN", inputSize, hiddenSize, numLayers,
                bidirectional, dropout, (in, h) -> new RNNCell(in, h, nonlinearity));
    }
}
