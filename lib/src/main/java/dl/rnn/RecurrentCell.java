package dl.rnn;

import dl.init.Init;
import dl.nn.Module;
import dl.nn.Parameter;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One step of a recurrent network, (x_t, state_{t−1}) → state_t, written with plain tensor ops so
 * that the formula can be read next to the code and autograd derives the backward.
 *
 * <p>{@link #run} applies the cell over a whole sequence. Here it is the step in a loop; RNN,
 * LSTM and GRU cells replace it by a fused kernel (one gemm for the input projection of all
 * steps, then one gemm and a few elementwise passes per step, the backward written by hand),
 * which the tests compare with this loop.
 *
 * <p>Parameters as PyTorch: W_ih [G·H, in], W_hh [G·H, H], b_ih and b_hh [G·H] for G gate blocks,
 * all drawn from U(−1/√H, 1/√H).
 */
public abstract class RecurrentCell extends Module {

    protected final int inputSize;
    protected final int hiddenSize;

    protected RecurrentCell(int inputSize, int hiddenSize) {
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": sizes must be positive, got input="
                    + inputSize + ", hidden=" + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
    }

    /** Registers a parameter of the given shape drawn from U(−1/√H, 1/√H) (PyTorch's init). */
    protected Parameter uniformParam(String name, long... shape) {
        Parameter p = param(name, Nd4j.zeros(DataType.FLOAT, shape));
        double bound = 1 / Math.sqrt(hiddenSize);
        Init.uniform(p, -bound, bound);
        return p;
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    /** True if the state has a cell c besides h (LSTM, SRU). */
    public abstract boolean hasCell();

    /** One step: x [N, in], s [N, H] tensors → the next state. */
    public abstract State step(Tensor x, State s);

    /** The output of a step: h (SRU's highway output is also h). */
    protected Tensor output(State s) {
        return s.h();
    }

    /** Zeros of [n, H] (and a zero cell when {@link #hasCell()}), in the parameters' type. */
    public State zeroState(long n) {
        Tensor h = new Tensor(Nd4j.zeros(dtype(), n, hiddenSize));
        return new State(h, hasCell() ? new Tensor(Nd4j.zeros(dtype(), n, hiddenSize)) : null);
    }

    /** One step from the zero state; returns h_1. */
    @Override
    protected Tensor compute(Tensor x) {
        checkStepInput(x);
        return step(x, zeroState(x.size(0))).h();
    }

    /** A step with a given state, reported in this layer's context on a shape error. */
    public State forward(Tensor x, State s) {
        return inLayerContext(() -> {
            checkStepInput(x);
            return step(x, s);
        });
    }

    /**
     * The cell over a sequence x [N, T, in] from state s0 ([N, H] tensors), forwards or (reverse)
     * from the last step to the first. {@code mask} [T, N, 1] (1 = real token, 0 = padding, or null):
     * a padded step keeps the state and outputs zeros. Returns the outputs [N, T, H] and the final state.
     */
    public Sequence run(Tensor x, State s0, INDArray mask, boolean reverse) {
        return runComposed(x, s0, mask, reverse);
    }

    /** {@link #run} as a loop of {@link #step} calls (the reference the fused kernels are tested against). */
    public final Sequence runComposed(Tensor x, State s0, INDArray mask, boolean reverse) {
        int t = (int) x.size(1);
        Tensor[] outs = new Tensor[t];
        State s = s0;
        for (int k = 0; k < t; k++) {
            int step = reverse ? t - 1 - k : k;
            State next = step(x.select(1, step), s);
            Tensor out = output(next);
            if (mask != null) {
                Tensor m = new Tensor(mask.get(org.nd4j.linalg.indexing.NDArrayIndex.point(step)).castTo(x.dtype()));
                next = new State(blend(m, next.h(), s.h()), next.c() == null ? null : blend(m, next.c(), s.c()));
                out = out.mul(m);
            }
            outs[step] = out;
            s = next;
        }
        return new Sequence(Tensor.stack(1, outs), s);
    }

    /** m·a + (1 − m)·b for a 0/1 mask m [N, 1]. */
    private static Tensor blend(Tensor m, Tensor a, Tensor b) {
        return a.mul(m).add(b.mul(m.rsub(1.0)));
    }

    /** The outputs of a cell run over a sequence, [N, T, H], and its final state ([N, H] each). */
    public record Sequence(Tensor output, State state) {}

    protected void checkStepInput(Tensor x) {
        if (x.rank() != 2 || x.size(1) != inputSize) {
            throw new ShapeException(this + ": input x has shape " + Arrays.toString(x.shape()) + ", expected (N, "
                    + inputSize + ")" + (x.rank() == 3 ? ". hint: a cell takes one step; for a sequence use the layer" : ""));
        }
        if (x.dtype() != dtype()) {
            throw new IllegalArgumentException(this + ": input is " + x.dtype() + " but the parameters are " + dtype()
                    + "; convert the input (x.toDouble()) or the cell (cell.toDouble())");
        }
    }

    @Override
    protected String extraRepr() {
        return inputSize + " -> " + hiddenSize;
    }
}
