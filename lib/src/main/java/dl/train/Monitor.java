package dl.train;

import dl.metrics.Goal;
import java.util.Objects;

/**
 * A logged value that decides "best" (early stopping, checkpoints, {@code restoreBest}) and
 * which way it improves. The direction is stated, never guessed from the name: "val_loss"
 * containing "loss" says nothing about a custom "val_loss_ratio" or "val_f1".
 *
 * <pre>{@code
 * .earlyStopping(Monitor.VAL_LOSS, 3)                         // the validation loss, lower is better
 * .earlyStopping(Monitor.validation(Metric.accuracy()), 3)    // val_acc, higher is better
 * .earlyStopping(Monitor.max("val_f1"), 3)                    // a value logged by a callback
 * }</pre>
 */
public record Monitor(String name, Goal goal) {

    /** The training loss of each epoch ("loss"). */
    public static final Monitor LOSS = new Monitor("loss", Goal.MIN);
    /** The validation loss ("val_loss"), the default. */
    public static final Monitor VAL_LOSS = new Monitor("val_loss", Goal.MIN);

    public Monitor {
        Objects.requireNonNull(name, "Monitor: name must not be null");
        Objects.requireNonNull(goal, "Monitor: goal must not be null (Goal.MIN or Goal.MAX)");
    }

    /** A logged value where lower is better. */
    public static Monitor min(String name) {
        return new Monitor(name, Goal.MIN);
    }

    /** A logged value where higher is better. */
    public static Monitor max(String name) {
        return new Monitor(name, Goal.MAX);
    }

    /** A metric on the validation data ("val_" + its name), improving the metric's way. */
    public static Monitor validation(Metric metric) {
        return new Monitor("val_" + metric.name(), metric.goal());
    }

    /** A metric on the training data (its own name), improving the metric's way. */
    public static Monitor training(Metric metric) {
        return new Monitor(metric.name(), metric.goal());
    }

    /** Whether {@code value} is better than {@code best} (NaN: nothing yet). */
    public boolean improves(double value, double best) {
        return goal.improves(value, best);
    }

    @Override
    public String toString() {
        return name + " (" + (goal == Goal.MIN ? "lower" : "higher") + " is better)";
    }
}
