package dl.optim;

/**
 * Cosine annealing from the base lr down to η_min over T_max epochs (PyTorch's
 * {@code CosineAnnealingLR}):
 * <pre>
 *   lr(e) = η_min + (lr₀ − η_min) · (1 + cos(π·e / T_max)) / 2
 * </pre>
 * After T_max the cosine climbs back up (period 2·T_max); PyTorch does not restart.
 * {@link #step()} uses PyTorch's recursive form (the ratio of consecutive cosine terms applied
 * to the current lr), which equals the formula above when nothing else changes the lr.
 */
public class CosineAnnealingLR extends LRScheduler {

    private final int tMax;
    private final double etaMin;

    /** Down to 0 over {@code tMax} epochs. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0);
    }

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        if (tMax < 1) {
            throw new IllegalArgumentException("CosineAnnealingLR: tMax must be >= 1, got " + tMax);
        }
        if (!(etaMin >= 0) || Double.isInfinite(etaMin)) {
            throw new IllegalArgumentException("CosineAnnealingLR: etaMin must be >= 0, got " + etaMin);
        }
        this.tMax = tMax;
        this.etaMin = etaMin;
        start();
    }

    @Override
    protected double nextLr(int group, double lr) {
        int e = lastEpoch;
        if (e == 0) {
            return lr;
        }
        if (Math.floorMod(e - 1 - tMax, 2 * tMax) == 0) {
            // the bottom of the cosine: the ratio below would divide by 1 + cos(π) = 0
            return lr + (baseLr(group) - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
        }
        return (1 + Math.cos(Math.PI * e / tMax)) / (1 + Math.cos(Math.PI * (e - 1) / tMax)) * (lr - etaMin) + etaMin;
    }

    @Override
    protected double closedForm(double baseLr, int epoch) {
        return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
    }
}
