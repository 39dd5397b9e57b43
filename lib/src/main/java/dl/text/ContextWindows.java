package dl.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The training examples word2vec takes from a sentence, listed for inspection (the trainer,
 * {@link Word2Vec}, makes them on the fly with a random radius per position).
 *
 * <p>With radius r a window spans 2r + 1 tokens: the centre and r on each side. CBOW turns each
 * window into one example (context → centre); skip-gram into 2r examples (centre → each context
 * word). {@link #cbow} with {@code fullOnly} keeps only windows that fit inside the sentence:
 * a window of 5 (r = 2) over 10 tokens gives 10 − 4 = 6 examples.
 */
public final class ContextWindows {

    /** One CBOW example: the context tokens (left to right, centre left out) and the centre. */
    public record Cbow<T>(List<T> context, T centre) {}

    /** One skip-gram example: the centre token and one context token. */
    public record SkipGram<T>(T centre, T context) {}

    private ContextWindows() {}

    /** CBOW examples with radius r; {@code fullOnly} drops windows clipped by the sentence ends. */
    public static <T> List<Cbow<T>> cbow(List<T> tokens, int radius, boolean fullOnly) {
        check(radius);
        List<Cbow<T>> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (fullOnly && (i < radius || i + radius >= tokens.size())) {
                continue;
            }
            List<T> context = new ArrayList<>();
            for (int j = Math.max(0, i - radius); j <= Math.min(tokens.size() - 1, i + radius); j++) {
                if (j != i) {
                    context.add(tokens.get(j));
                }
            }
            if (!context.isEmpty()) {
                out.add(new Cbow<>(List.copyOf(context), tokens.get(i)));
            }
        }
        return out;
    }

    /** Skip-gram (centre, context) pairs with radius r, windows clipped at the sentence ends. */
    public static <T> List<SkipGram<T>> skipGram(List<T> tokens, int radius) {
        check(radius);
        List<SkipGram<T>> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (int j = Math.max(0, i - radius); j <= Math.min(tokens.size() - 1, i + radius); j++) {
                if (j != i) {
                    out.add(new SkipGram<>(tokens.get(i), tokens.get(j)));
                }
            }
        }
        return out;
    }

    private static void check(int radius) {
        if (radius < 1) {
            throw new IllegalArgumentException("ContextWindows: radius must be >= 1, got " + radius);
        }
    }
}
