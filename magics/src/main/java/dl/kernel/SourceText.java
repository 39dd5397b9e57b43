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

    private static final java.util.Set<String> STATEMENT_KEYWORDS =
            java.util.Set.of("for", "if", "while", "do", "try", "switch", "throw", "synchronized", "assert");

    /**
     * Whether a complete snippet is a statement that means the same inside a block: one that
     * starts with a statement keyword or "{", or a call or assignment on a (qualified) name such
     * as {@code check(...)}, {@code System.out.println(...)}, {@code x = 1}, {@code n += 2},
     * {@code i++}. Declarations ({@code int x = 1}, {@code Foo.Bar b = ...}), imports, bare
     * expressions and anything else give false. Purely syntactic and conservative: a false
     * answer only means the snippet is evaluated on its own.
     */
    static boolean isPlainStatement(String snippet) {
        String s = snippet.strip();
        if (s.isEmpty() || !s.endsWith(";") && !s.endsWith("}")) {
            return false;
        }
        if (s.startsWith("{")) {
            return true;
        }
        int i = 0;
        int n = s.length();
        int wordEnd = 0;
        while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
            i++;
        }
        wordEnd = i;
        if (wordEnd == 0 || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        String first = s.substring(0, wordEnd);
        if (STATEMENT_KEYWORDS.contains(first)) {
            return wordEnd == n || !Character.isJavaIdentifierPart(s.charAt(wordEnd));
        }
        // a qualified name: a.b.c
        while (i < n && s.charAt(i) == '.' && i + 1 < n && Character.isJavaIdentifierStart(s.charAt(i + 1))) {
            i++;
            while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                i++;
            }
        }
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i >= n) {
            return false;
        }
        char c = s.charAt(i);
        char next = i + 1 < n ? s.charAt(i + 1) : ' ';
        if (c == '(') {
            // a call, name(...) or a.b(...).c(...); "f(x).field;" or "f(x) + 1;" are no statements
            return !isTypeKeyword(first) && s.endsWith(");");
        }
        if (c == '=' && next != '=') {
            return true;                                       // x = ...
        }
        if ((c == '+' || c == '-') && next == c) {
            return true;                                       // i++, i--
        }
        return "+-*/%&|^".indexOf(c) >= 0 && next == '=';      // x += ...
    }

    private static boolean isTypeKeyword(String word) {
        return switch (word) {
            case "int", "long", "double", "float", "boolean", "char", "byte", "short", "var", "void",
                    "return", "this", "super", "yield" -> true;
            default -> false;
        };
    }
}
