package dl.train;

import dl.metrics.Accuracy;
import dl.metrics.Goal;
import dl.tensor.Tensor;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A quantity computed on each batch from the model output and the target, averaged over all
 * examples of an epoch (weighted by batch size), and logged under {@link #name()}. Its
 * {@link #goal()} says which way it improves, for early stopping and checkpoints
 * ({@link Monitor#validation(Metric)}).
 */
public interface Metric {

    String name();

    /** Which way the metric improves (accuracy: {@link Goal#MAX}). */
    Goal goal();

    /** The metric's value on one batch. */
    double compute(Tensor output, Tensor target);

    /** Fraction of rows whose highest score is the target class (targets: class ids). */
    static Metric accuracy() {
        return of("acc", Goal.MAX, (out, y) -> out.rank() == 2 && out.size(1) == 1
                ? Accuracy.binary(out, y, 0.5)
                : Accuracy.of(out, y));
    }

    /** Binary accuracy for probabilities (or logits with threshold 0) against 0/1 targets. */
    static Metric binaryAccuracy(double threshold) {
        return of("acc", Goal.MAX, (out, y) -> Accuracy.binary(out, y, threshold));
    }

    /** A metric from a name, the way it improves, and a function, e.g. {@code Metric.of("mae", Goal.MIN, ...)}. */
    static Metric of(String name, Goal goal, BiFunction<Tensor, Tensor, Double> f) {
        Objects.requireNonNull(name, "Metric.of: name must not be null");
        Objects.requireNonNull(goal, "Metric.of: goal must not be null (Goal.MIN or Goal.MAX)");
        Objects.requireNonNull(f, "Metric.of: the function must not be null");
        return new Metric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Goal goal() {
                return goal;
            }

            @Override
            public double compute(Tensor output, Tensor target) {
                return f.apply(output, target);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
