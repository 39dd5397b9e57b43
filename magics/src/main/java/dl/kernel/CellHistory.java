package dl.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells run in this kernel session, for Jupyter's {@code history_request} (a console's
 * up-arrow, {@code %history}-like front ends, the kernel test suite). Kept in memory only: a
 * restarted kernel starts empty, as a new session.
 */
final class CellHistory {

    /** Jupyter numbers sessions; this kernel keeps one, the current. */
    static final int SESSION = 1;

    /** One executed cell: its execution count, source and the text of its value (null if none). */
    record Entry(int line, String input, String output) {
        /** Jupyter's tuple: (session, line, input) or (session, line, (input, output)). */
        List<Object> toTuple(boolean withOutput) {
            List<Object> tuple = new ArrayList<>(3);
            tuple.add(SESSION);
            tuple.add(line);
            if (withOutput) {
                List<Object> io = new ArrayList<>(2);
                io.add(input);
                io.add(output);
                tuple.add(io);
            } else {
                tuple.add(input);
            }
            return tuple;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input, String output) {
        entries.add(new Entry(line, input, output));
    }

    /** The last {@code n} cells. */
    synchronized List<Entry> tail(int n) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - Math.max(0, n)), entries.size()));
    }

    /**
     * Cells with {@code start <= line < stop} of {@code session}; a session other than this one
     * (or 0, which Jupyter uses for "current") has no cells. A stop of 0 or less means "to the end".
     */
    synchronized List<Entry> range(int session, int start, int stop) {
        if (session != SESSION && session != 0) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.line() >= start && (stop <= 0 || e.line() < stop)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Cells whose source matches the glob {@code pattern} ({@code *} any text, {@code ?} one
     * character), the last {@code n} of them (all if n is 0 or less); with {@code unique}, each
     * source once (its latest run).
     */
    synchronized List<Entry> search(String pattern, int n, boolean unique) {
        Pattern glob = globToRegex(pattern == null || pattern.isEmpty() ? "*" : pattern);
        List<Entry> matches = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (glob.matcher(e.input()).matches() && (!unique || seen.add(e.input()))) {
                matches.add(0, e);
            }
        }
        return n > 0 && matches.size() > n ? List.copyOf(matches.subList(matches.size() - n, matches.size())) : matches;
    }

    static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
