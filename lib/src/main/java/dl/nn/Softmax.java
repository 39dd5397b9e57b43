package dl.nn;

import dl.tensor.Tensor;

/**
 * y_i = e^(x_i) / Σ_j e^(x_j) along {@code axis} (the last axis by default: one distribution per
 * row of a batch [N, classes]); computed stably by subtracting the maximum first.
 */
public class Softmax extends Module {

    private final int axis;

    /** Softmax over the last axis. */
    public Softmax() {
        this(-1);
    }

    public Softmax(int axis) {
        this.axis = axis;
    }

    public int axis() {
        return axis;
    }

    @Override
    protected Tensor compute(Tensor x) {
        return x.softmax(axis);
    }

    @Override
    protected String extraRepr() {
        return "axis=" + axis;
    }
}
