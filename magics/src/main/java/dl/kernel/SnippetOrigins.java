package dl.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each JShell snippet came from: which cell (or %load-ed file) and which line, so an
 * error can say "cell [3], line 4" and show that line, even for a method defined cells ago.
 */
final class SnippetOrigins {

    /**
     * A snippet's origin.
     *
     * @param label     "cell [3]" or "file helpers.jsh"
     * @param firstLine line of the snippet's first line within the cell or file (1-based)
     * @param source    the snippet's source as given to JShell
     */
    record Origin(String label, int firstLine, String source) {

        /** The cell/file line number of the snippet's line {@code snippetLine} (1-based). */
        int cellLine(int snippetLine) {
            return firstLine + snippetLine - 1;
        }

        /** Text of the snippet's line {@code snippetLine} (1-based), or "" when out of range. */
        String lineText(int snippetLine) {
            int start = 0;
            for (int line = 1; line < snippetLine; line++) {
                int nl = source.indexOf('\n', start);
                if (nl < 0) {
                    return "";
                }
                start = nl + 1;
            }
            int end = source.indexOf('\n', start);
            return source.substring(start, end < 0 ? source.length() : end);
        }

        /** "cell [3], line 4" for the snippet's line {@code snippetLine}. */
        String where(int snippetLine) {
            return label + ", line " + cellLine(snippetLine);
        }
    }

    private final Map<String, Origin> byId = new ConcurrentHashMap<>();

    void put(String snippetId, Origin origin) {
        byId.put(snippetId, origin);
    }

    Origin get(String snippetId) {
        return byId.get(snippetId);
    }
}
