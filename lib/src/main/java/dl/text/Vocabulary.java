package dl.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A numbered list of tokens: the ids that embeddings and one-hot vectors index.
 *
 * <p><b>Id order (stable, so two runs on the same text give the same ids):</b> first the special
 * tokens, {@value #PAD} = 0 and {@value #UNK} = 1, then {@value #BOS} = 2 and {@value #EOS} = 3 when
 * {@link Builder#boundaries()} is set; then the corpus tokens by count, most frequent first, and
 * tokens with equal counts in alphabetical order ({@link String#compareTo}, i.e. by UTF-16 code
 * unit, which is code-point order for every letter of the Basic Multilingual Plane).
 *
 * <p>Tokens seen fewer than {@link Builder#minCount} times are left out, and so are the least
 * frequent ones beyond {@link Builder#maxSize} entries (the size counts the specials; among equal
 * counts at the cut, the alphabetically later tokens go). A token
 * that is not in the vocabulary encodes as {@value #UNK}. Corpus tokens spelled like a special
 * ("&lt;unk&gt;") are not counted: the special keeps its id.
 *
 * <pre>{@code
 * Vocabulary v = Vocabulary.builder().minCount(2).build(tokens);
 * int[] ids = v.encode(List.of("the", "cat"));
 * v.decode(ids)   // [the, cat], or <unk> for a word that was cut off
 * }</pre>
 */
public final class Vocabulary {

    public static final String PAD = "<pad>";
    public static final String UNK = "<unk>";
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";

    private final List<String> tokens;
    private final long[] counts;
    private final Map<String, Integer> ids;
    private final int specials;
    private final boolean boundaries;

    private Vocabulary(List<String> tokens, long[] counts, int specials, boolean boundaries) {
        this.tokens = List.copyOf(tokens);
        this.counts = counts;
        this.specials = specials;
        this.boundaries = boundaries;
        this.ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
    }

    /** A vocabulary of every token of the documents (min count 1, no size limit, no bos/eos). */
    public static Vocabulary of(List<List<String>> documents) {
        return builder().build(documents);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for building a vocabulary from token lists. */
    public static final class Builder {
        private int minCount = 1;
        private int maxSize = Integer.MAX_VALUE;
        private boolean boundaries;

        private Builder() {}

        /** Keep only tokens seen at least this often (default 1). */
        public Builder minCount(int minCount) {
            if (minCount < 1) {
                throw new IllegalArgumentException("Vocabulary.minCount must be >= 1, got " + minCount);
            }
            this.minCount = minCount;
            return this;
        }

        /** At most this many entries, specials included (the rarest tokens are dropped). */
        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        /** Also reserve {@value #BOS} (id 2) and {@value #EOS} (id 3) for sequence start and end. */
        public Builder boundaries() {
            this.boundaries = true;
            return this;
        }

        /** Counts the tokens of every document and numbers them. */
        public Vocabulary build(List<List<String>> documents) {
            List<String> specialNames = new ArrayList<>(List.of(PAD, UNK));
            if (boundaries) {
                specialNames.addAll(List.of(BOS, EOS));
            }
            if (maxSize < specialNames.size()) {
                throw new IllegalArgumentException("Vocabulary.maxSize must be >= " + specialNames.size()
                        + " (the special tokens " + specialNames + "), got " + maxSize);
            }
            if (documents == null) {
                throw new IllegalArgumentException("Vocabulary.build: documents must not be null");
            }
            Map<String, long[]> count = new HashMap<>();
            for (List<String> doc : documents) {
                for (String t : doc) {
                    if (t == null) {
                        throw new IllegalArgumentException("Vocabulary.build: a document holds a null token");
                    }
                    if (!specialNames.contains(t)) {
                        count.computeIfAbsent(t, k -> new long[1])[0]++;
                    }
                }
            }
            List<Map.Entry<String, long[]>> entries = new ArrayList<>(count.entrySet());
            entries.removeIf(e -> e.getValue()[0] < minCount);
            entries.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                    ? Long.compare(b.getValue()[0], a.getValue()[0])
                    : a.getKey().compareTo(b.getKey()));
            int keep = (int) Math.min(entries.size(), (long) maxSize - specialNames.size());
            List<String> tokens = new ArrayList<>(specialNames);
            long[] counts = new long[specialNames.size() + keep];
            for (int i = 0; i < keep; i++) {
                tokens.add(entries.get(i).getKey());
                counts[specialNames.size() + i] = entries.get(i).getValue()[0];
            }
            return new Vocabulary(tokens, counts, specialNames.size(), boundaries);
        }
    }

    /** Number of entries, specials included. */
    public int size() {
        return tokens.size();
    }

    /** Number of special tokens at the start (2, or 4 with bos/eos). */
    public int specialCount() {
        return specials;
    }

    public int padId() {
        return 0;
    }

    public int unkId() {
        return 1;
    }

    public int bosId() {
        requireBoundaries("bosId");
        return 2;
    }

    public int eosId() {
        requireBoundaries("eosId");
        return 3;
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /** The id of a token, {@link #unkId()} when it is not in the vocabulary. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? unkId() : id;
    }

    /** The token with this id. */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IndexOutOfBoundsException("Vocabulary.token: id " + id + " is outside 0.." + (tokens.size() - 1));
        }
        return tokens.get(id);
    }

    /** How often the token was counted when building (0 for specials and unknown tokens). */
    public long count(String token) {
        Integer id = ids.get(token);
        return id == null ? 0 : counts[id];
    }

    /** The count of every id (0 for the specials). */
    public long[] counts() {
        return counts.clone();
    }

    /** All tokens in id order. */
    public List<String> tokens() {
        return tokens;
    }

    /** The ids of the tokens; unknown tokens become {@link #unkId()}. */
    public int[] encode(List<String> tokens) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(tokens.get(i));
        }
        return out;
    }

    /** {@code <bos>}, the ids of the tokens, {@code <eos>}: a sequence for a decoder. */
    public int[] encodeWithBoundaries(List<String> tokens) {
        requireBoundaries("encodeWithBoundaries");
        int[] out = new int[tokens.size() + 2];
        out[0] = bosId();
        for (int i = 0; i < tokens.size(); i++) {
            out[i + 1] = id(tokens.get(i));
        }
        out[out.length - 1] = eosId();
        return out;
    }

    /** The tokens of the ids (specials by their names). */
    public List<String> decode(int... ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(token(id));
        }
        return out;
    }

    /** Equal-length rows: each sequence cut or padded with {@code <pad>} to {@code length}. */
    public int[][] encodePadded(List<List<String>> documents, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("Vocabulary.encodePadded: length must be >= 1, got " + length);
        }
        int[][] out = new int[documents.size()][length];
        for (int d = 0; d < out.length; d++) {
            int[] ids = encode(documents.get(d));
            Arrays.fill(out[d], padId());
            System.arraycopy(ids, 0, out[d], 0, Math.min(length, ids.length));
        }
        return out;
    }

    /** id | token | count, in id order. */
    public Table table() {
        int[] idColumn = new int[tokens.size()];
        int[] countColumn = new int[tokens.size()];
        for (int i = 0; i < idColumn.length; i++) {
            idColumn[i] = i;
            countColumn[i] = (int) Math.min(Integer.MAX_VALUE, counts[i]);
        }
        return Table.create("vocabulary", IntColumn.create("id", idColumn), StringColumn.create("token", tokens),
                IntColumn.create("count", countColumn));
    }

    private void requireBoundaries(String where) {
        if (!boundaries) {
            throw new IllegalStateException("Vocabulary." + where + ": this vocabulary has no <bos>/<eos>;"
                    + " build it with Vocabulary.builder().boundaries()");
        }
    }

    @Override
    public String toString() {
        List<String> head = tokens.subList(0, Math.min(tokens.size(), specials + 8));
        return "Vocabulary(" + tokens.size() + " tokens: " + String.join(", ", head)
                + (tokens.size() > head.size() ? ", ..." : "") + ")";
    }
}
