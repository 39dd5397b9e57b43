package dl.optim;

/**
 * Multiplies the lr by γ every {@code stepSize} epochs: lr(e) = lr₀ · γ^⌊e / stepSize⌋
 * (PyTorch's {@code StepLR}; default γ = 0.1).
 */
public class StepLR extends LRScheduler {

    private final int stepSize;
    private final double gamma;

    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize < 1) {
            throw new IllegalArgumentException("StepLR: stepSize must be >= 1, got " + stepSize);
        }
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("StepLR: gamma must be > 0, got " + gamma);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
        start();
    }

    @Override
    protected double nextLr(int group, double lr) {
        return lastEpoch == 0 || lastEpoch % stepSize != 0 ? lr : lr * gamma;
    }

    @Override
    protected double closedForm(double baseLr, int epoch) {
        return baseLr * Math.pow(gamma, epoch / stepSize);
    }
}
