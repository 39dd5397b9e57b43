package dl.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into word or character tokens.
 *
 * <p><b>Words.</b> A word is a maximal run of Unicode letters ({@code \p{L}}, so Cyrillic, Greek,
 * accented Latin all work), combining marks ({@code \p{M}}) and decimal digits ({@code \p{Nd}}).
 * An apostrophe ({@code '} or {@code ’}) or a hyphen between two such characters stays inside the
 * word: "don't", "well-known", "из-за" are one token each. Everything else (spaces, punctuation,
 * symbols, so also the point in "3.14", which gives 3 and 14) separates words and is dropped,
 * unless {@link #keepPunctuation()} is set: then each
 * punctuation or symbol character becomes a token of its own ("Hi, you!" gives
 * {@code [Hi, ",", you, "!"]}). Whitespace is never a word token.
 *
 * <p><b>Characters.</b> Every Unicode code point is a token, spaces and newlines included
 * (a character-level language model must learn where words end); a surrogate pair is one
 * token.
 *
 * <p><b>Lower-casing</b> ({@link #lowerCase()}) uses {@code Locale.ROOT}, so "ВОЙНА" becomes
 * "война" whatever the machine's locale.
 *
 * <pre>{@code
 * Tokenizer.words().lowerCase().tokenize("Don't panic!")   // [don't, panic]
 * Tokenizer.characters().tokenize("Да!")                   // [Д, а, !]
 * }</pre>
 */
public final class Tokenizer {

    /** What a token is. */
    public enum Unit { WORDS, CHARACTERS }

    private final Unit unit;
    private final boolean lowerCase;
    private final boolean punctuation;

    private Tokenizer(Unit unit, boolean lowerCase, boolean punctuation) {
        this.unit = unit;
        this.lowerCase = lowerCase;
        this.punctuation = punctuation;
    }

    /** Word tokens, case kept, punctuation dropped. */
    public static Tokenizer words() {
        return new Tokenizer(Unit.WORDS, false, false);
    }

    /** Character tokens (code points), case kept. */
    public static Tokenizer characters() {
        return new Tokenizer(Unit.CHARACTERS, false, false);
    }

    /** The same tokenizer, lower-casing first. */
    public Tokenizer lowerCase() {
        return new Tokenizer(unit, true, punctuation);
    }

    /** The same word tokenizer, keeping each punctuation or symbol character as a token. */
    public Tokenizer keepPunctuation() {
        if (unit != Unit.WORDS) {
            throw new IllegalStateException("Tokenizer.keepPunctuation: only for word tokens; a character"
                    + " tokenizer already keeps every character");
        }
        return new Tokenizer(unit, lowerCase, true);
    }

    public Unit unit() {
        return unit;
    }

    /** The tokens of one text, in order. */
    public List<String> tokenize(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Tokenizer.tokenize: text must not be null");
        }
        String s = lowerCase ? text.toLowerCase(Locale.ROOT) : text;
        return unit == Unit.CHARACTERS ? characters(s) : words(s);
    }

    /** The tokens of each text. */
    public List<List<String>> tokenizeAll(List<String> texts) {
        List<List<String>> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(tokenize(t));
        }
        return out;
    }

    private static List<String> characters(String s) {
        List<String> out = new ArrayList<>(s.length());
        s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        return out;
    }

    private List<String> words(String s) {
        List<String> out = new ArrayList<>();
        int[] cps = s.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            if (isWordChar(cps[i])) {
                int start = i;
                i++;
                while (i < cps.length && (isWordChar(cps[i])
                        || (isJoiner(cps[i]) && i + 1 < cps.length && isWordChar(cps[i + 1]) && isWordChar(cps[i - 1])))) {
                    i++;
                }
                out.add(new String(cps, start, i - start));
            } else {
                if (punctuation && !Character.isWhitespace(cps[i]) && !Character.isSpaceChar(cps[i])
                        && !Character.isISOControl(cps[i])) {
                    out.add(new String(Character.toChars(cps[i])));
                }
                i++;
            }
        }
        return out;
    }

    static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || Character.isDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isJoiner(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '-';
    }

    @Override
    public String toString() {
        return "Tokenizer(" + unit.name().toLowerCase(Locale.ROOT) + (lowerCase ? ", lower-case" : "")
                + (punctuation ? ", punctuation kept" : "") + ")";
    }
}
