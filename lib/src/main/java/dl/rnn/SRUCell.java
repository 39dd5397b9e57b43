package dl.rnn;

import dl.nn.Parameter;
import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Simple recurrent unit (Lei et al. 2018, "Simple Recurrent Units for Highly Parallelizable
 * Recurrence"): every matrix product depends on x_t only, the recurrence is elementwise.
 * <pre>
 *   [x̃, a_f, a_r] = x W ᵀ                      (W [3H, in]: for all steps in one product)
 *   f = σ(a_f + v_f ⊙ c + b_f),   r = σ(a_r + v_r ⊙ c + b_r)
 *   c' = f ⊙ c + (1 − f) ⊙ x̃
 *   h' = r ⊙ c' + (1 − r) ⊙ x                  (highway; x W_sᵀ when in ≠ H)
 * </pre>
 * Since ∂c'/∂c = diag(f + ...) is diagonal, unit k at step t depends on unit k of step t − 1 only.
 * Parameters: 3H·in + 4H (197,632 at in = H = 256, half a GRU's), plus H·in for W_s when in ≠ H.
 * The state is (h, c); the next step needs only c.
 */
public class SRUCell extends RecurrentCell {

    private final Parameter weight;
    private final Parameter weightC;
    private final Parameter bias;
    private final Parameter weightSkip;

    public SRUCell(int inputSize, int hiddenSize) {
        super(inputSize, hiddenSize);
        weight = uniformParam("weight", 3L * hiddenSize, inputSize);
        weightC = uniformParam("weight_c", 2L * hiddenSize);
        bias = param("bias", Nd4j.zeros(DataType.FLOAT, 2L * hiddenSize));
        weightSkip = inputSize == hiddenSize ? null : uniformParam("weight_skip", hiddenSize, inputSize);
    }

    @Override
    public boolean hasCell() {
        return true;
    }

    @Override
    public State step(Tensor x, State s) {
        return stepProjected(x.matmul(weight.t()), skip(x), s);
    }

    /** One step from the precomputed x Wᵀ [N, 3H] and the highway input [N, H]. */
    private State stepProjected(Tensor u, Tensor highway, State s) {
        long h = hiddenSize;
        Tensor xt = u.slice(1, 0, h);
        Tensor f = u.slice(1, h, 2 * h).add(s.c().mul(weightC.slice(0, 0, h))).add(bias.slice(0, 0, h)).sigmoid();
        Tensor r = u.slice(1, 2 * h, 3 * h).add(s.c().mul(weightC.slice(0, h, 2 * h))).add(bias.slice(0, h, 2 * h)).sigmoid();
        Tensor c = f.mul(s.c()).add(f.rsub(1.0).mul(xt));
        Tensor out = r.mul(c).add(r.rsub(1.0).mul(highway));
        return new State(out, c);
    }

    private Tensor skip(Tensor x) {
        return weightSkip == null ? x : x.matmul(weightSkip.t());
    }

    /**
     * The sequence with the products of all steps computed first (two matrix products in all),
     * then only elementwise work per step. Padded steps (mask 0) keep the state and output zeros.
     */
    @Override
    public Sequence run(Tensor x, State s0, INDArray mask, boolean reverse) {
        long n = x.size(0);
        int steps = (int) x.size(1);
        Tensor rows = x.reshape(n * steps, inputSize);
        Tensor u = rows.matmul(weight.t()).reshape(n, steps, 3L * hiddenSize);
        Tensor hw = weightSkip == null ? x : rows.matmul(weightSkip.t()).reshape(n, steps, hiddenSize);
        Tensor[] outs = new Tensor[steps];
        State s = s0;
        for (int k = 0; k < steps; k++) {
            int t = reverse ? steps - 1 - k : k;
            State next = stepProjected(u.select(1, t), hw.select(1, t), s);
            Tensor out = next.h();
            if (mask != null) {
                Tensor m = new Tensor(TimeMajor.maskAt(mask, t, x.data()));
                Tensor keep = m.rsub(1.0);
                next = new State(next.h().mul(m).add(s.h().mul(keep)), next.c().mul(m).add(s.c().mul(keep)));
                out = out.mul(m);
            }
            outs[t] = out;
            s = next;
        }
        return new Sequence(Tensor.stack(1, outs), s);
    }
}
