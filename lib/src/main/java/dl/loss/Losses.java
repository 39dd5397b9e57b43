package dl.loss;

import dl.tensor.Tensor;

/**
 * One-line loss calls for notebooks, e.g. {@code Losses.mse(model.forward(x), y).backward()}.
 * Each call builds the loss class of the same name (see its Javadoc for the formula and the
 * derivative) with the mean reduction unless a {@link Reduction} is passed.
 */
public final class Losses {

    private Losses() {}

    /** (1/n) Σ (ŷ − y)²: {@link MSELoss}. */
    public static Tensor mse(Tensor prediction, Tensor target) {
        return new MSELoss().forward(prediction, target);
    }

    public static Tensor mse(Tensor prediction, Tensor target, Reduction reduction) {
        return new MSELoss(reduction).forward(prediction, target);
    }

    /** (1/n) Σ |ŷ − y|: {@link L1Loss}. */
    public static Tensor mae(Tensor prediction, Tensor target) {
        return new L1Loss().forward(prediction, target);
    }

    public static Tensor mae(Tensor prediction, Tensor target, Reduction reduction) {
        return new L1Loss(reduction).forward(prediction, target);
    }

    /** The same as {@link #mae}, under PyTorch's name. */
    public static Tensor l1(Tensor prediction, Tensor target) {
        return mae(prediction, target);
    }

    /** √((1/n) Σ (ŷ − y)²): {@link RMSELoss}. */
    public static Tensor rmse(Tensor prediction, Tensor target) {
        return new RMSELoss().forward(prediction, target);
    }

    public static Tensor rmse(Tensor prediction, Tensor target, Reduction reduction) {
        return new RMSELoss(reduction).forward(prediction, target);
    }

    /** −(1/n) Σ (y log p + (1 − y) log(1 − p)) on probabilities p: {@link BCELoss}. */
    public static Tensor bce(Tensor probabilities, Tensor target) {
        return new BCELoss().forward(probabilities, target);
    }

    public static Tensor bce(Tensor probabilities, Tensor target, Reduction reduction) {
        return new BCELoss(reduction).forward(probabilities, target);
    }

    /** Binary cross-entropy of σ(z), computed stably from the logits z: {@link BCEWithLogitsLoss}. */
    public static Tensor bceWithLogits(Tensor logits, Tensor target) {
        return new BCEWithLogitsLoss().forward(logits, target);
    }

    public static Tensor bceWithLogits(Tensor logits, Tensor target, Reduction reduction) {
        return new BCEWithLogitsLoss(reduction).forward(logits, target);
    }

    /** Cross-entropy of logits [N, C] for class ids (one per row): {@link CrossEntropyLoss}. */
    public static Tensor crossEntropy(Tensor logits, int... labels) {
        return new CrossEntropyLoss().forward(logits, labels);
    }

    /** Cross-entropy for integer class ids [N] or class probabilities [N, C]: {@link CrossEntropyLoss}. */
    public static Tensor crossEntropy(Tensor logits, Tensor target) {
        return new CrossEntropyLoss().forward(logits, target);
    }

    public static Tensor crossEntropy(Tensor logits, Tensor target, Reduction reduction) {
        return new CrossEntropyLoss(reduction).forward(logits, target);
    }

    public static Tensor crossEntropy(Tensor logits, int[] labels, Reduction reduction) {
        return new CrossEntropyLoss(reduction).forward(logits, labels);
    }

    /** −(1/N) Σ a_{i,y_i} of log-probabilities a [N, C]: {@link NLLLoss}. */
    public static Tensor nll(Tensor logProbabilities, int... labels) {
        return new NLLLoss().forward(logProbabilities, labels);
    }

    public static Tensor nll(Tensor logProbabilities, Tensor labels) {
        return new NLLLoss().forward(logProbabilities, labels);
    }

    public static Tensor nll(Tensor logProbabilities, int[] labels, Reduction reduction) {
        return new NLLLoss(reduction).forward(logProbabilities, labels);
    }

    /** Huber loss with δ = 1: {@link HuberLoss}. */
    public static Tensor huber(Tensor prediction, Tensor target) {
        return new HuberLoss().forward(prediction, target);
    }

    public static Tensor huber(Tensor prediction, Tensor target, double delta) {
        return new HuberLoss(delta).forward(prediction, target);
    }

    public static Tensor huber(Tensor prediction, Tensor target, double delta, Reduction reduction) {
        return new HuberLoss(delta, reduction).forward(prediction, target);
    }
}
