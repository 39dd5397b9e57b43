package dl.rnn;

import dl.nn.Parameter;
import dl.tensor.Tensor;

/**
 * LSTM with peephole connections (Gers and Schmidhuber 2000): the gates also look at the cell.
 * Diagonal peepholes, one weight per unit, as in their paper and most libraries:
 * <pre>
 *   [a_i, a_f, a_g, a_o] = x W_ihᵀ + b_ih + h W_hhᵀ + b_hh
 *   i = σ(a_i + p_i ⊙ c),  f = σ(a_f + p_f ⊙ c),  g = tanh(a_g)
 *   c' = f ⊙ c + i ⊙ g
 *   o = σ(a_o + p_o ⊙ c')              (the output gate sees the new cell)
 *   h' = o ⊙ tanh(c')
 * </pre>
 * The slides write the peephole as part of W [c, h, x]; a full matrix there would be dense, the
 * diagonal keeps it 3H extra parameters. PyTorch has no peephole LSTM: the tests check it by
 * hand-computed cases and finite differences.
 */
public class PeepholeLSTMCell extends RecurrentCell {

    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;
    private final Parameter peepI;
    private final Parameter peepF;
    private final Parameter peepO;

    public PeepholeLSTMCell(int inputSize, int hiddenSize) {
        super(inputSize, hiddenSize);
        weightIh = uniformParam("weight_ih", 4L * hiddenSize, inputSize);
        weightHh = uniformParam("weight_hh", 4L * hiddenSize, hiddenSize);
        biasIh = uniformParam("bias_ih", 4L * hiddenSize);
        biasHh = uniformParam("bias_hh", 4L * hiddenSize);
        peepI = uniformParam("weight_ci", hiddenSize);
        peepF = uniformParam("weight_cf", hiddenSize);
        peepO = uniformParam("weight_co", hiddenSize);
    }

    @Override
    public boolean hasCell() {
        return true;
    }

    @Override
    public State step(Tensor x, State s) {
        long h = hiddenSize;
        Tensor a = x.matmul(weightIh.t()).add(biasIh).add(s.h().matmul(weightHh.t())).add(biasHh);
        Tensor i = a.slice(1, 0, h).add(s.c().mul(peepI)).sigmoid();
        Tensor f = a.slice(1, h, 2 * h).add(s.c().mul(peepF)).sigmoid();
        Tensor g = a.slice(1, 2 * h, 3 * h).tanh();
        Tensor c = f.mul(s.c()).add(i.mul(g));
        Tensor o = a.slice(1, 3 * h, 4 * h).add(c.mul(peepO)).sigmoid();
        return new State(o.mul(c.tanh()), c);
    }
}
