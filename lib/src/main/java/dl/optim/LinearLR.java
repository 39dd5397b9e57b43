package dl.optim;

/**
 * Moves the lr linearly from startFactor·lr₀ to endFactor·lr₀ over {@code totalIters} epochs,
 * then keeps it (PyTorch's {@code LinearLR}; a linear warm-up when startFactor &lt; 1 = endFactor):
 * <pre>
 *   lr(e) = lr₀ · (s + (f − s) · min(e, totalIters) / totalIters)
 * </pre>
 * Defaults as PyTorch: s = 1/3, f = 1, totalIters = 5.
 */
public class LinearLR extends LRScheduler {

    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer);
        if (!(startFactor > 0 && startFactor <= 1)) {
            // PyTorch allows 0, but its recursive form then divides by zero
            throw new IllegalArgumentException("LinearLR: startFactor must be in (0, 1], got " + startFactor);
        }
        if (!(endFactor >= 0 && endFactor <= 1)) {
            throw new IllegalArgumentException("LinearLR: endFactor must be in [0, 1], got " + endFactor);
        }
        if (totalIters < 1) {
            throw new IllegalArgumentException("LinearLR: totalIters must be >= 1, got " + totalIters);
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        start();
    }

    @Override
    protected double nextLr(int group, double lr) {
        int e = lastEpoch;
        if (e == 0) {
            return lr * startFactor;
        }
        if (e > totalIters) {
            return lr;
        }
        // ratio of consecutive factors: (s + (f−s)·e/T) / (s + (f−s)·(e−1)/T)
        return lr * (1 + (endFactor - startFactor) / (totalIters * startFactor + (e - 1) * (endFactor - startFactor)));
    }

    @Override
    protected double closedForm(double baseLr, int epoch) {
        return baseLr * (startFactor + (endFactor - startFactor) * Math.min(totalIters, epoch) / totalIters);
    }
}
