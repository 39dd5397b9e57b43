package dl.text;

import dl.Course;
import java.util.List;

/**
 * Options for training word vectors with word2vec (Mikolov et al. 2013) or, with
 * {@link #subwords}, FastText-style subword vectors (Bojanowski et al. 2017).
 *
 * <ul>
 * <li><b>Skip-gram</b> predicts each context word from the centre word: h = v_centre.
 * <li><b>CBOW</b> predicts the centre word from the mean of its context vectors: h = mean v_context.
 * <li>The prediction is scored by <b>negative sampling</b> ({@link #negatives(int)} noise words drawn
 *     from {@link NoiseDistribution} with counts^(3/4); a draw equal to the target is skipped, as in
 *     word2vec) or by a <b>full softmax</b> over the vocabulary ({@link #fullSoftmax()}, for small
 *     vocabularies: each example costs V dot products). Formulas and gradients: {@link Word2VecLoss}.
 * <li>The window is word2vec's dynamic window: for each centre a radius r is drawn uniformly from
 *     1..{@link #window(int)} and the words within r positions on each side are its context.
 * <li><b>Subsampling</b> ({@link #subsample(double)}, off by default) drops each occurrence of a word
 *     of corpus frequency f with probability 1 − p_keep, p_keep = min(1, (sqrt(f/t) + 1) · t/f)
 *     (word2vec's and gensim's formula; frequent words such as "the" are thinned out).
 * <li>Plain SGD with word2vec's linear learning-rate decay: lr_t = lr · max(1e-4, 1 − progress).
 *     Input vectors start uniform in ±0.5/d, output vectors at 0.
 * <li>With {@link #subwords(int, int, int)} a word's input representation is the mean of its own
 *     row and the rows of its character n-grams ({@link CharNGrams}, hashed into {@code buckets}
 *     rows), so an unknown word still gets a vector: the mean of its n-gram rows.
 * </ul>
 * Tokens outside the vocabulary (and the specials) are removed from a sentence before windows
 * are taken. Everything random comes from one generator seeded by {@link #seed(long)} (default:
 * {@link Course#currentSeed()}), so a run repeats exactly. Parameters are Java double arrays with
 * hand-written gradients; one thread.
 *
 * <pre>{@code
 * WordVectors wv = Word2Vec.skipGram().dimension(50).window(5).negatives(5).epochs(5).train(sentences, vocab);
 * wv.nearest("king", 5);
 * }</pre>
 */
public final class Word2Vec {

    /** Which word predicts which. */
    public enum Architecture { SKIP_GRAM, CBOW }

    final Architecture architecture;
    final int dimension;
    final int window;
    final int negatives;        // 0 = full softmax
    final int epochs;
    final double learningRate;
    final double subsample;     // 0 = off
    final Long seed;            // null = Course.currentSeed()
    final int minN;
    final int maxN;
    final int buckets;          // 0 = no subwords

    private Word2Vec(Architecture architecture, int dimension, int window, int negatives, int epochs,
            double learningRate, double subsample, Long seed, int minN, int maxN, int buckets) {
        this.architecture = architecture;
        this.dimension = dimension;
        this.window = window;
        this.negatives = negatives;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.subsample = subsample;
        this.seed = seed;
        this.minN = minN;
        this.maxN = maxN;
        this.buckets = buckets;
    }

    /** Skip-gram, d = 50, window 5, 5 negatives, 5 epochs, lr 0.025 (word2vec's default for skip-gram). */
    public static Word2Vec skipGram() {
        return new Word2Vec(Architecture.SKIP_GRAM, 50, 5, 5, 5, 0.025, 0, null, 0, 0, 0);
    }

    /** CBOW, d = 50, window 5, 5 negatives, 5 epochs, lr 0.05 (word2vec's default for CBOW). */
    public static Word2Vec cbow() {
        return new Word2Vec(Architecture.CBOW, 50, 5, 5, 5, 0.05, 0, null, 0, 0, 0);
    }

    public Word2Vec dimension(int d) {
        return new Word2Vec(architecture, positive("dimension", d), window, negatives, epochs, learningRate,
                subsample, seed, minN, maxN, buckets);
    }

    /** The largest context radius (words on each side). */
    public Word2Vec window(int radius) {
        return new Word2Vec(architecture, dimension, positive("window", radius), negatives, epochs, learningRate,
                subsample, seed, minN, maxN, buckets);
    }

    /** Negative sampling with k noise words per example. */
    public Word2Vec negatives(int k) {
        return new Word2Vec(architecture, dimension, window, positive("negatives", k), epochs, learningRate,
                subsample, seed, minN, maxN, buckets);
    }

    /** A full softmax over the vocabulary instead of negative sampling. */
    public Word2Vec fullSoftmax() {
        return new Word2Vec(architecture, dimension, window, 0, epochs, learningRate, subsample, seed, minN, maxN,
                buckets);
    }

    public Word2Vec epochs(int n) {
        return new Word2Vec(architecture, dimension, window, negatives, positive("epochs", n), learningRate,
                subsample, seed, minN, maxN, buckets);
    }

    /** The starting learning rate (decays linearly to 1e-4 of it). */
    public Word2Vec learningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("Word2Vec.learningRate must be > 0 and finite, got " + lr);
        }
        return new Word2Vec(architecture, dimension, window, negatives, epochs, lr, subsample, seed, minN, maxN,
                buckets);
    }

    /** Subsampling threshold t (word2vec suggests 1e-3 to 1e-5); 0 turns it off. */
    public Word2Vec subsample(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("Word2Vec.subsample must be >= 0 and finite, got " + t);
        }
        return new Word2Vec(architecture, dimension, window, negatives, epochs, learningRate, t, seed, minN, maxN,
                buckets);
    }

    public Word2Vec seed(long s) {
        return new Word2Vec(architecture, dimension, window, negatives, epochs, learningRate, subsample, s, minN,
                maxN, buckets);
    }

    /** FastText-style subwords: character n-grams of length minN..maxN hashed into {@code buckets} rows (FastText: 3, 6, 2,000,000). */
    public Word2Vec subwords(int minN, int maxN, int buckets) {
        if (minN < 1 || maxN < minN) {
            throw new IllegalArgumentException("Word2Vec.subwords: need 1 <= minN <= maxN, got " + minN + ", " + maxN);
        }
        return new Word2Vec(architecture, dimension, window, negatives, epochs, learningRate, subsample, seed, minN,
                maxN, positive("buckets", buckets));
    }

    public Architecture architecture() {
        return architecture;
    }

    public boolean usesNegativeSampling() {
        return negatives > 0;
    }

    /** Trains on the sentences (token lists) over the vocabulary's words. */
    public WordVectors train(List<List<String>> sentences, Vocabulary vocabulary) {
        if (sentences == null || vocabulary == null) {
            throw new IllegalArgumentException("Word2Vec.train: sentences and vocabulary must not be null");
        }
        if (vocabulary.size() - vocabulary.specialCount() < 2) {
            throw new IllegalArgumentException("Word2Vec.train: the vocabulary has "
                    + (vocabulary.size() - vocabulary.specialCount()) + " words besides the specials; needs at least 2");
        }
        Word2VecTraining t = new Word2VecTraining(this, vocabulary, seed == null ? Course.currentSeed() : seed);
        return t.run(sentences);
    }

    private static int positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException("Word2Vec." + name + " must be >= 1, got " + v);
        }
        return v;
    }

    @Override
    public String toString() {
        return "Word2Vec(" + architecture + ", d=" + dimension + ", window=" + window
                + (negatives > 0 ? ", negatives=" + negatives : ", full softmax") + ", epochs=" + epochs
                + ", lr=" + learningRate + (subsample > 0 ? ", subsample=" + subsample : "")
                + (buckets > 0 ? ", subwords " + minN + ".." + maxN + " in " + buckets + " buckets" : "") + ")";
    }
}
