package dl.text;

import dl.Course;
import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Picks the next token from a model's logits z (one score per vocabulary id), for text
 * generation:
 * <pre>
 *   p_i = exp(z_i / T) / Σ_{j in K} exp(z_j / T)   for i in K,   p_i = 0 otherwise
 * </pre>
 * where T is the temperature and K the ids of the k largest logits (all ids when top-k is off;
 * ties at the k-th place go to the lower id, so K has exactly k ids). T &lt; 1 sharpens the
 * distribution, T &gt; 1 flattens it, and T = 0 is greedy decoding: always the argmax (the lowest
 * id among equal maxima). Logits may be −∞ (masked ids); NaN and +∞ are refused.
 *
 * <p>Each sampler owns its generator, seeded at creation (default {@link Course#currentSeed()}),
 * so two samplers made with the same seed draw the same tokens.
 *
 * <pre>{@code
 * Sampler s = Sampler.temperature(0.8).topK(10).seed(1);
 * int next = s.sample(logits);
 * }</pre>
 */
public final class Sampler {

    private final double temperature;
    private final int topK;              // 0 = all
    private final long seed;
    private final SplittableRandom rng;

    private Sampler(double temperature, int topK, long seed) {
        this.temperature = temperature;
        this.topK = topK;
        this.seed = seed;
        this.rng = new SplittableRandom(seed);
    }

    /** Greedy decoding: always the most likely id. */
    public static Sampler greedy() {
        return new Sampler(0, 0, Course.currentSeed());
    }

    /** Sampling at temperature T >= 0 from all ids. */
    public static Sampler temperature(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("Sampler: temperature must be finite and >= 0, got " + t);
        }
        return new Sampler(t, 0, Course.currentSeed());
    }

    /** The same sampler restricted to the k most likely ids (k >= 1). */
    public Sampler topK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Sampler.topK: k must be >= 1, got " + k);
        }
        return new Sampler(temperature, k, seed);
    }

    /** The same sampler with a fresh generator seeded with {@code s}. */
    public Sampler seed(long s) {
        return new Sampler(temperature, topK, s);
    }

    public double temperature() {
        return temperature;
    }

    /** k, or 0 when every id may be drawn. */
    public int k() {
        return topK;
    }

    /** The distribution the next draw comes from (see the class comment). */
    public double[] probabilities(double[] logits) {
        check(logits);
        int n = logits.length;
        boolean[] allowed = allowed(logits);
        double[] p = new double[n];
        if (temperature == 0) {
            p[argmax(logits, allowed)] = 1;
            return p;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (allowed[i]) {
                max = Math.max(max, logits[i]);
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (allowed[i]) {
                p[i] = Math.exp((logits[i] - max) / temperature);
                sum += p[i];
            }
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** One id drawn from {@link #probabilities}. */
    public int sample(double[] logits) {
        double[] p = probabilities(logits);
        if (temperature == 0) {
            return argmax(p, null);
        }
        double u = rng.nextDouble();
        double cumulative = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                cumulative += p[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last;    // u within rounding of 1
    }

    public int sample(float[] logits) {
        double[] d = new double[logits.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = logits[i];
        }
        return sample(d);
    }

    /** From a vector of logits [V] or a single row [1, V]. */
    public int sample(INDArray logits) {
        if (logits.length() == 0 || (logits.rank() == 2 && logits.size(0) != 1) || logits.rank() > 2) {
            throw new IllegalArgumentException("Sampler.sample: expected logits [V] or [1, V], got "
                    + Arrays.toString(logits.shape()));
        }
        return sample(logits.castTo(DataType.DOUBLE).dup().data().asDouble());
    }

    public int sample(Tensor logits) {
        return sample(logits.data());
    }

    /**
     * Extends {@code prompt} by up to {@code steps} ids: each step asks {@code nextLogits} for the
     * logits after the sequence so far and appends a draw; stops after {@code stopId} (use −1 for none).
     * Returns the prompt followed by the generated ids.
     */
    public int[] generate(int[] prompt, int steps, Function<int[], double[]> nextLogits, int stopId) {
        if (steps < 0) {
            throw new IllegalArgumentException("Sampler.generate: steps must be >= 0, got " + steps);
        }
        int[] seq = Arrays.copyOf(prompt, prompt.length + steps);
        int n = prompt.length;
        for (int s = 0; s < steps; s++) {
            int next = sample(nextLogits.apply(Arrays.copyOf(seq, n)));
            seq[n++] = next;
            if (next == stopId) {
                break;
            }
        }
        return Arrays.copyOf(seq, n);
    }

    private boolean[] allowed(double[] logits) {
        int n = logits.length;
        boolean[] allowed = new boolean[n];
        if (topK == 0 || topK >= n) {
            Arrays.fill(allowed, true);
            return allowed;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> logits[a] != logits[b] ? Double.compare(logits[b], logits[a]) : Integer.compare(a, b));
        for (int i = 0; i < topK; i++) {
            allowed[order[i]] = true;
        }
        return allowed;
    }

    private static int argmax(double[] x, boolean[] allowed) {
        int best = -1;
        for (int i = 0; i < x.length; i++) {
            if ((allowed == null || allowed[i]) && (best < 0 || x[i] > x[best])) {
                best = i;
            }
        }
        return best;
    }

    private static void check(double[] logits) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException("Sampler: logits must hold at least one value");
        }
        boolean any = false;
        for (int i = 0; i < logits.length; i++) {
            if (Double.isNaN(logits[i]) || logits[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("Sampler: logit " + i + " is " + logits[i]
                        + "; logits must be finite or -Infinity (masked)");
            }
            any |= logits[i] != Double.NEGATIVE_INFINITY;
        }
        if (!any) {
            throw new IllegalArgumentException("Sampler: every logit is -Infinity; nothing can be drawn");
        }
    }

    @Override
    public String toString() {
        return temperature == 0 ? "Sampler(greedy)"
                : "Sampler(T=" + temperature + (topK > 0 ? ", top-" + topK : "") + ", seed " + seed + ")";
    }
}
