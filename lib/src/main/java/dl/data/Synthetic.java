package dl.data;

/** Argument checks shared by the synthetic data generators. */
final class Synthetic {

    private Synthetic() {}

    static void requirePositive(String where, String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(where + ": " + name + " must be >= 1, got " + value);
        }
    }

    static void requireNonNegative(String where, String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(where + ": " + name + " must be a finite number >= 0, got " + value);
        }
    }
}
