package dl.optim;

import dl.metrics.Goal;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the lr when a monitored number (usually the validation loss) stops improving, as
 * PyTorch's {@code ReduceLROnPlateau}. Call {@link #step(double)} once per epoch with the metric.
 * <ul>
 *   <li>"Improving" in mode {@link Goal#MIN} (the default) means metric &lt; best·(1 − threshold)
 *       ({@link #relativeThreshold}) or metric &lt; best − threshold ({@link #absoluteThreshold});
 *       in mode {@link Goal#MAX}, above best·(1 + threshold) or best + threshold.</li>
 *   <li>After more than {@code patience} epochs in a row without improvement, every group's lr
 *       becomes max(lr·factor, minLr) (changes smaller than eps are skipped), and the count
 *       restarts after {@code cooldown} epochs in which bad epochs are not counted.</li>
 * </ul>
 * Defaults as PyTorch: mode MIN, factor 0.1, patience 10, relative threshold 1e-4, cooldown 0,
 * minLr 0, eps 1e-8. Settings are fluent: {@code new ReduceLROnPlateau(opt).factor(0.5).patience(2)}.
 */
public class ReduceLROnPlateau {

    private final Optimizer optimizer;
    private boolean maximize;
    private double factor = 0.1;
    private int patience = 10;
    private double threshold = 1e-4;
    private boolean relative = true;
    private int cooldown;
    private double[] minLrs;
    private double eps = 1e-8;

    private double best = Double.POSITIVE_INFINITY;
    private int numBadEpochs;
    private int cooldownCounter;
    private int lastEpoch;
    private double[] lastLrs;

    public ReduceLROnPlateau(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("ReduceLROnPlateau: optimizer must not be null");
        }
        this.optimizer = optimizer;
        this.minLrs = new double[optimizer.paramGroups().size()];
        this.lastLrs = optimizer.lrs();
    }

    /** {@link Goal#MIN} (a loss: lower is better, the default) or {@link Goal#MAX} (an accuracy). */
    public ReduceLROnPlateau mode(Goal goal) {
        if (goal == null) {
            throw new IllegalArgumentException("ReduceLROnPlateau: mode must be Goal.MIN or Goal.MAX, got null");
        }
        maximize = goal == Goal.MAX;
        best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        return this;
    }

    /** Which way the metric improves. */
    public Goal mode() {
        return maximize ? Goal.MAX : Goal.MIN;
    }

    /** new lr = lr·factor, factor in (0, 1). */
    public ReduceLROnPlateau factor(double factor) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: factor must be in (0, 1), got " + factor);
        }
        this.factor = factor;
        return this;
    }

    /** Epochs without improvement tolerated before cutting the lr. */
    public ReduceLROnPlateau patience(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("ReduceLROnPlateau: patience must be >= 0, got " + patience);
        }
        this.patience = patience;
        return this;
    }

    /**
     * How much better counts as better, as a fraction of the best value (PyTorch's
     * {@code threshold_mode="rel"}, the default with 1e-4): in mode MIN, metric &lt; best·(1 − threshold).
     */
    public ReduceLROnPlateau relativeThreshold(double threshold) {
        this.threshold = checkedThreshold(threshold);
        this.relative = true;
        return this;
    }

    /** How much better counts as better, in the metric's units ({@code threshold_mode="abs"}): metric &lt; best − threshold. */
    public ReduceLROnPlateau absoluteThreshold(double threshold) {
        this.threshold = checkedThreshold(threshold);
        this.relative = false;
        return this;
    }

    private static double checkedThreshold(double threshold) {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: threshold must be >= 0, got " + threshold);
        }
        return threshold;
    }

    /** Epochs to wait after a cut before counting bad epochs again. */
    public ReduceLROnPlateau cooldown(int cooldown) {
        if (cooldown < 0) {
            throw new IllegalArgumentException("ReduceLROnPlateau: cooldown must be >= 0, got " + cooldown);
        }
        this.cooldown = cooldown;
        return this;
    }

    /** Lower bound of the lr, for every group. */
    public ReduceLROnPlateau minLr(double minLr) {
        double[] all = new double[optimizer.paramGroups().size()];
        Arrays.fill(all, minLr);
        return minLrs(all);
    }

    /** Lower bound of the lr, one per group. */
    public ReduceLROnPlateau minLrs(double... minLrs) {
        int n = optimizer.paramGroups().size();
        if (minLrs.length != n) {
            throw new IllegalArgumentException("ReduceLROnPlateau: expected " + n + " minLrs (one per group), got "
                    + minLrs.length);
        }
        for (double m : minLrs) {
            if (!(m >= 0) || Double.isInfinite(m)) {
                throw new IllegalArgumentException("ReduceLROnPlateau: minLr must be >= 0, got " + m);
            }
        }
        this.minLrs = minLrs.clone();
        return this;
    }

    /** Cuts smaller than eps are skipped. */
    public ReduceLROnPlateau eps(double eps) {
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: eps must be >= 0, got " + eps);
        }
        this.eps = eps;
        return this;
    }

    /** Reports this epoch's metric; cuts the lr after a plateau. */
    public void step(double metric) {
        if (Double.isNaN(metric)) {
            throw new IllegalArgumentException("ReduceLROnPlateau.step: metric is NaN (epoch " + (lastEpoch + 1) + ")");
        }
        lastEpoch++;
        if (isBetter(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            reduce();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        lastLrs = optimizer.lrs();
    }

    private boolean isBetter(double metric) {
        if (maximize) {
            return relative ? metric > best * (1 + threshold) : metric > best + threshold;
        }
        return relative ? metric < best * (1 - threshold) : metric < best - threshold;
    }

    private void reduce() {
        List<ParamGroup> groups = optimizer.paramGroups();
        if (groups.size() != minLrs.length) {
            throw new IllegalStateException("ReduceLROnPlateau: the optimizer has " + groups.size()
                    + " parameter groups but " + minLrs.length + " minLrs; hint: add all groups first, then create the schedule");
        }
        for (int i = 0; i < groups.size(); i++) {
            double old = groups.get(i).lr();
            double next = Math.max(old * factor, minLrs[i]);
            if (old - next > eps) {
                groups.get(i).setLr(next);
            }
        }
    }

    /** The best metric so far. */
    public double best() {
        return best;
    }

    /** Epochs in a row without improvement (0 during cooldown). */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    /** Number of step() calls. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** The lr after the last step, shared by all groups (see {@link #lastLrs()} when they differ). */
    public double lastLr() {
        for (double lr : lastLrs) {
            if (lr != lastLrs[0]) {
                throw new IllegalStateException("ReduceLROnPlateau: groups have different learning rates "
                        + Arrays.toString(lastLrs) + "; use lastLrs()");
            }
        }
        return lastLrs[0];
    }

    public double[] lastLrs() {
        return lastLrs.clone();
    }

    @Override
    public String toString() {
        return "ReduceLROnPlateau(mode=" + mode() + ", factor=" + factor + ", patience=" + patience
                + ", best=" + best + ", bad epochs=" + numBadEpochs + ", lr=" + Arrays.toString(lastLrs) + ")";
    }
}
