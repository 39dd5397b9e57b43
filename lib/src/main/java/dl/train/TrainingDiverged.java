package dl.train;

/** The loss became NaN or infinite; the message names the epoch and the step. */
public final class TrainingDiverged extends ArithmeticException {
    public TrainingDiverged(String message) {
        super(message);
    }
}
