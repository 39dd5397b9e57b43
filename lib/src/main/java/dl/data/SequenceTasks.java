package dl.data;

import dl.Course;
import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Toy sequence-to-sequence tasks over integer tokens (stored as whole floats): x [N, L] input
 * tokens, y [N, L'] target tokens.
 * <ul>
 *   <li>copy: y = x;  reverse: y = x backwards;  sort: y = x in ascending order
 *       (tokens uniform in 0..vocab-1);</li>
 *   <li>add: x = digits of a, {@link #PLUS}, digits of b (each zero-padded to {@code digits},
 *       most significant first), y = the digits + 1 digits of a + b.</li>
 * </ul>
 */
public final class SequenceTasks {

    /** The token for '+' in {@link #add}; digits are tokens 0..9, so the vocabulary has 11 tokens. */
    public static final int PLUS = 10;

    private SequenceTasks() {}

    public static ArrayDataset copy(int n, int length, int vocab, long seed) {
        return build("copy", n, length, vocab, seed, in -> in.clone());
    }

    public static ArrayDataset copy(int n, int length, int vocab) {
        return copy(n, length, vocab, Course.rng().nextLong());
    }

    public static ArrayDataset reverse(int n, int length, int vocab, long seed) {
        return build("reverse", n, length, vocab, seed, in -> {
            int[] out = new int[in.length];
            for (int i = 0; i < in.length; i++) {
                out[i] = in[in.length - 1 - i];
            }
            return out;
        });
    }

    public static ArrayDataset reverse(int n, int length, int vocab) {
        return reverse(n, length, vocab, Course.rng().nextLong());
    }

    public static ArrayDataset sort(int n, int length, int vocab, long seed) {
        return build("sort", n, length, vocab, seed, in -> {
            int[] out = in.clone();
            Arrays.sort(out);
            return out;
        });
    }

    public static ArrayDataset sort(int n, int length, int vocab) {
        return sort(n, length, vocab, Course.rng().nextLong());
    }

    /** a + b with a, b uniform in 0..10^digits - 1: x [n, 2 digits + 1], y [n, digits + 1]. */
    public static ArrayDataset add(int n, int digits, long seed) {
        Synthetic.requirePositive("SequenceTasks.add", "n", n);
        if (digits < 1 || digits > 9) {
            throw new IllegalArgumentException("SequenceTasks.add: digits must be in 1..9, got " + digits);
        }
        Random rng = new Random(seed);
        int limit = (int) Math.pow(10, digits);
        int inLen = 2 * digits + 1;
        int outLen = digits + 1;
        float[] x = new float[n * inLen];
        float[] y = new float[n * outLen];
        for (int i = 0; i < n; i++) {
            int a = rng.nextInt(limit);
            int b = rng.nextInt(limit);
            writeDigits(a, digits, x, i * inLen);
            x[i * inLen + digits] = PLUS;
            writeDigits(b, digits, x, i * inLen + digits + 1);
            writeDigits(a + b, outLen, y, i * outLen);
        }
        return ArrayDataset.of(Nd4j.create(x, new long[] {n, inLen}, DataType.FLOAT),
                Nd4j.create(y, new long[] {n, outLen}, DataType.FLOAT));
    }

    public static ArrayDataset add(int n, int digits) {
        return add(n, digits, Course.rng().nextLong());
    }

    /**
     * Recall over a distance: x [n, distance + 1] starts with a key in 0..keys-1, followed by
     * {@code distance} distractor tokens drawn from keys..keys+distractors-1; the label (one per
     * row, {@code keys} classes) is the key. A model that reads left to right has to carry the
     * key through {@code distance} steps; chance accuracy is 1/keys.
     */
    public static ArrayDataset recall(int n, int distance, int keys, int distractors, long seed) {
        Synthetic.requirePositive("SequenceTasks.recall", "n", n);
        Synthetic.requirePositive("SequenceTasks.recall", "distractors", distractors);
        if (distance < 0) {
            throw new IllegalArgumentException("SequenceTasks.recall: distance must be >= 0, got " + distance);
        }
        if (keys < 2) {
            throw new IllegalArgumentException("SequenceTasks.recall: keys must be >= 2, got " + keys);
        }
        Random rng = new Random(seed);
        int length = distance + 1;
        float[] x = new float[n * length];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(keys);
            x[i * length] = labels[i];
            for (int t = 1; t < length; t++) {
                x[i * length + t] = keys + rng.nextInt(distractors);
            }
        }
        return ArrayDataset.of(Nd4j.create(x, new long[] {n, length}, DataType.FLOAT), labels, keys);
    }

    /** Writes {@code value} as {@code width} decimal digits, most significant first. */
    private static void writeDigits(int value, int width, float[] out, int offset) {
        for (int i = width - 1; i >= 0; i--) {
            out[offset + i] = value % 10;
            value /= 10;
        }
    }

    private static ArrayDataset build(String task, int n, int length, int vocab, long seed,
            java.util.function.UnaryOperator<int[]> target) {
        Synthetic.requirePositive("SequenceTasks." + task, "n", n);
        Synthetic.requirePositive("SequenceTasks." + task, "length", length);
        if (vocab < 2) {
            throw new IllegalArgumentException("SequenceTasks." + task + ": vocab must be >= 2, got " + vocab);
        }
        Random rng = new Random(seed);
        float[] x = new float[n * length];
        float[] y = new float[n * length];
        int[] seq = new int[length];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < length; t++) {
                seq[t] = rng.nextInt(vocab);
            }
            int[] out = target.apply(seq);
            for (int t = 0; t < length; t++) {
                x[i * length + t] = seq[t];
                y[i * length + t] = out[t];
            }
        }
        return ArrayDataset.of(Nd4j.create(x, new long[] {n, length}, DataType.FLOAT),
                Nd4j.create(y, new long[] {n, length}, DataType.FLOAT));
    }
}
