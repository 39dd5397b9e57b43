package dl.text;

import dl.data.Pca;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One vector per vocabulary word (row id of a [V, d] matrix), with the questions asked of
 * embeddings: cosine similarity, nearest neighbours, analogies, a 2-D map.
 *
 * <p>Cosine similarity cos(u, v) = ⟨u, v⟩ / (|u| |v|). {@link #analogy}(a, b, c) answers
 * "a is to b as ? is to c" the 3CosAdd way: the words nearest to û_a − û_b + û_c (unit vectors),
 * leaving out a, b and c themselves: {@code analogy("king", "man", "woman")} should give "queen".
 * Specials ({@code <pad>}, {@code <unk>}, ...) and all-zero rows never appear as neighbours.
 *
 * <p>Vectors trained with subwords ({@link Word2Vec#subwords}) also answer for words outside
 * the vocabulary: such a word's vector is the mean of the rows of its character n-grams.
 */
public final class WordVectors {

    /** A neighbour and its cosine similarity to the query. */
    public record Neighbor(String word, double similarity) {
        @Override
        public String toString() {
            return word + String.format(" %.3f", similarity);
        }
    }

    /** The hashed n-gram rows of a subword model. */
    record Subwords(int minN, int maxN, int buckets, double[] rows) {}

    private final Vocabulary vocabulary;
    private final int d;
    private final double[] vectors;
    private final double[] norms;
    private final Subwords subwords;
    private final double[] trainingLoss;

    WordVectors(Vocabulary vocabulary, int d, double[] vectors, Subwords subwords, double[] trainingLoss) {
        this.vocabulary = vocabulary;
        this.d = d;
        this.vectors = vectors;
        this.subwords = subwords;
        this.trainingLoss = trainingLoss;
        this.norms = new double[vocabulary.size()];
        for (int w = 0; w < norms.length; w++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += vectors[w * d + j] * vectors[w * d + j];
            }
            norms[w] = Math.sqrt(s);
        }
    }

    /** Given vectors, one row per vocabulary id (for example pretrained ones). */
    public static WordVectors of(Vocabulary vocabulary, double[][] rows) {
        if (rows.length != vocabulary.size()) {
            throw new IllegalArgumentException("WordVectors.of: " + rows.length + " rows for a vocabulary of "
                    + vocabulary.size() + " ids; need one row per id");
        }
        int d = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("WordVectors.of: row " + i + " has " + rows[i].length
                        + " values, row 0 has " + d);
            }
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return new WordVectors(vocabulary, d, flat, null, new double[0]);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public int dimension() {
        return d;
    }

    /** True when the model has character n-gram vectors for unknown words. */
    public boolean hasSubwords() {
        return subwords != null;
    }

    /** Mean training loss per epoch (empty for vectors not trained here). */
    public double[] trainingLoss() {
        return trainingLoss.clone();
    }

    /** True when {@link #vector} can answer for the word. */
    public boolean covers(String word) {
        return isWord(word) || (subwords != null && word != null && !word.isEmpty());
    }

    /** The word's vector: its row, or for an unknown word with subwords the mean of its n-gram rows. */
    public double[] vector(String word) {
        if (isWord(word)) {
            int w = vocabulary.id(word);
            return Arrays.copyOfRange(vectors, w * d, (w + 1) * d);
        }
        if (subwords == null) {
            throw new IllegalArgumentException("WordVectors: '" + word + "' is not in the vocabulary of "
                    + vocabulary.size() + " ids. hint: train with Word2Vec...subwords(3, 6, buckets) to get vectors"
                    + " for unknown words from their character n-grams");
        }
        List<String> grams = CharNGrams.of(word, subwords.minN(), subwords.maxN());
        if (grams.isEmpty()) {
            throw new IllegalArgumentException("WordVectors: '" + word + "' is too short for n-grams of length "
                    + subwords.minN() + ".." + subwords.maxN());
        }
        double[] v = new double[d];
        for (String g : grams) {
            int base = CharNGrams.bucket(g, subwords.buckets()) * d;
            for (int j = 0; j < d; j++) {
                v[j] += subwords.rows()[base + j] / grams.size();
            }
        }
        return v;
    }

    /** Cosine similarity of two words' vectors. */
    public double similarity(String a, String b) {
        return cosine(vector(a), vector(b));
    }

    /** cos(u, v); 0 when either is the zero vector. */
    public static double cosine(double[] u, double[] v) {
        if (u.length != v.length) {
            throw new IllegalArgumentException("cosine: lengths differ, " + u.length + " and " + v.length);
        }
        double dot = 0;
        double uu = 0;
        double vv = 0;
        for (int i = 0; i < u.length; i++) {
            dot += u[i] * v[i];
            uu += u[i] * u[i];
            vv += v[i] * v[i];
        }
        return uu == 0 || vv == 0 ? 0 : dot / Math.sqrt(uu * vv);
    }

    /** The k words most similar to the word (itself left out). */
    public List<Neighbor> nearest(String word, int k) {
        return nearest(vector(word), k, Set.of(word));
    }

    /** The k vocabulary words most similar to the vector, leaving out {@code exclude}. */
    public List<Neighbor> nearest(double[] query, int k, Collection<String> exclude) {
        if (query.length != d) {
            throw new IllegalArgumentException("WordVectors.nearest: query has " + query.length + " values, the vectors "
                    + d);
        }
        if (k < 1) {
            throw new IllegalArgumentException("WordVectors.nearest: k must be >= 1, got " + k);
        }
        Set<String> skip = new HashSet<>(exclude);
        double qn = 0;
        for (double x : query) {
            qn += x * x;
        }
        qn = Math.sqrt(qn);
        List<Neighbor> all = new ArrayList<>();
        for (int w = vocabulary.specialCount(); w < vocabulary.size(); w++) {
            String token = vocabulary.token(w);
            if (norms[w] == 0 || skip.contains(token)) {
                continue;
            }
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += vectors[w * d + j] * query[j];
            }
            all.add(new Neighbor(token, qn == 0 ? 0 : dot / (norms[w] * qn)));
        }
        all.sort((x, y) -> x.similarity() != y.similarity() ? Double.compare(y.similarity(), x.similarity())
                : x.word().compareTo(y.word()));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }

    /** "a is to b as ? is to c": the k words nearest to û_a − û_b + û_c, without a, b, c. */
    public List<Neighbor> analogy(String a, String b, String c, int k) {
        double[] ua = unit(vector(a));
        double[] ub = unit(vector(b));
        double[] uc = unit(vector(c));
        double[] q = new double[d];
        for (int j = 0; j < d; j++) {
            q[j] = ua[j] - ub[j] + uc[j];
        }
        return nearest(q, k, List.of(a, b, c));
    }

    private static double[] unit(double[] v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        double[] u = v.clone();
        if (n > 0) {
            for (int j = 0; j < u.length; j++) {
                u[j] /= n;
            }
        }
        return u;
    }

    /** The vectors of the words as rows [n, d] (fp64). */
    public INDArray matrix(List<String> words) {
        double[][] rows = new double[words.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = vector(words.get(i));
        }
        return Nd4j.createFromArray(rows);
    }

    /** All rows [V, d] as an fp32 tensor, in id order, e.g. to initialise an Embedding layer. */
    public Tensor tensor() {
        float[] f = new float[vectors.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) vectors[i];
        }
        return Tensor.of(Nd4j.create(f, new long[] {vocabulary.size(), d}, DataType.FLOAT));
    }

    /**
     * The words' positions on the first two principal components of their vectors ({@link Pca}): [n, 2].
     * Draw them with {@code Plot.embedding("words", wv.project2d(words), words.toArray(String[]::new))}.
     */
    public INDArray project2d(List<String> words) {
        if (words.size() < 2) {
            throw new IllegalArgumentException("WordVectors.project2d: needs at least 2 words, got " + words.size());
        }
        INDArray m = matrix(words);
        return Pca.fit(m, 2).transform(m);
    }

    /** word | x | y: the 2-D projection as a table, ready to plot with labels. */
    public Table projectionTable(List<String> words) {
        INDArray p = project2d(words);
        double[] x = new double[words.size()];
        double[] y = new double[words.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = p.getDouble(i, 0);
            y[i] = p.getDouble(i, 1);
        }
        return Table.create("embedding 2-D", StringColumn.create("word", words), DoubleColumn.create("x", x),
                DoubleColumn.create("y", y));
    }

    private boolean isWord(String word) {
        return vocabulary.contains(word) && vocabulary.id(word) >= vocabulary.specialCount();
    }

    @Override
    public String toString() {
        return "WordVectors(" + (vocabulary.size() - vocabulary.specialCount()) + " words, d=" + d
                + (subwords != null ? ", subwords " + subwords.minN() + ".." + subwords.maxN() : "") + ")";
    }
}
