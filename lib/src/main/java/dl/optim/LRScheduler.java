package dl.optim;

import java.util.Arrays;
import java.util.List;

/**
 * Changes the learning rate of every parameter group as training goes on; call {@link #step()}
 * once per epoch (or per batch, as you decide), after {@code optimizer.step()}.
 *
 * <p>As in PyTorch 1.13 ({@code torch/optim/lr_scheduler.py}): creating a schedule performs its
 * first step, to epoch 0; the base learning rate of a group is its lr when the first schedule
 * was attached ({@code initial_lr}); and {@link #step()} computes the next lr from the current
 * one (the "chainable" form), so schedules compose with other changes of the lr.
 * {@link #lrAt(int)} gives the same schedule as a pure function of the epoch, for plots.
 */
public abstract class LRScheduler {

    protected final Optimizer optimizer;
    private final double[] baseLrs;
    /** The epoch the current lr belongs to (−1 before the first step). */
    int lastEpoch = -1;
    /** Number of step() calls (PyTorch's _step_count). */
    int stepCount;
    private double[] lastLrs;

    protected LRScheduler(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": optimizer must not be null");
        }
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        baseLrs = new double[groups.size()];
        for (int i = 0; i < baseLrs.length; i++) {
            ParamGroup g = groups.get(i);
            if (Double.isNaN(g.initialLr)) {
                g.initialLr = g.lr();
            }
            baseLrs[i] = g.initialLr;
        }
        lastLrs = optimizer.lrs();
    }

    /** The first step, to epoch 0; concrete schedules call it at the end of their constructor. */
    protected final void start() {
        stepCount = 0;
        step();
    }

    /** Moves to the next epoch and sets each group's lr. */
    public void step() {
        checkGroupCount();
        stepCount++;
        lastEpoch++;
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] next = new double[groups.size()];
        for (int i = 0; i < next.length; i++) {
            next[i] = nextLr(i, groups.get(i).lr());
        }
        apply(next);
    }

    /** Jumps to {@code epoch} with the closed form (PyTorch's step(epoch), used by SequentialLR). */
    void stepTo(int epoch) {
        checkGroupCount();
        stepCount++;
        lastEpoch = epoch;
        double[] next = new double[baseLrs.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = closedForm(baseLrs[i], epoch);
        }
        apply(next);
    }

    private void checkGroupCount() {
        int n = optimizer.paramGroups().size();
        if (n != baseLrs.length) {
            throw new IllegalStateException(getClass().getSimpleName() + ": the optimizer has " + n
                    + " parameter groups but had " + baseLrs.length + " when this schedule was created;"
                    + " hint: add all groups first, then create the schedule");
        }
    }

    private void apply(double[] lrs) {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < lrs.length; i++) {
            groups.get(i).setLr(lrs[i]);
        }
        lastLrs = lrs;
    }

    void setLastLrs(double[] lrs) {
        lastLrs = lrs;
    }

    /** The lr of group {@code group} for epoch {@link #lastEpoch()} from its current lr. */
    protected abstract double nextLr(int group, double currentLr);

    /** The schedule as a function: the lr at {@code epoch} for a group whose base lr is {@code baseLr}. */
    protected abstract double closedForm(double baseLr, int epoch);

    /** The lr this schedule gives at {@code epoch} (group 0), without stepping: for plots. */
    public double lrAt(int epoch) {
        return lrAt(0, epoch);
    }

    /** The lr this schedule gives group {@code group} at {@code epoch}, without stepping. */
    public double lrAt(int group, int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".lrAt: epoch must be >= 0, got " + epoch);
        }
        return closedForm(baseLr(group), epoch);
    }

    /** The lr a group started from (its lr when the first schedule was attached). */
    public double baseLr(int group) {
        return baseLrs[group];
    }

    /** The epoch of the current learning rate (0 right after construction). */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** The lr set by the last step, shared by all groups (see {@link #lastLrs()} when they differ). */
    public double lastLr() {
        for (double lr : lastLrs) {
            if (lr != lastLrs[0]) {
                throw new IllegalStateException(getClass().getSimpleName() + ": groups have different learning rates "
                        + Arrays.toString(lastLrs) + "; use lastLrs()");
            }
        }
        return lastLrs[0];
    }

    /** The lr of each group set by the last step. */
    public double[] lastLrs() {
        return lastLrs.clone();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(epoch " + lastEpoch + ", lr " + Arrays.toString(lastLrs) + ")";
    }
}
