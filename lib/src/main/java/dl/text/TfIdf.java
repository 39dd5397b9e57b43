package dl.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dl.tensor.Tensor;
import tech.tablesaw.api.Table;

/**
 * Term frequency times inverse document frequency: a bag of words that down-weights tokens
 * found in many documents.
 *
 * <p>For a document d and token t, with tf(t, d) the count of t in d, N the number of training
 * documents and df(t) the number of them that contain t:
 * <pre>
 *   SMOOTH (default, scikit-learn's TfidfVectorizer default): idf(t) = ln((1 + N) / (1 + df(t))) + 1
 *   PLAIN  (scikit-learn's smooth_idf=False):                 idf(t) = ln(N / df(t)) + 1
 *   COURSE (the lecture's formula):                           idf(t) = ln(N / df(t))
 *   tfidf(t, d) = tf(t, d) · idf(t)
 * </pre>
 * then, with {@link Norm#L2} (the default, as scikit-learn), each document's row is divided by
 * its Euclidean length (a row of zeros stays zero). Under COURSE a token found in every
 * document scores 0. The idf is learnt by {@link #fit} on training documents and reused by
 * {@link #transform} for new ones; the features are those of {@link BagOfWords}.
 */
public final class TfIdf {

    /** How the inverse document frequency is computed (see the class comment). */
    public enum Idf { SMOOTH, PLAIN, COURSE }

    /** Row normalisation after weighting. */
    public enum Norm { L2, NONE }

    private final BagOfWords bag;
    private final double[] idf;
    private final Norm norm;
    private final Idf kind;

    private TfIdf(BagOfWords bag, double[] idf, Idf kind, Norm norm) {
        this.bag = bag;
        this.idf = idf;
        this.kind = kind;
        this.norm = norm;
    }

    /** scikit-learn's defaults: smooth idf and L2 rows. */
    public static TfIdf fit(List<List<String>> documents, Vocabulary vocabulary) {
        return fit(documents, vocabulary, Idf.SMOOTH, Norm.L2);
    }

    /** Learns the document frequencies of the vocabulary's tokens from the documents. */
    public static TfIdf fit(List<List<String>> documents, Vocabulary vocabulary, Idf kind, Norm norm) {
        if (documents == null || documents.isEmpty()) {
            throw new IllegalArgumentException("TfIdf.fit: needs at least one document");
        }
        BagOfWords bag = BagOfWords.of(vocabulary);
        int offset = vocabulary.specialCount();
        int[] df = new int[bag.features()];
        for (List<String> doc : documents) {
            Set<String> seen = new HashSet<>(doc);
            for (String t : seen) {
                int j = vocabulary.contains(t) ? vocabulary.id(t) - offset : -1;
                if (j >= 0) {
                    df[j]++;
                }
            }
        }
        int n = documents.size();
        double[] idf = new double[df.length];
        for (int j = 0; j < df.length; j++) {
            if (df[j] == 0 && kind != Idf.SMOOTH) {
                throw new IllegalArgumentException("TfIdf.fit: token '" + vocabulary.token(j + offset)
                        + "' occurs in none of the " + n + " documents, so ln(N / df) is infinite under " + kind
                        + "; build the vocabulary from the same documents, or use Idf.SMOOTH");
            }
            idf[j] = switch (kind) {
                case SMOOTH -> Math.log((1.0 + n) / (1.0 + df[j])) + 1;
                case PLAIN -> Math.log((double) n / df[j]) + 1;
                case COURSE -> Math.log((double) n / df[j]);
            };
        }
        return new TfIdf(bag, idf, kind, norm);
    }

    /** The idf of each feature, column order. */
    public double[] idf() {
        return idf.clone();
    }

    public List<String> featureNames() {
        return bag.featureNames();
    }

    /** [documents, features] tf-idf values. */
    public double[][] transform(List<List<String>> documents) {
        double[][] x = bag.counts(documents);
        for (double[] row : x) {
            double sum = 0;
            for (int j = 0; j < row.length; j++) {
                row[j] *= idf[j];
                sum += row[j] * row[j];
            }
            if (norm == Norm.L2 && sum > 0) {
                double len = Math.sqrt(sum);
                for (int j = 0; j < row.length; j++) {
                    row[j] /= len;
                }
            }
        }
        return x;
    }

    /** [documents, features] fp32 tensor, for training. */
    public Tensor tensor(List<List<String>> documents) {
        return FeatureTable.tensor(transform(documents), idf.length);
    }

    /** doc | one column per feature: for display. */
    public Table table(List<List<String>> documents) {
        return FeatureTable.table("tf-idf", "doc", BagOfWords.labels(documents.size()), featureNames(),
                transform(documents));
    }

    @Override
    public String toString() {
        return "TfIdf(" + idf.length + " features, idf " + kind + ", norm " + norm + ")";
    }
}
