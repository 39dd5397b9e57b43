package dl.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Character n-grams of a word, as FastText uses them: the word is wrapped in the boundary marks
 * {@code <} and {@code >}, and every run of n code points (minN ≤ n ≤ maxN) is an n-gram, so
 * prefixes and suffixes differ from the same letters inside a word. The 3-grams of "where" are
 * {@code <wh, whe, her, ere, re>}; n = 3..6 gives 5 + 4 + 3 + 2 = 14 n-grams. The wrapped word
 * itself ("&lt;where&gt;") is an n-gram only when its length is within the range.
 *
 * <p>N-grams are mapped to a fixed number of rows by hashing (32-bit FNV-1a over the UTF-8
 * bytes, then modulo the bucket count), so their table has a fixed size whatever the corpus.
 */
public final class CharNGrams {

    private CharNGrams() {}

    /** The n-grams of {@code <word>} for n in minN..maxN, shortest first, left to right. */
    public static List<String> of(String word, int minN, int maxN) {
        if (minN < 1 || maxN < minN) {
            throw new IllegalArgumentException("CharNGrams: need 1 <= minN <= maxN, got minN " + minN + ", maxN " + maxN);
        }
        if (word == null || word.isEmpty()) {
            throw new IllegalArgumentException("CharNGrams: the word must not be empty");
        }
        int[] cps = ("<" + word + ">").codePoints().toArray();
        List<String> out = new ArrayList<>();
        for (int n = minN; n <= maxN; n++) {
            for (int start = 0; start + n <= cps.length; start++) {
                out.add(new String(cps, start, n));
            }
        }
        return out;
    }

    /** 32-bit FNV-1a of the UTF-8 bytes, as an unsigned value. */
    public static long fnv1a(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x01000193;
        }
        return h & 0xffffffffL;
    }

    /** The bucket of an n-gram: fnv1a(ngram) mod buckets. */
    public static int bucket(String ngram, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("CharNGrams: buckets must be >= 1, got " + buckets);
        }
        return (int) (fnv1a(ngram) % buckets);
    }
}
