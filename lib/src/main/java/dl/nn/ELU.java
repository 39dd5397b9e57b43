package dl.nn;

import dl.tensor.Tensor;

/** y = x for x > 0, α(e^x − 1) otherwise; dy/dx = 1 or α e^x. Default α = 1 as PyTorch (ELU(−1) = −0.632121). */
public class ELU extends Module {

    private final double alpha;

    public ELU() {
        this(1.0);
    }

    public ELU(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("ELU: alpha must be finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    protected Tensor compute(Tensor x) {
        return x.elu(alpha);
    }

    @Override
    protected String extraRepr() {
        return String.valueOf(alpha);
    }
}
