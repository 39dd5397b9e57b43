package dl.bench;

import java.util.Locale;

/**
 * One measured number: {@code name} pairs it with PyTorch's row of the same name;
 * {@code lowerIsBetter} says how the ratio reads (times: lower; GFLOP/s, accuracy: higher).
 */
public record Row(String name, String unit, double value, boolean lowerIsBetter) {

    /** A time or size (lower is better). */
    static Row lower(String name, String unit, double value) {
        return new Row(name, unit, value, true);
    }

    /** A throughput or accuracy (higher is better). */
    static Row higher(String name, String unit, double value) {
        return new Row(name, unit, value, false);
    }

    String json() {
        return String.format(Locale.ROOT, "{\"name\": \"%s\", \"unit\": \"%s\", \"value\": %.6g, \"lower_is_better\": %b}",
                name, unit, value, lowerIsBetter);
    }
}
