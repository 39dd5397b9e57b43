package dl.optim;

import java.util.function.IntToDoubleFunction;

/**
 * The lr is the base lr times a factor you give as a function of the epoch:
 * lr(e) = lr₀ · factor(e) (PyTorch's {@code LambdaLR}). For example a linear warm-up over
 * 5 epochs: {@code new LambdaLR(opt, e -> Math.min(1.0, (e + 1) / 5.0))}.
 */
public class LambdaLR extends LRScheduler {

    private final IntToDoubleFunction factor;

    public LambdaLR(Optimizer optimizer, IntToDoubleFunction factor) {
        super(optimizer);
        if (factor == null) {
            throw new IllegalArgumentException("LambdaLR: factor must not be null");
        }
        this.factor = factor;
        start();
    }

    @Override
    protected double nextLr(int group, double lr) {
        return closedForm(baseLr(group), lastEpoch);
    }

    @Override
    protected double closedForm(double baseLr, int epoch) {
        double f = factor.applyAsDouble(epoch);
        if (!(f >= 0) || Double.isInfinite(f)) {
            throw new IllegalStateException("LambdaLR: factor(" + epoch + ") must be a number >= 0, got " + f);
        }
        return baseLr * f;
    }
}
