package dl.nn;

import dl.tensor.Tensor;

/**
 * y_i = x_i − log Σ_j e^(x_j) along {@code axis} (the last by default), computed stably
 * (x − max − log Σ e^(x − max)); pairs with the NLL loss.
 */
public class LogSoftmax extends Module {

    private final int axis;

    /** Log-softmax over the last axis. */
    public LogSoftmax() {
        this(-1);
    }

    public LogSoftmax(int axis) {
        this.axis = axis;
    }

    public int axis() {
        return axis;
    }

    @Override
    protected Tensor compute(Tensor x) {
        return x.logSoftmax(axis);
    }

    @Override
    protected String extraRepr() {
        return "axis=" + axis;
    }
}
