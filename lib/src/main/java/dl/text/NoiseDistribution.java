package dl.text;

import java.util.random.RandomGenerator;

/**
 * The distribution negative samples are drawn from: P(w) = U(w)^power / Σ_v U(v)^power, with U(w)
 * the count of word w. word2vec uses power 3/4, which lifts rare words above their share:
 * counts [100, 10, 1] give [0.826822, 0.147032, 0.026146] against the unigram [0.900901,
 * 0.090090, 0.009009]. Ids with count 0 (the vocabulary's specials) are never drawn.
 * Sampling is a binary search over the cumulative probabilities, O(log V) per draw.
 */
public final class NoiseDistribution {

    /** word2vec's exponent. */
    public static final double WORD2VEC_POWER = 0.75;

    private final double[] probabilities;
    private final double[] cumulative;

    private NoiseDistribution(double[] probabilities) {
        this.probabilities = probabilities;
        this.cumulative = new double[probabilities.length];
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            sum += probabilities[i];
            cumulative[i] = sum;
        }
    }

    /** Counts raised to 3/4, normalised. */
    public static NoiseDistribution of(long[] counts) {
        return of(counts, WORD2VEC_POWER);
    }

    /** Counts raised to {@code power}, normalised (power 1 is the unigram distribution, 0 uniform over seen words). */
    public static NoiseDistribution of(long[] counts, double power) {
        if (counts == null || counts.length == 0) {
            throw new IllegalArgumentException("NoiseDistribution: needs at least one count");
        }
        if (!(power >= 0) || Double.isInfinite(power)) {
            throw new IllegalArgumentException("NoiseDistribution: power must be finite and >= 0, got " + power);
        }
        double[] p = new double[counts.length];
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("NoiseDistribution: count " + i + " is negative: " + counts[i]);
            }
            p[i] = counts[i] == 0 ? 0 : Math.pow(counts[i], power);
            sum += p[i];
        }
        if (sum == 0) {
            throw new IllegalArgumentException("NoiseDistribution: every count is 0; nothing to sample");
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return new NoiseDistribution(p);
    }

    /** P(w) for every id. */
    public double[] probabilities() {
        return probabilities.clone();
    }

    public double probability(int id) {
        return probabilities[id];
    }

    /** One id drawn from the distribution. */
    public int sample(RandomGenerator rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        while (probabilities[lo] == 0) {   // u fell on the edge of a zero-width interval
            lo--;
        }
        return lo;
    }

    public int size() {
        return probabilities.length;
    }
}
