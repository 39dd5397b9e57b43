package dl.text;

import java.util.random.RandomGenerator;

/**
 * The distribution negative samples are drawn from: P(w) = U(w)^power / Σ_v U(v)^power, with U(w)
 * the count of word w. word2vec uses power 3/4, which lifts rare words above their share:
 * counts [100, 10, 1] give [0.826822, 0.147032, 0.026146] against the unigram [0.900901,
 * 0.090090, 0.009009]. Ids with count 0 (the vocabulary's specials) are never drawn.
 * Sampling uses Walker's alias method (Vose's construction): O(1) per draw, with exactly these
 * probabilities (word2vec's 10^8-entry table only approximates them).
 */
public final class NoiseDistribution {

    /** word2vec's exponent. */
    public static final double WORD2VEC_POWER = 0.75;

    private final double[] probabilities;
    private final double[] keep;     // alias method: column i keeps i with probability keep[i] ...
    private final int[] alias;       // ... and gives alias[i] otherwise

    private NoiseDistribution(double[] probabilities) {
        this.probabilities = probabilities;
        int n = probabilities.length;
        this.keep = new double[n];
        this.alias = new int[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        double[] scaled = new double[n];
        int biggest = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = probabilities[i] * n;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
            if (probabilities[i] > probabilities[biggest]) {
                biggest = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            keep[s] = scaled[s];
            alias[s] = l;
            scaled[l] -= 1 - scaled[s];
            if (scaled[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            keep[l] = 1;
            alias[l] = l;
        }
        while (ns > 0) {           // only rounding leaves these; a zero-probability id must stay undrawable
            int s = small[--ns];
            keep[s] = probabilities[s] > 0 ? 1 : 0;
            alias[s] = probabilities[s] > 0 ? s : biggest;
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
        int i = rng.nextInt(keep.length);
        return rng.nextDouble() < keep[i] ? i : alias[i];
    }

    public int size() {
        return probabilities.length;
    }
}
