package dl.rnn;

import dl.nn.Parameter;
import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gated recurrent unit, one step (PyTorch's {@code nn.GRUCell}, gates r, z, n):
 * <pre>
 *   r = σ(x W_irᵀ + b_ir + h W_hrᵀ + b_hr)          reset gate
 *   z = σ(x W_izᵀ + b_iz + h W_hzᵀ + b_hz)          update gate
 *   n = tanh(x W_inᵀ + b_in + r ⊙ (h W_hnᵀ + b_hn))  candidate
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * (some slides swap z and 1 − z, which only renames the gate). Three gate blocks instead of the
 * LSTM's four: 3·(H·(in + H) + 2H) parameters with both biases.
 */
public class GRUCell extends RecurrentCell {

    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;

    public GRUCell(int inputSize, int hiddenSize) {
        super(inputSize, hiddenSize);
        weightIh = uniformParam("weight_ih", 3L * hiddenSize, inputSize);
        weightHh = uniformParam("weight_hh", 3L * hiddenSize, hiddenSize);
        biasIh = uniformParam("bias_ih", 3L * hiddenSize);
        biasHh = uniformParam("bias_hh", 3L * hiddenSize);
    }

    @Override
    public boolean hasCell() {
        return false;
    }

    @Override
    public State step(Tensor x, State s) {
        long h = hiddenSize;
        Tensor gi = x.matmul(weightIh.t()).add(biasIh);
        Tensor gh = s.h().matmul(weightHh.t()).add(biasHh);
        Tensor r = gi.slice(1, 0, h).add(gh.slice(1, 0, h)).sigmoid();
        Tensor z = gi.slice(1, h, 2 * h).add(gh.slice(1, h, 2 * h)).sigmoid();
        Tensor n = gi.slice(1, 2 * h, 3 * h).add(r.mul(gh.slice(1, 2 * h, 3 * h))).tanh();
        return State.of(z.rsub(1.0).mul(n).add(z.mul(s.h())));
    }

    /** The whole sequence in one fused op ({@link GruKernel}). */
    @Override
    public Sequence run(Tensor x, State s0, INDArray mask, boolean reverse) {
        long t = x.size(1);
        Tensor packed = GruKernel.run(x, s0.h(), weightIh, weightHh, biasIh, biasHh, mask, reverse);
        return new Sequence(packed.slice(1, 0, t), State.of(packed.select(1, t)));
    }
}
