package dl.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell that failed, in the shape Jupyter shows it: {@code ename} (the exception's simple class
 * name, or {@code CompilationException}, {@code UsageError}, {@code Interrupted}), {@code evalue}
 * (the message) and a short traceback whose first line is {@code ename: evalue} followed by the
 * cell lines involved.
 */
public final class CellError extends Exception {

    private final String ename;
    private final String evalue;
    private final List<String> traceback;

    public CellError(String ename, String evalue, List<String> details) {
        super(ename + ": " + evalue, null, false, false);
        this.ename = ename;
        this.evalue = evalue == null ? "" : evalue;
        List<String> lines = new ArrayList<>(details.size() + 1);
        lines.add(evalue == null || evalue.isEmpty() ? ename : ename + ": " + evalue);
        lines.addAll(details);
        this.traceback = List.copyOf(lines);
    }

    /** An error with no location (bad magic argument, missing file). */
    public static CellError of(String ename, String evalue) {
        return new CellError(ename, evalue, List.of());
    }

    /** Bad arguments to a magic, like IPython's UsageError. */
    public static CellError usage(String message) {
        return of("UsageError", message);
    }

    public String ename() {
        return ename;
    }

    public String evalue() {
        return evalue;
    }

    /** The lines Jupyter prints: the headline, then the cell lines involved. */
    public List<String> traceback() {
        return traceback;
    }

    /** The traceback as one block of text, for logs and tests. */
    public String render() {
        return String.join("\n", traceback);
    }
}
