package dl.train;

import dl.metrics.Accuracy;
import dl.tensor.Tensor;
import java.util.function.BiFunction;

/**
 * A quantity computed on each batch from the model output and the target, averaged over all
 * examples of an epoch (weighted by batch size), and logged under {@link #name()}.
 */
public interface Metric {

    String name();

    /** The metric's value on one batch. */
    double compute(Tensor output, Tensor target);

    /** Fraction of rows whose highest score is the target class (targets: class ids). */
    static Metric accuracy() {
        return of("acc", (out, y) -> out.rank() == 2 && out.size(1) == 1
                ? Accuracy.binary(out, y, 0.5)
                : Accuracy.of(out, y));
    }

    /** Binary accuracy for probabilities (or logits with threshold 0) against 0/1 targets. */
    static Metric binaryAccuracy(double threshold) {
        return of("acc", (out, y) -> Accuracy.binary(out, y, threshold));
    }

    /** A metric from a name and a function. */
    static Metric of(String name, BiFunction<Tensor, Tensor, Double> f) {
        return new Metric() {
            @Override
            public String name() {
                return name;
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
