package dl.seq2seq;

import java.util.Arrays;

/**
 * A decoded sequence (without the start token, with the end token if it was produced) and its
 * log-probability Σ_t log p(y_t | y_&lt;t, x).
 */
public record Hypothesis(int[] tokens, double logProb) {

    /** The score used to compare hypotheses: logProb / length^alpha (alpha = 0: the plain log-probability). */
    public double score(double alpha) {
        return alpha == 0 ? logProb : logProb / Math.pow(Math.max(tokens.length, 1), alpha);
    }

    /** The tokens before the end token. */
    public int[] withoutEnd(int endToken) {
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] == endToken) {
                return Arrays.copyOf(tokens, i);
            }
        }
        return tokens.clone();
    }

    @Override
    public String toString() {
        return Arrays.toString(tokens) + " log p = " + String.format("%.4f", logProb);
    }
}
