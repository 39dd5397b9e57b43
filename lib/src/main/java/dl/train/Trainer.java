package dl.train;

import dl.Course;
import dl.data.Batch;
import dl.data.DataLoader;
import dl.display.Display;
import dl.loss.Loss;
import dl.nn.Module;
import dl.optim.Clip;
import dl.optim.LRScheduler;
import dl.optim.Optimizer;
import dl.optim.ReduceLROnPlateau;
import dl.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training loop most notebooks need, in one call:
 *
 * <pre>{@code
 * History h = Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1).momentum(0.9))
 *         .epochs(10).validation(valLoader).metrics(Metric.accuracy())
 *         .earlyStopping(Monitor.VAL_LOSS, 3)
 *         .fit(trainLoader);
 * }</pre>
 *
 * Each epoch: for every batch, zero the gradients, forward, loss, backward, (clip), step; then
 * validate, log a row in the {@link History}, step the schedule, check early stopping and save
 * the best model. The loop is the one a student writes by hand; this class only adds the
 * bookkeeping (progress, history, divergence check, checkpoints).
 */
public final class Trainer {

    /** Called after every epoch with the values just logged; may call {@link Trainer#stop()}. */
    @FunctionalInterface
    public interface Callback {
        void onEpochEnd(Trainer trainer, int epoch, Map<String, Double> logs);
    }

    private static final double PROGRESS_INTERVAL_SECONDS = 0.5;
    /** Redrawing the live chart costs a PNG render per update (0.2-0.7 s when the cores are busy). */
    static final double CHART_INTERVAL_SECONDS = 2.0;

    private final Module model;
    private final Loss loss;
    private final Optimizer optimizer;
    private int epochs = 10;
    private DataLoader validation;
    private final List<Metric> metrics = new ArrayList<>();
    private LRScheduler schedule;
    private ReduceLROnPlateau plateau;
    private double clipNorm;
    private double clipValue;
    private Monitor monitor = Monitor.VAL_LOSS;
    private int patience;
    private Path checkpoint;
    private boolean restoreBest;
    private Long seed;
    private boolean showProgress = true;
    private final List<Callback> callbacks = new ArrayList<>();
    private boolean stopRequested;
    private double divergenceFactor = DEFAULT_DIVERGENCE_FACTOR;
    /** The loss of the run's first step: the scale an exploding loss is measured against. */
    private double firstLoss;

    /** A loss this many times the first step's loss stops training as diverged (see {@link #divergenceFactor}). */
    public static final double DEFAULT_DIVERGENCE_FACTOR = 1e3;

    private Trainer(Module model, Loss loss, Optimizer optimizer) {
        this.model = Objects.requireNonNull(model, "Trainer: model must not be null");
        this.loss = Objects.requireNonNull(loss, "Trainer: loss must not be null");
        this.optimizer = Objects.requireNonNull(optimizer, "Trainer: optimizer must not be null");
    }

    /** A trainer for {@code model} with a loss and an optimizer over (some of) its parameters. */
    public static Trainer of(Module model, Loss loss, Optimizer optimizer) {
        return new Trainer(model, loss, optimizer);
    }

    public Trainer epochs(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Trainer.epochs: expected at least 1 epoch, got " + n);
        }
        this.epochs = n;
        return this;
    }

    /** Data evaluated after every epoch (logged as val_loss, val_acc, ...). */
    public Trainer validation(DataLoader loader) {
        this.validation = loader;
        return this;
    }

    public Trainer metrics(Metric... ms) {
        metrics.addAll(Arrays.asList(ms));
        return this;
    }

    /** A learning-rate schedule stepped once per epoch. */
    public Trainer schedule(LRScheduler s) {
        this.schedule = s;
        return this;
    }

    /** Reduce the learning rate when the monitored value stops improving (stepped per epoch). */
    public Trainer schedule(ReduceLROnPlateau p) {
        this.plateau = p;
        return this;
    }

    /** Clip the total gradient norm to {@code maxNorm} before each step (the norm is logged as grad_norm). */
    public Trainer clipGradNorm(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("Trainer.clipGradNorm: expected maxNorm > 0, got " + maxNorm);
        }
        this.clipNorm = maxNorm;
        return this;
    }

    /** Clip every gradient value into [-v, v] before each step. */
    public Trainer clipGradValue(double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException("Trainer.clipGradValue: expected a value > 0, got " + v);
        }
        this.clipValue = v;
        return this;
    }

    /**
     * Stop when {@code monitor} has not improved for {@code patience} epochs, e.g.
     * {@code earlyStopping(Monitor.VAL_LOSS, 3)} or {@code earlyStopping(Monitor.validation(Metric.accuracy()), 3)};
     * the monitor states which way its value improves.
     */
    public Trainer earlyStopping(Monitor monitor, int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("Trainer.earlyStopping: expected patience >= 1, got " + patience);
        }
        this.monitor = Objects.requireNonNull(monitor, "Trainer.earlyStopping: monitor must not be null");
        this.patience = patience;
        return this;
    }

    /** Which logged value decides "best" for checkpoints and plateau schedules (default {@link Monitor#VAL_LOSS}). */
    public Trainer monitor(Monitor monitor) {
        this.monitor = Objects.requireNonNull(monitor);
        return this;
    }

    /**
     * Save the model to {@code file} (atomically) whenever the monitored value improves. A save
     * that fails does not stop training: a warning names the reason and the run's history is kept.
     */
    public Trainer checkpoint(Path file) {
        this.checkpoint = file;
        return this;
    }

    /** At the end, load the weights of the best epoch back into the model. */
    public Trainer restoreBest() {
        this.restoreBest = true;
        return this;
    }

    /** Seed every random source (data order, dropout) before training. */
    public Trainer seed(long s) {
        this.seed = s;
        return this;
    }

    /**
     * Training stops with {@link TrainingDiverged} when a step's loss exceeds {@code factor} times
     * the loss of the run's first step (default 1000), as it stops for a NaN or infinite loss: a
     * loss that grew a thousandfold has left the region where gradient descent works, and its
     * finite but useless numbers would otherwise pass unnoticed. {@code Double.POSITIVE_INFINITY}
     * turns the check off (only non-finite losses stop training).
     */
    public Trainer divergenceFactor(double factor) {
        if (!(factor > 1)) {
            throw new IllegalArgumentException("Trainer.divergenceFactor: expected a factor > 1 (or Infinity to turn the"
                    + " check off), got " + factor);
        }
        this.divergenceFactor = factor;
        return this;
    }

    /** Show the live progress bar and loss curve (on by default). */
    public Trainer progress(boolean on) {
        this.showProgress = on;
        return this;
    }

    public Trainer callback(Callback c) {
        callbacks.add(c);
        return this;
    }

    /** Ends training after the current epoch (for callbacks). */
    public void stop() {
        stopRequested = true;
    }

    public Module model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Trains for the configured number of epochs (or until stopped) and returns the history. */
    public History fit(DataLoader train) {
        Objects.requireNonNull(train, "Trainer.fit: the training loader must not be null");
        if (seed != null) {
            Course.seed(seed);
        }
        int batches = train.numBatches();
        if (batches == 0) {
            throw new IllegalArgumentException("Trainer.fit: the training loader yields no batches ("
                    + train.dataset().size() + " examples, batch size " + train.batchSize() + ", dropLast)");
        }
        checkMonitor();
        History history = new History();
        Progress progress = new Progress(epochs, batches);
        boolean live = showProgress && Display.inNotebook();
        String progressId = live ? Display.display(progress) : null;
        String chartId = null;
        long chartShown = 0;
        int chartEpochs = 0;
        Map<String, INDArray> best = null;
        double bestValue = Double.NaN;
        int badEpochs = 0;
        String stopReason = null;
        String checkpointFailure = null;
        long start = System.nanoTime();
        stopRequested = false;
        firstLoss = Double.NaN;
        boolean wasTraining = model.isTraining();
        int epoch = 0;
        try {
            while (epoch < epochs && !stopRequested) {
                epoch++;
                long epochStart = System.nanoTime();
                double[] lrs = optimizer.lrs();
                Map<String, Double> logs = trainOneEpoch(train, epoch, progress, progressId, start);
                if (validation != null) {
                    evaluate(validation).forEach((k, v) -> logs.put("val_" + k, v));
                }
                putLearningRates(logs, lrs);
                logs.put("seconds", (System.nanoTime() - epochStart) / 1e9);
                history.log(epoch, logs);

                Double monitored = logs.get(monitor.name());
                if (monitored == null && (patience > 0 || checkpoint != null || restoreBest || plateau != null)) {
                    throw new IllegalStateException("Trainer: cannot monitor '" + monitor.name() + "': logged values are "
                            + logs.keySet() + (validation == null ? "; add .validation(loader) for val_ values" : ""));
                }
                if (monitored != null && monitor.improves(monitored, bestValue)) {
                    bestValue = monitored;
                    badEpochs = 0;
                    if (restoreBest) {
                        best = model.stateDict();
                    }
                    if (checkpoint != null) {
                        checkpointFailure = saveCheckpoint(epoch, checkpointFailure);
                    }
                } else if (monitored != null) {
                    badEpochs++;
                }
                if (schedule != null) {
                    schedule.step();
                }
                if (plateau != null) {
                    plateau.step(monitored);
                }
                for (Callback c : callbacks) {
                    c.onEpochEnd(this, epoch, logs);
                }
                if (patience > 0 && badEpochs >= patience) {
                    stopReason = "stopped early at epoch " + epoch + ": " + monitor.name() + " did not improve for "
                            + patience + " epochs (best " + Progress.numberOrNaN(bestValue) + ")";
                    break;
                }
                // the chart is redrawn at most every CHART_INTERVAL_SECONDS, and after the last epoch
                boolean due = epoch == epochs || stopRequested || (System.nanoTime() - chartShown) / 1e9 >= CHART_INTERVAL_SECONDS;
                if (live && epochs > 1 && (chartId == null || due)) {
                    if (chartId == null) {
                        chartId = Display.display(history.plot());
                    } else {
                        Display.updateDisplay(chartId, history.plot());
                    }
                    chartShown = System.nanoTime();
                    chartEpochs = epoch;
                }
            }
            if (restoreBest && best != null) {
                model.loadStateDict(best);
            }
        } finally {
            // also after an exception or an interrupt: the model leaves fit() in the mode it came in
            model.train(wasTraining);
        }
        if (chartId != null && chartEpochs < history.epochs()) {
            Display.updateDisplay(chartId, history.plot());   // the epochs skipped by the throttle or an early stop
        }
        String summary = summary(history, (System.nanoTime() - start) / 1e9, stopReason)
                + (checkpointFailure == null ? "" : "; WARNING: " + checkpointFailure);
        progress.finish(summary);
        if (live) {
            Display.updateDisplay(progressId, progress);
        } else if (showProgress) {
            System.out.println(summary);
        }
        return history;
    }

    /**
     * Saves the checkpoint; a failure (a folder that cannot be written, a full disk) must not
     * throw away the run: it is reported once on stderr and in the summary, and training goes on.
     * Returns the failure to report (the first one), or null.
     */
    private String saveCheckpoint(int epoch, String earlierFailure) {
        try {
            model.save(checkpoint);
            return earlierFailure;
        } catch (java.io.UncheckedIOException e) {
            if (earlierFailure != null) {
                return earlierFailure;
            }
            String failure = "the checkpoint of epoch " + epoch + " was not saved (" + e.getMessage()
                    + "); training went on and the history is complete, but " + checkpoint + " is not the best model";
            System.err.println("warning: Trainer: " + failure);
            return failure;
        }
    }

    /**
     * Stops training at the first non-finite loss, or at one above {@code divergenceFactor} times
     * the first step's loss, naming where it happened and the likely cause.
     */
    private void checkLoss(double value, int epoch, int step, int batches, double earlierMean, INDArray inputs) {
        if (Double.isNaN(firstLoss)) {
            firstLoss = value;
        }
        String where = " at epoch " + epoch + ", step " + step + " of " + batches + " (learning rate "
                + learningRateText(optimizer.lrs()) + "; first step's loss " + DivergenceHint.number(firstLoss)
                + "; mean loss of the epoch's earlier steps " + (Double.isNaN(earlierMean) ? "n/a" : DivergenceHint.number(earlierMean)) + ")";
        if (!Double.isFinite(value)) {
            throw new TrainingDiverged("Trainer: the loss became " + value + where + ". " + DivergenceHint.nonFinite(inputs, model));
        }
        if (firstLoss > 0 && value > divergenceFactor * firstLoss) {
            throw new TrainingDiverged("Trainer: the loss exploded to " + DivergenceHint.number(value) + where + ", more than "
                    + DivergenceHint.number(divergenceFactor) + " times the first step's loss. hint: lower the learning rate, "
                    + "normalize the inputs or clip gradients (clipGradNorm); if such growth is expected, raise the limit with "
                    + ".divergenceFactor(...)");
        }
    }

    private Map<String, Double> trainOneEpoch(DataLoader train, int epoch, Progress progress, String progressId,
            long runStart) {
        model.train();
        double lossSum = 0;
        double[] metricSums = new double[metrics.size()];
        double normSum = 0;
        long seen = 0;
        int step = 0;
        long epochStart = System.nanoTime();
        long lastShown = epochStart;
        int batches = train.numBatches();
        for (Batch batch : train) {
            step++;
            Tensor x = input(batch.x());
            optimizer.zeroGrad();
            Tensor out = model.forward(x);
            Tensor y = loss.targetFor(batch.y(), out);
            Tensor l = loss.forward(out, y);
            double value = l.item();
            checkLoss(value, epoch, step, batches, seen == 0 ? Double.NaN : lossSum / seen, batch.x());
            l.backward();
            if (clipNorm > 0) {
                normSum += Clip.gradNorm(model.parameters(), clipNorm) * batch.size();
            }
            if (clipValue > 0) {
                Clip.gradValue(model.parameters(), clipValue);
            }
            optimizer.step();
            int n = batch.size();
            seen += n;
            lossSum += value * n;
            try (var g = Tensor.noGrad()) {
                for (int i = 0; i < metrics.size(); i++) {
                    metricSums[i] += metrics.get(i).compute(out, y) * n;
                }
            }
            long now = System.nanoTime();
            if (progressId != null && ((now - lastShown) / 1e9 >= PROGRESS_INTERVAL_SECONDS || step == batches)) {
                lastShown = now;
                double elapsed = (now - epochStart) / 1e9;
                double perBatch = elapsed / step;
                double left = perBatch * ((long) (epochs - epoch) * batches + (batches - step));
                progress.update(epoch, step, lossSum / seen, metricText(metricSums, seen), seen / elapsed, left);
                Display.updateDisplay(progressId, progress);
            }
        }
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", lossSum / seen);
        for (int i = 0; i < metrics.size(); i++) {
            logs.put(metrics.get(i).name(), metricSums[i] / seen);
        }
        if (clipNorm > 0) {
            logs.put("grad_norm", normSum / seen);
        }
        return logs;
    }

    /** Loss and metrics of the model on {@code loader}, in eval mode and without gradients. */
    public Map<String, Double> evaluate(DataLoader loader) {
        return evaluate(model, loss, loader, metrics.toArray(new Metric[0]));
    }

    /** Loss and metrics of {@code model} on {@code loader}, averaged over examples (eval mode, no gradients). */
    public static Map<String, Double> evaluate(Module model, Loss loss, DataLoader loader, Metric... metrics) {
        boolean wasTraining = model.isTraining();
        model.eval();
        double lossSum = 0;
        double[] sums = new double[metrics.length];
        long seen = 0;
        try (var g = Tensor.noGrad()) {
            for (Batch batch : loader) {
                Tensor out = model.forward(input(model, batch.x()));
                Tensor y = loss.targetFor(batch.y(), out);
                int n = batch.size();
                lossSum += loss.forward(out, y).item() * n;
                for (int i = 0; i < metrics.length; i++) {
                    sums[i] += metrics[i].compute(out, y) * n;
                }
                seen += n;
            }
        } finally {
            model.train(wasTraining);
        }
        if (seen == 0) {
            throw new IllegalArgumentException("Trainer.evaluate: the loader yields no examples");
        }
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("loss", lossSum / seen);
        for (int i = 0; i < metrics.length; i++) {
            result.put(metrics[i].name(), sums[i] / seen);
        }
        return result;
    }

    private Tensor input(INDArray x) {
        return input(model, x);
    }

    /** Features in the model's precision. */
    private static Tensor input(Module model, INDArray x) {
        DataType want = model.dtype();
        return Tensor.of(x.dataType() == want ? x : x.castTo(want));
    }

    /**
     * The monitor's direction must agree with what else knows it: a configured metric of the
     * same name, and the plateau schedule's mode (both watch the same number).
     */
    private void checkMonitor() {
        for (Metric m : metrics) {
            for (Monitor known : new Monitor[] {Monitor.training(m), Monitor.validation(m)}) {
                if (known.name().equals(monitor.name()) && known.goal() != monitor.goal()) {
                    throw new IllegalStateException("Trainer: the monitor says " + monitor + ", but the metric '" + m.name()
                            + "' improves the other way (" + m.goal() + "); hint: use Monitor.validation(metric) or Monitor.training(metric)");
                }
            }
        }
        if (plateau != null && plateau.mode() != monitor.goal()) {
            throw new IllegalStateException("Trainer: the ReduceLROnPlateau schedule is in mode " + plateau.mode()
                    + " but it is stepped with " + monitor + "; hint: .mode(Goal." + monitor.goal() + ") on the schedule");
        }
    }

    private String metricText(double[] sums, long seen) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < metrics.size(); i++) {
            b.append(String.format("  %s %.4f", metrics.get(i).name(), sums[i] / seen));
        }
        return b.toString();
    }

    /** "lr" when every parameter group shares one rate, else "lr_group0", "lr_group1", ... (fine-tuning). */
    private static void putLearningRates(Map<String, Double> logs, double[] lrs) {
        if (java.util.Arrays.stream(lrs).distinct().count() <= 1) {
            logs.put("lr", lrs[0]);
            return;
        }
        for (int i = 0; i < lrs.length; i++) {
            logs.put("lr_group" + i, lrs[i]);
        }
    }

    /** One rate, or each group's rate readably ("[0.1, 0.01] by group"). */
    private static String learningRateText(double[] lrs) {
        return java.util.Arrays.stream(lrs).distinct().count() <= 1 ? String.valueOf(lrs[0])
                : java.util.Arrays.toString(lrs) + " by group";
    }

    private static String summary(History h, double seconds, String stopReason) {
        StringBuilder b = new StringBuilder("trained " + h.epochs() + " epoch" + (h.epochs() == 1 ? "" : "s") + " in "
                + Progress.duration(seconds) + ":");
        for (String c : h.columnNames()) {
            if (!c.equals("epoch") && !c.equals("seconds") && !c.equals("lr") && !c.matches("lr_group\\d+")) {
                b.append(' ').append(c).append(' ').append(History.format(c, h.last(c)));
            }
        }
        if (stopReason != null) {
            b.append("; ").append(stopReason);
        }
        return b.toString();
    }
}
