package dl.nn;

import dl.tensor.Tensor;

/** y = x for x > 0, slope·x otherwise (max(slope·x, x) for slope < 1); dy/dx = 1 or slope. Default slope 0.01 as PyTorch. */
public class LeakyReLU extends Module {

    private final double slope;

    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("LeakyReLU: slope must be finite, got " + slope);
        }
        this.slope = slope;
    }

    public double slope() {
        return slope;
    }

    @Override
    protected Tensor compute(Tensor x) {
        return x.leakyRelu(slope);
    }

    @Override
    protected String extraRepr() {
        return String.valueOf(slope);
    }
}
