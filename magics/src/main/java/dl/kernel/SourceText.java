package dl.kernel;

/** Small scans over Java source text. */
final class SourceText {

    private SourceText() {}

    /** Number of characters of blanks and comments at the start of {@code s}. */
    static int leadingTrivia(String s) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                if (close < 0) {
                    return i; // an unclosed comment: let javac report it
                }
                i = close + 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** Number of '\n' in {@code s[0..end)}. */
    static int countNewlines(String s, int end) {
        int count = 0;
        int limit = Math.min(end, s.length());
        for (int i = 0; i < limit; i++) {
            if (s.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
