package dl.rnn;

import dl.nn.Dropout;
import dl.nn.Parameter;
import dl.nn.Module;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A recurrent network over whole sequences, with PyTorch's conventions (batch_first=True):
 * input x [N, T, in], output [N, T, D·H] (D = 2 when bidirectional: forward and backward
 * outputs side by side), states [layers·D, N, H], ordered layer by layer, forward direction first.
 *
 * <p>Stacked: layer l &gt; 0 reads the outputs of layer l − 1, with dropout between layers (not
 * after the last) in training mode. Sequences of different lengths: pass {@code lengths}; step t of
 * sequence n is used only when t &lt; lengths[n], padded steps output zeros and leave the state
 * alone, so the final state is that after the last real step (the backward direction starts at
 * the last real step), as PyTorch's packed sequences.
 *
 * <p>Parameters are named as PyTorch's state_dict ({@code weight_ih_l0}, {@code bias_hh_l1_reverse},
 * ...), so weights saved from PyTorch load by name. Each layer and direction runs one
 * {@link RecurrentCell}; LSTM, GRU and RNN cells run a sequence in one fused op.
 */
public abstract class RecurrentLayer extends Module {

    /** The outputs [N, T, D·H] and the final state ([layers·D, N, H] each). */
    public record Output(Tensor output, State state) {}

    private final String kind;
    protected final int inputSize;
    protected final int hiddenSize;
    protected final int numLayers;
    protected final boolean bidirectional;
    private final double dropoutP;
    private final Dropout dropout;
    private final RecurrentCell[][] cells;

    protected RecurrentLayer(String kind, int inputSize, int hiddenSize, int numLayers, boolean bidirectional,
            double dropout, BiFunction<Integer, Integer, RecurrentCell> newCell) {
        if (inputSize <= 0 || hiddenSize <= 0 || numLayers <= 0) {
            throw new IllegalArgumentException(kind + ": sizes must be positive, got input=" + inputSize + ", hidden="
                    + hiddenSize + ", layers=" + numLayers);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException(kind + ": dropout must be in [0, 1), got " + dropout);
        }
        this.kind = kind;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.numLayers = numLayers;
        this.bidirectional = bidirectional;
        this.dropoutP = dropout;
        int dirs = bidirectional ? 2 : 1;
        this.cells = new RecurrentCell[numLayers][dirs];
        for (int l = 0; l < numLayers; l++) {
            for (int d = 0; d < dirs; d++) {
                RecurrentCell cell = newCell.apply(l == 0 ? inputSize : hiddenSize * dirs, hiddenSize);
                cells[l][d] = cell;
                String suffix = "_l" + l + (d == 1 ? "_reverse" : "");
                for (Map.Entry<String, Parameter> p : cell.namedParameters().entrySet()) {
                    param(p.getKey() + suffix, p.getValue());
                }
            }
        }
        this.dropout = dropout > 0 && numLayers > 1 ? add("dropout", new Dropout(dropout)) : null;
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int numLayers() {
        return numLayers;
    }

    public boolean isBidirectional() {
        return bidirectional;
    }

    public int directions() {
        return bidirectional ? 2 : 1;
    }

    /** The cell of layer {@code layer}, direction 0 (forward) or 1 (backward); it shares the layer's parameters. */
    public RecurrentCell cell(int layer, int direction) {
        return cells[layer][direction];
    }

    /** The outputs [N, T, D·H] from a zero state. */
    @Override
    protected Tensor compute(Tensor x) {
        return run(x, null, null).output();
    }

    /** Outputs and final state from {@code init} ([layers·D, N, H] tensors, null for zeros). */
    public Output forward(Tensor x, State init) {
        return inLayerContext(() -> run(x, init, null));
    }

    /**
     * As {@link #forward(Tensor, State)} for sequences of the given lengths (padding at the end
     * of each row of x); {@code lengths} null means all have length T.
     */
    public Output forward(Tensor x, State init, int[] lengths) {
        return inLayerContext(() -> run(x, init, lengths));
    }

    private Output run(Tensor x, State init, int[] lengths) {
        checkInput(x);
        long n = x.size(0);
        long t = x.size(1);
        int dirs = directions();
        checkState(init, n);
        INDArray mask = lengths == null ? null : lengthMask(lengths, n, t, x.dtype());
        List<Tensor> hs = new ArrayList<>();
        List<Tensor> cs = new ArrayList<>();
        Tensor layerInput = x;
        for (int l = 0; l < numLayers; l++) {
            Tensor[] outs = new Tensor[dirs];
            for (int d = 0; d < dirs; d++) {
                RecurrentCell cell = cells[l][d];
                State s0 = init == null ? cell.zeroState(n)
                        : new State(init.h().select(0, l * dirs + d), init.c() == null ? null : init.c().select(0, l * dirs + d));
                RecurrentCell.Sequence seq = cell.run(layerInput, s0, mask, d == 1);
                outs[d] = seq.output();
                hs.add(seq.state().h());
                if (seq.state().c() != null) {
                    cs.add(seq.state().c());
                }
            }
            layerInput = dirs == 1 ? outs[0] : Tensor.concat(2, outs);
            if (dropout != null && l < numLayers - 1) {
                layerInput = dropout.forward(layerInput);
            }
        }
        Tensor h = Tensor.stack(0, hs.toArray(new Tensor[0]));
        Tensor c = cs.isEmpty() ? null : Tensor.stack(0, cs.toArray(new Tensor[0]));
        return new Output(layerInput, new State(h, c));
    }

    /** The 0/1 mask [T, N, 1] of {@code lengths}: 1 where t &lt; lengths[n]. */
    public static INDArray lengthMask(int[] lengths, long n, long t, DataType type) {
        if (lengths.length != n) {
            throw new ShapeException("lengths: " + lengths.length + " lengths for a batch of " + n + " sequences");
        }
        INDArray mask = Nd4j.zeros(type, t, n, 1);
        for (int b = 0; b < n; b++) {
            if (lengths[b] < 0 || lengths[b] > t) {
                throw new IllegalArgumentException("lengths: sequence " + b + " has length " + lengths[b]
                        + ", expected 0.." + t + " (the padded length T)");
            }
            for (int k = 0; k < lengths[b]; k++) {
                mask.putScalar(new long[] {k, b, 0}, 1.0);
            }
        }
        return mask;
    }

    private void checkInput(Tensor x) {
        if (x.rank() != 3 || x.size(2) != inputSize) {
            String hint = x.rank() == 2 && x.size(1) == inputSize ? ". hint: one sequence of T steps is x.unsqueeze(0);"
                    + " token ids go through an Embedding first" : "";
            throw new ShapeException(this + ".forward: input x has shape " + Arrays.toString(x.shape())
                    + ", expected (N, T, " + inputSize + ") (batch first)" + hint);
        }
        if (x.dtype() != dtype()) {
            throw new IllegalArgumentException(this + ".forward: input is " + x.dtype() + " but the parameters are "
                    + dtype() + "; convert the input (x.toDouble()) or the layer (layer.toDouble())");
        }
    }

    private void checkState(State init, long n) {
        if (init == null) {
            return;
        }
        long[] expected = {(long) numLayers * directions(), n, hiddenSize};
        boolean cellNeeded = cells[0][0].hasCell();
        if (!Arrays.equals(init.h().shape(), expected)) {
            throw new ShapeException(this + ".forward: initial h has shape " + Arrays.toString(init.h().shape())
                    + ", expected (layers·directions, N, H) = " + Arrays.toString(expected));
        }
        if (cellNeeded && (init.c() == null || !Arrays.equals(init.c().shape(), expected))) {
            throw new ShapeException(this + ".forward: initial c has shape "
                    + (init.c() == null ? "null" : Arrays.toString(init.c().shape()))
                    + ", expected (layers·directions, N, H) = " + Arrays.toString(expected));
        }
    }

    @Override
    protected boolean showsChildren() {
        return false;
    }

    @Override
    public String typeName() {
        return kind;
    }

    @Override
    protected String extraRepr() {
        return inputSize + " -> " + hiddenSize + (numLayers > 1 ? ", layers=" + numLayers : "")
                + (bidirectional ? ", bidirectional" : "") + (dropoutP > 0 ? ", dropout=" + dropoutP : "");
    }
}
