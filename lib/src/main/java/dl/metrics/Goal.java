package dl.metrics;

/**
 * Which way a monitored number improves: a loss goes down ({@link #MIN}), an accuracy goes up
 * ({@link #MAX}). Early stopping, checkpoints and {@code ReduceLROnPlateau} need to know it; it
 * is stated (or known for the built-in metrics), never guessed from a name.
 */
public enum Goal {
    /** Lower is better (losses, errors). */
    MIN,
    /** Higher is better (accuracy, F1). */
    MAX;

    /** Whether {@code value} is better than {@code best} (any number beats NaN, NaN beats nothing). */
    public boolean improves(double value, double best) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return this == MIN ? value < best : value > best;
    }
}
