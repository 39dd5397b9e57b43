package dl.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The state of one word2vec run: the input rows (words, then n-gram buckets), the output rows,
 * the noise distribution and the generator; {@link #step} is one SGD step on one example.
 */
final class Word2VecTraining {

    private final Word2Vec options;
    private final Vocabulary vocabulary;
    private final int d;
    private final int first;            // first corpus id (after the specials)
    private final int words;            // vocabulary size
    final double[] in;                  // [words + buckets, d]
    final double[] out;                 // [words, d]
    final int[][] inputRows;            // per vocabulary id: the input rows that make up its vector
    private final NoiseDistribution noise;
    private final double[] keep;        // subsampling keep probability per id
    private final SplittableRandom rng;
    private final double[] h;
    private final double[] gradH;
    private final double[] scores;
    private final int[] drawn;
    private final double[] nsScratch;
    private int[] context = new int[64];

    Word2VecTraining(Word2Vec options, Vocabulary vocabulary, long seed) {
        this.options = options;
        this.vocabulary = vocabulary;
        this.d = options.dimension;
        this.first = vocabulary.specialCount();
        this.words = vocabulary.size();
        this.rng = new SplittableRandom(seed);
        int rows = words + options.buckets;
        this.in = new double[rows * d];
        for (int i = 0; i < in.length; i++) {
            in[i] = (rng.nextDouble() - 0.5) / d;
        }
        this.out = new double[words * d];
        this.inputRows = new int[words][];
        for (int w = 0; w < words; w++) {
            inputRows[w] = rowsOf(w);
        }
        long[] counts = vocabulary.counts();
        this.noise = options.negatives > 0 ? NoiseDistribution.of(counts) : null;
        this.keep = new double[words];
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        for (int w = 0; w < words; w++) {
            keep[w] = keepProbability(counts[w], total, options.subsample);
        }
        this.h = new double[d];
        this.gradH = new double[d];
        this.scores = new double[words];
        this.drawn = new int[Math.max(1, options.negatives)];
        this.nsScratch = new double[options.negatives + 1];
    }

    /** word2vec's p_keep = (sqrt(f/t) + 1) t/f, capped at 1; 1 when subsampling is off. */
    static double keepProbability(long count, long total, double t) {
        if (t <= 0 || count == 0) {
            return 1;
        }
        double f = (double) count / total;
        return Math.min(1, (Math.sqrt(f / t) + 1) * t / f);
    }

    private int[] rowsOf(int w) {
        if (options.buckets == 0 || w < first) {
            return new int[] {w};
        }
        List<String> grams = CharNGrams.of(vocabulary.token(w), options.minN, options.maxN);
        int[] rows = new int[1 + grams.size()];
        rows[0] = w;
        for (int i = 0; i < grams.size(); i++) {
            rows[i + 1] = words + CharNGrams.bucket(grams.get(i), options.buckets);
        }
        return rows;
    }

    WordVectors run(List<List<String>> sentences) {
        List<int[]> encoded = new ArrayList<>(sentences.size());
        long tokens = 0;
        for (List<String> s : sentences) {
            int[] ids = vocabulary.encode(s);
            int n = 0;
            for (int id : ids) {
                if (id >= first) {
                    ids[n++] = id;
                }
            }
            int[] kept = Arrays.copyOf(ids, n);
            encoded.add(kept);
            tokens += n;
        }
        if (tokens == 0) {
            throw new IllegalArgumentException("Word2Vec.train: no sentence holds a word of the vocabulary");
        }
        double[] epochLoss = new double[options.epochs];
        long planned = tokens * options.epochs;
        long done = 0;
        int[] kept = new int[16];
        for (int epoch = 0; epoch < options.epochs; epoch++) {
            double lossSum = 0;
            long examples = 0;
            for (int[] sentence : encoded) {
                if (kept.length < sentence.length) {
                    kept = new int[sentence.length];
                }
                int n = 0;
                for (int id : sentence) {
                    if (keep[id] >= 1 || rng.nextDouble() < keep[id]) {
                        kept[n++] = id;
                    }
                }
                double lr = options.learningRate * Math.max(1e-4, 1 - (double) done / planned);
                done += sentence.length;
                for (int i = 0; i < n; i++) {
                    int radius = 1 + rng.nextInt(options.window);
                    int from = Math.max(0, i - radius);
                    int to = Math.min(n - 1, i + radius);
                    if (options.architecture == Word2Vec.Architecture.SKIP_GRAM) {
                        int[] rows = inputRows[kept[i]];
                        for (int j = from; j <= to; j++) {
                            if (j != i) {
                                lossSum += step(rows, rows.length, kept[j], lr);
                                examples++;
                            }
                        }
                    } else {
                        int count = 0;
                        for (int j = from; j <= to; j++) {
                            if (j != i) {
                                int[] rows = inputRows[kept[j]];
                                if (context.length < count + rows.length) {
                                    context = Arrays.copyOf(context, 2 * (count + rows.length));
                                }
                                System.arraycopy(rows, 0, context, count, rows.length);
                                count += rows.length;
                            }
                        }
                        if (count > 0) {
                            lossSum += step(context, count, kept[i], lr);
                            examples++;
                        }
                    }
                }
            }
            epochLoss[epoch] = examples == 0 ? Double.NaN : lossSum / examples;
        }
        return vectors(epochLoss);
    }

    /** One example with negatives drawn from the noise distribution (or the full softmax). */
    double step(int[] rows, int rowCount, int target, double lr) {
        int k = 0;
        if (noise != null) {
            for (int i = 0; i < options.negatives; i++) {
                int w = noise.sample(rng);
                if (w != target) {
                    drawn[k++] = w;
                }
            }
        }
        return step(rows, rowCount, target, drawn, k, lr);
    }

    /** One SGD step: h = mean of the input rows, loss of predicting target; returns the loss before the step. */
    double step(int[] rows, int rowCount, int target, int[] negatives, int negativeCount, double lr) {
        Arrays.fill(h, 0);
        Arrays.fill(gradH, 0);
        double scale = 1.0 / rowCount;
        for (int r = 0; r < rowCount; r++) {
            int base = rows[r] * d;
            for (int j = 0; j < d; j++) {
                h[j] += in[base + j] * scale;
            }
        }
        double loss = noise != null
                ? Word2VecLoss.negativeSampling(h, out, d, target, negatives, negativeCount, gradH, lr, nsScratch)
                : Word2VecLoss.softmax(h, out, d, first, words - first, target, gradH, lr, scores);
        double step = lr * scale;
        for (int r = 0; r < rowCount; r++) {
            int base = rows[r] * d;
            for (int j = 0; j < d; j++) {
                in[base + j] -= step * gradH[j];
            }
        }
        return loss;
    }

    private WordVectors vectors(double[] epochLoss) {
        double[] vectors = new double[words * d];
        for (int w = first; w < words; w++) {
            int[] rows = inputRows[w];
            for (int row : rows) {
                for (int j = 0; j < d; j++) {
                    vectors[w * d + j] += in[row * d + j] / rows.length;
                }
            }
        }
        WordVectors.Subwords subwords = null;
        if (options.buckets > 0) {
            double[] grams = Arrays.copyOfRange(in, words * d, in.length);
            subwords = new WordVectors.Subwords(options.minN, options.maxN, options.buckets, grams);
        }
        return new WordVectors(vocabulary, d, vectors, subwords, epochLoss);
    }
}
