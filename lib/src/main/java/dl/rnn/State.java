package dl.rnn;

import dl.tensor.Tensor;

/**
 * The state a recurrent network carries from step to step: h (every kind), and the cell
 * c of an LSTM or SRU (null for RNN and GRU).
 *
 * <p>For a cell the tensors are [N, H]; for a layer [layers·directions, N, H], as PyTorch.
 */
public record State(Tensor h, Tensor c) {

    /** A state without a cell (RNN, GRU). */
    public static State of(Tensor h) {
        return new State(h, null);
    }

    /** The same values with no history, so that gradients stop here (truncated BPTT). */
    public State detach() {
        return new State(h.detach(), c == null ? null : c.detach());
    }

    /** True for an LSTM or SRU state. */
    public boolean hasCell() {
        return c != null;
    }
}
