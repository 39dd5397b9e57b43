package dl.rnn;

import dl.nn.Parameter;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * The gate activations of an {@link LSTMCell} along a sequence, to look at what the cell does:
 * input i, forget f, candidate g (C̃ in the slides), output o, and the cell c, each [N, T, H].
 * Computed from the cell's own parameters with the formulas of {@link LSTMCell}, no gradients.
 */
public record LstmGates(Tensor input, Tensor forget, Tensor candidate, Tensor output, Tensor cell, Tensor hidden) {

    /** Runs {@code cell} over x [N, T, in] from the zero state and records every gate at every step. */
    public static LstmGates trace(LSTMCell cell, Tensor x) {
        if (x.rank() != 3 || x.size(2) != cell.inputSize()) {
            throw new ShapeException("LstmGates.trace: x has shape " + Arrays.toString(x.shape()) + ", expected (N, T, "
                    + cell.inputSize() + ")");
        }
        var p = cell.namedParameters();
        Parameter wIh = p.get("weight_ih"), wHh = p.get("weight_hh"), bIh = p.get("bias_ih"), bHh = p.get("bias_hh");
        long hs = cell.hiddenSize();
        int steps = (int) x.size(1);
        Tensor[][] out = new Tensor[6][steps];
        try (var g = Tensor.noGrad()) {
            State s = cell.zeroState(x.size(0));
            for (int t = 0; t < steps; t++) {
                Tensor a = x.select(1, t).matmul(wIh.t()).add(bIh).add(s.h().matmul(wHh.t())).add(bHh);
                Tensor i = a.slice(1, 0, hs).sigmoid();
                Tensor f = a.slice(1, hs, 2 * hs).sigmoid();
                Tensor cand = a.slice(1, 2 * hs, 3 * hs).tanh();
                Tensor o = a.slice(1, 3 * hs, 4 * hs).sigmoid();
                Tensor c = f.mul(s.c()).add(i.mul(cand));
                s = new State(o.mul(c.tanh()), c);
                Tensor[] row = {i, f, cand, o, c, s.h()};
                for (int k = 0; k < 6; k++) {
                    out[k][t] = row[k];
                }
            }
        }
        return new LstmGates(Tensor.stack(1, out[0]), Tensor.stack(1, out[1]), Tensor.stack(1, out[2]),
                Tensor.stack(1, out[3]), Tensor.stack(1, out[4]), Tensor.stack(1, out[5]));
    }
}
