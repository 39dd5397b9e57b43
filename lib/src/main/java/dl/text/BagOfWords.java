package dl.text;

import java.util.ArrayList;
import java.util.List;
import dl.tensor.Tensor;
import tech.tablesaw.api.Table;

/**
 * Bag of words: a document becomes the vector of its token counts, order forgotten.
 *
 * <p>The features are the vocabulary's corpus tokens without the specials: feature j is the
 * token with id {@code specialCount() + j}, so there are {@code size() - specialCount()} columns.
 * Tokens outside the vocabulary are ignored (as scikit-learn's {@code CountVectorizer} does).
 * With {@link #binary()} each entry is 1 when the token occurs at all.
 */
public final class BagOfWords {

    private final Vocabulary vocabulary;
    private final boolean binary;

    private BagOfWords(Vocabulary vocabulary, boolean binary) {
        this.vocabulary = vocabulary;
        this.binary = binary;
    }

    public static BagOfWords of(Vocabulary vocabulary) {
        if (vocabulary == null) {
            throw new IllegalArgumentException("BagOfWords: vocabulary must not be null");
        }
        return new BagOfWords(vocabulary, false);
    }

    /** Presence (0/1) instead of counts. */
    public BagOfWords binary() {
        return new BagOfWords(vocabulary, true);
    }

    /** Number of features (vocabulary size minus specials). */
    public int features() {
        return vocabulary.size() - vocabulary.specialCount();
    }

    /** The feature names, column order. */
    public List<String> featureNames() {
        return vocabulary.tokens().subList(vocabulary.specialCount(), vocabulary.size());
    }

    /** [documents, features] counts. */
    public double[][] counts(List<List<String>> documents) {
        int offset = vocabulary.specialCount();
        double[][] out = new double[documents.size()][features()];
        for (int d = 0; d < out.length; d++) {
            for (String t : documents.get(d)) {
                if (vocabulary.contains(t)) {
                    int j = vocabulary.id(t) - offset;
                    if (j >= 0) {
                        out[d][j] = binary ? 1 : out[d][j] + 1;
                    }
                }
            }
        }
        return out;
    }

    /** [documents, features] fp32 tensor, for training. */
    public Tensor tensor(List<List<String>> documents) {
        return FeatureTable.tensor(counts(documents), features());
    }

    /** doc | one column per feature: for display. */
    public Table table(List<List<String>> documents) {
        return FeatureTable.table(binary ? "bag of words (binary)" : "bag of words", "doc", labels(documents.size()),
                featureNames(), counts(documents));
    }

    static List<String> labels(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add("d" + i);
        }
        return out;
    }

    @Override
    public String toString() {
        return "BagOfWords(" + features() + " features" + (binary ? ", binary" : "") + ")";
    }
}
