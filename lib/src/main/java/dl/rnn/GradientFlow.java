package dl.rnn;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * How much gradient reaches the hidden state k steps back: norms[k] = ‖∂(g·h_T)/∂h_{T−k}‖₂ for
 * k = 0..T, for a cell run over one sequence x [1, T, in] from the zero state (h_0 = 0 is made
 * a leaf so that k = T is measured too). With W_hh = a·Q for an orthogonal Q and inputs that
 * keep tanh in its linear part, norms[k] = a^k ‖g‖: the vanishing (a &lt; 1) and exploding
 * (a &gt; 1) gradients of BPTT. For an LSTM only the part through h is followed (c gets its own
 * gradient too), so use it for RNN and GRU cells.
 */
public final class GradientFlow {

    private GradientFlow() {}

    public static double[] byDistance(RecurrentCell cell, Tensor x, Tensor g) {
        if (x.rank() != 3 || x.size(0) != 1) {
            throw new ShapeException("GradientFlow.byDistance: x has shape " + Arrays.toString(x.shape())
                    + ", expected one sequence (1, T, in)");
        }
        if (g.length() != cell.hiddenSize()) {
            throw new ShapeException("GradientFlow.byDistance: g has " + g.length() + " values, expected H = "
                    + cell.hiddenSize());
        }
        int steps = (int) x.size(1);
        State zero = cell.zeroState(1);
        Tensor[] hs = new Tensor[steps + 1];
        hs[0] = new Tensor(zero.h().data().dup(), true);
        State s = new State(hs[0], zero.c());
        for (int t = 0; t < steps; t++) {
            s = cell.step(x.select(1, t), s);
            hs[t + 1] = s.h().retainGrad();
        }
        s.h().mul(g.reshape(1, cell.hiddenSize())).sum().backward();
        double[] norms = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            var grad = hs[steps - k].grad();
            norms[k] = grad == null ? 0 : grad.norm2Number().doubleValue();
        }
        return norms;
    }
}
