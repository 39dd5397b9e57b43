package dl.train;

/**
 * The loss became NaN or infinite, or grew past {@link Trainer#divergenceFactor} times the first
 * step's loss; the message names the epoch, the step, the learning rate and the likely cause.
 */
public final class TrainingDiverged extends ArithmeticException {
    public TrainingDiverged(String message) {
        super(message);
    }
}
