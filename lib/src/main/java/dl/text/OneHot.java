package dl.text;

import java.util.List;
import dl.tensor.Tensor;
import tech.tablesaw.api.Table;

/**
 * One-hot vectors: token id k becomes the row e_k of length V (1 at k, 0 elsewhere). Multiplying
 * e_k by an embedding matrix U [V, d] picks row k of U, which is why an embedding layer is a
 * lookup instead of a matrix product.
 */
public final class OneHot {

    private OneHot() {}

    /** [T, size] fp64 rows, one per id. */
    public static double[][] rows(int[] ids, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("OneHot: size must be >= 1, got " + size);
        }
        double[][] out = new double[ids.length][size];
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] < 0 || ids[t] >= size) {
                throw new IllegalArgumentException("OneHot: id " + ids[t] + " at position " + t
                        + " is outside 0.." + (size - 1));
            }
            out[t][ids[t]] = 1;
        }
        return out;
    }

    /** [T, size] fp32 tensor, one row per id. */
    public static Tensor tensor(int[] ids, int size) {
        return FeatureTable.tensor(rows(ids, size), size);
    }

    /** One row per token of the text (its one-hot vector over the whole vocabulary, specials included). */
    public static Table table(List<String> tokens, Vocabulary vocabulary) {
        return FeatureTable.table("one-hot", "token", tokens, vocabulary.tokens(),
                rows(vocabulary.encode(tokens), vocabulary.size()));
    }
}
