package dl.rnn;

import dl.nn.Parameter;
import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The vanilla (Elman) recurrent step, PyTorch's {@code nn.RNNCell}:
 * h' = act(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh) with act = tanh (default) or ReLU.
 *
 * <p>Through T steps the gradient is multiplied by W_hhᵀ diag(act') T times: it shrinks like
 * 0.9^T when those factors are below 1 and grows like 1.1^T above (vanishing and exploding gradients).
 */
public class RNNCell extends RecurrentCell {

    /** The nonlinearity of a vanilla RNN. */
    public enum Nonlinearity { TANH, RELU }

    private final Nonlinearity act;
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;

    public RNNCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, Nonlinearity.TANH);
    }

    public RNNCell(int inputSize, int hiddenSize, Nonlinearity act) {
        super(inputSize, hiddenSize);
        this.act = act;
        weightIh = uniformParam("weight_ih", hiddenSize, inputSize);
        weightHh = uniformParam("weight_hh", hiddenSize, hiddenSize);
        biasIh = uniformParam("bias_ih", hiddenSize);
        biasHh = uniformParam("bias_hh", hiddenSize);
    }

    public Nonlinearity nonlinearity() {
        return act;
    }

    @Override
    public boolean hasCell() {
        return false;
    }

    @Override
    public State step(Tensor x, State s) {
        Tensor a = x.matmul(weightIh.t()).add(biasIh).add(s.h().matmul(weightHh.t())).add(biasHh);
        return State.of(act == Nonlinearity.RELU ? a.relu() : a.tanh());
    }

    /** The whole sequence in one fused op ({@link RnnKernel}). */
    @Override
    public Sequence run(Tensor x, State s0, INDArray mask, boolean reverse) {
        long t = x.size(1);
        Tensor packed = RnnKernel.run(x, s0.h(), weightIh, weightHh, biasIh, biasHh, act == Nonlinearity.RELU, mask, reverse);
        return new Sequence(packed.slice(1, 0, t), State.of(packed.select(1, t)));
    }

    @Override
    protected String extraRepr() {
        return super.extraRepr() + (act == Nonlinearity.RELU ? ", relu" : "");
    }
}
