package dl.nn;

import dl.tensor.Tensor;

/**
 * Maxout: k linear pieces and their elementwise maximum,
 * y = max_p (x W_pᵀ + b_p), p = 1..k, with W_p [out, in] and b_p [out].
 *
 * <p>The pieces are {@link Linear} layers named {@code piece0}, {@code piece1}, ... (so the
 * parameters are {@code piece0.weight}, ...), each initialized like a Linear layer. The gradient
 * reaches the piece that is largest (split evenly on an exact tie). With two pieces (x, 0) it is
 * ReLU; with w = ±1 it is |x|.
 */
public class Maxout extends Module {

    private final int in;
    private final int out;
    private final Linear[] pieces;

    public Maxout(int in, int out, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Maxout: k (the number of pieces) must be >= 1, got " + k);
        }
        this.in = in;
        this.out = out;
        this.pieces = new Linear[k];
        for (int p = 0; p < k; p++) {
            pieces[p] = add("piece" + p, new Linear(in, out));
        }
    }

    /** The p-th linear piece (0-based). */
    public Linear piece(int p) {
        return pieces[p];
    }

    /** Number of pieces k. */
    public int k() {
        return pieces.length;
    }

    @Override
    protected Tensor compute(Tensor x) {
        Tensor y = pieces[0].forward(x);
        for (int p = 1; p < pieces.length; p++) {
            y = y.maxOf(pieces[p].forward(x));
        }
        return y;
    }

    @Override
    protected String extraRepr() {
        return in + " -> " + out + ", k=" + pieces.length;
    }

    /** The pieces are part of the layer: print {@code Maxout(2 -> 16, k=3)}, not each piece. */
    @Override
    protected boolean showsChildren() {
        return false;
    }
}
