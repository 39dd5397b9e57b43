package dl.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs schedules one after another: the first until epoch milestones[0], the second from there
 * (restarted at its own epoch 0), and so on (PyTorch's {@code SequentialLR}). The usual use is a
 * warm-up then a decay, see {@link #warmupThen}.
 */
public class SequentialLR extends LRScheduler {

    private final List<LRScheduler> schedules;
    private final int[] milestones;

    /**
     * @param schedules built on the same optimizer, in order
     * @param milestones the epochs where the next schedule takes over (one fewer than schedules)
     */
    public SequentialLR(Optimizer optimizer, List<? extends LRScheduler> schedules, int... milestones) {
        super(optimizer);
        if (schedules == null || schedules.isEmpty()) {
            throw new IllegalArgumentException("SequentialLR: needs at least one schedule");
        }
        for (int i = 0; i < schedules.size(); i++) {
            if (schedules.get(i).optimizer != optimizer) {
                throw new IllegalArgumentException("SequentialLR: schedule " + i + " ("
                        + schedules.get(i).getClass().getSimpleName() + ") belongs to another optimizer");
            }
        }
        if (milestones.length != schedules.size() - 1) {
            throw new IllegalArgumentException("SequentialLR: " + schedules.size() + " schedules need "
                    + (schedules.size() - 1) + " milestones, got " + milestones.length);
        }
        for (int i = 0; i < milestones.length; i++) {
            if (milestones[i] < 1 || (i > 0 && milestones[i] <= milestones[i - 1])) {
                throw new IllegalArgumentException("SequentialLR: milestones must be increasing and >= 1, got "
                        + java.util.Arrays.toString(milestones));
            }
        }
        this.schedules = new ArrayList<>(schedules);
        this.milestones = milestones.clone();
        // Undo the first steps the schedules took when they were built, then start the first one.
        lastEpoch = 0;
        for (ParamGroup g : optimizer.paramGroups()) {
            g.setLr(g.initialLr);
        }
        for (LRScheduler s : this.schedules) {
            s.lastEpoch -= 1;
        }
        LRScheduler first = this.schedules.get(0);
        first.start();
        setLastLrs(first.lastLrs());
    }

    /**
     * A linear warm-up from startFactor·lr to lr over {@code warmupSteps}, then {@code decay}
     * from its epoch 0, e.g. {@code warmupThen(opt, 5, 0.1, o -> new CosineAnnealingLR(o, 25))}
     * (PyTorch: {@code SequentialLR(opt, [LinearLR(opt, 0.1, 1.0, 5), CosineAnnealingLR(opt, 25)], [5])}).
     */
    public static SequentialLR warmupThen(Optimizer optimizer, int warmupSteps, double startFactor,
            Function<Optimizer, ? extends LRScheduler> decay) {
        LinearLR warmup = new LinearLR(optimizer, startFactor, 1.0, warmupSteps);
        return new SequentialLR(optimizer, List.of(warmup, decay.apply(optimizer)), warmupSteps);
    }

    @Override
    public void step() {
        lastEpoch++;
        int idx = index(lastEpoch);
        LRScheduler s = schedules.get(idx);
        if (idx > 0 && milestones[idx - 1] == lastEpoch) {
            s.stepTo(0);
        } else {
            s.step();
        }
        setLastLrs(s.lastLrs());
    }

    /** Which schedule runs at {@code epoch} (Python's bisect_right over the milestones). */
    private int index(int epoch) {
        int i = 0;
        while (i < milestones.length && milestones[i] <= epoch) {
            i++;
        }
        return i;
    }

    @Override
    protected double nextLr(int group, double lr) {
        throw new UnsupportedOperationException("SequentialLR steps its schedules");
    }

    @Override
    protected double closedForm(double baseLr, int epoch) {
        int idx = index(epoch);
        return schedules.get(idx).closedForm(baseLr, idx == 0 ? epoch : epoch - milestones[idx - 1]);
    }
}
