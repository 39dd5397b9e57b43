package dl.rnn;

import dl.nn.Parameter;
import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Long short-term memory, one step (PyTorch's {@code nn.LSTMCell}, gates in the order i, f, g, o):
 * <pre>
 *   [a_i, a_f, a_g, a_o] = x W_ihᵀ + b_ih + h W_hhᵀ + b_hh
 *   i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o)
 *   c' = f ⊙ c + i ⊙ g,   h' = o ⊙ tanh(c')
 * </pre>
 * With f = 1 and i = 0 the cell is copied unchanged (∂c_t/∂c_{t−k} = 1): the path along which
 * gradients do not vanish. 4·(H·(in + H) + H) parameters with one bias, PyTorch's two biases add 4H.
 */
public class LSTMCell extends RecurrentCell {

    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;

    public LSTMCell(int inputSize, int hiddenSize) {
        super(inputSize, hiddenSize);
        weightIh = uniformParam("weight_ih", 4L * hiddenSize, inputSize);
        weightHh = uniformParam("weight_hh", 4L * hiddenSize, hiddenSize);
        biasIh = uniformParam("bias_ih", 4L * hiddenSize);
        biasHh = uniformParam("bias_hh", 4L * hiddenSize);
    }

    @Override
    public boolean hasCell() {
        return true;
    }

    @Override
    public State step(Tensor x, State s) {
        long h = hiddenSize;
        Tensor a = x.matmul(weightIh.t()).add(biasIh).add(s.h().matmul(weightHh.t())).add(biasHh);
        Tensor i = a.slice(1, 0, h).sigmoid();
        Tensor f = a.slice(1, h, 2 * h).sigmoid();
        Tensor g = a.slice(1, 2 * h, 3 * h).tanh();
        Tensor o = a.slice(1, 3 * h, 4 * h).sigmoid();
        Tensor c = f.mul(s.c()).add(i.mul(g));
        return new State(o.mul(c.tanh()), c);
    }

    /** The whole sequence in one fused op ({@link LstmKernel}). */
    @Override
    public Sequence run(Tensor x, State s0, INDArray mask, boolean reverse) {
        long t = x.size(1);
        Tensor packed = LstmKernel.run(x, s0.h(), s0.c(), weightIh, weightHh, biasIh, biasHh, mask, reverse);
        return new Sequence(packed.slice(1, 0, t), new State(packed.select(1, t), packed.select(1, t + 1)));
    }
}
