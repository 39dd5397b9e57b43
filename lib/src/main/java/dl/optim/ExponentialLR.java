package dl.optim;

/** Multiplies the lr by γ every epoch: lr(e) = lr₀ · γᵉ (PyTorch's {@code ExponentialLR}). */
public class ExponentialLR extends LRScheduler {

    private final double gamma;

    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("ExponentialLR: gamma must be > 0, got " + gamma);
        }
        this.gamma = gamma;
        start();
    }

    @Override
    protected double nextLr(int group, double lr) {
        return lastEpoch == 0 ? lr : lr * gamma;
    }

    @Override
    protected double closedForm(double baseLr, int epoch) {
        return baseLr * Math.pow(gamma, epoch);
    }
}
