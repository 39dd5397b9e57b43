package dl.metrics;

import dl.tensor.Tensor;
import java.util.Objects;

/**
 * Accuracy = (number of samples whose predicted class equals the actual class) / N, in [0, 1].
 * From class ids, from class scores [N, C] (logits or probabilities, via {@link Classes#argmax}),
 * or from one score per sample with a threshold ({@link #binary}).
 */
public final class Accuracy {

    private Accuracy() {}

    /** Fraction of positions where {@code predicted[i] == actual[i]}. */
    public static double of(int[] predicted, int[] actual) {
        Objects.requireNonNull(predicted, "accuracy: predicted must not be null");
        Objects.requireNonNull(actual, "accuracy: actual must not be null");
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException("accuracy: " + predicted.length + " predictions but " + actual.length
                    + " labels; expected one label per prediction");
        }
        if (predicted.length == 0) {
            throw new IllegalArgumentException("accuracy: no predictions (empty arrays)");
        }
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == actual[i]) {
                correct++;
            }
        }
        return (double) correct / predicted.length;
    }

    /** Accuracy of class scores [N, C] (the largest score of each row is the prediction). */
    public static double of(Tensor scores, int[] actual) {
        return of(Classes.argmax(scores), actual);
    }

    /** Accuracy of class scores [N, C] against labels [N] (whole numbers of any type). */
    public static double of(Tensor scores, Tensor actual) {
        return of(Classes.argmax(scores), Classes.ids(actual));
    }

    /** Accuracy of one score per sample: predicted class 1 where score ≥ threshold (0.5 for probabilities, 0 for logits). */
    public static double binary(Tensor scores, int[] actual, double threshold) {
        return of(Classes.threshold(scores, threshold), actual);
    }

    public static double binary(Tensor scores, Tensor actual, double threshold) {
        return of(Classes.threshold(scores, threshold), Classes.ids(actual));
    }
}
