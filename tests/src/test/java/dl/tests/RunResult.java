package dl.tests;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code tests/python/nbrun.py} reported for one notebook (its JSON, read by Gson with
 * snake_case names), plus what the Java side saw: processes the run left behind.
 */
final class RunResult {

    /** The failing cell and its error; absent when the run is ok. */
    static final class Failure {
        String ename;
        String evalue;
        String traceback;
        /** 1-based among code cells, as a reader counts them. */
        Integer cellNumber;
        /** 0-based among all cells of the file. */
        Integer cellIndex;
        String firstLine;
    }

    String notebook;
    String output;
    String kernel;
    boolean fast;
    /** ok, failed, start_failed, timeout; harness_error when the runner itself broke. */
    String status;
    double seconds;
    Double startupSeconds;
    Failure failure;
    String kernelLog;
    String kernelLogFile;
    boolean kernelKilled;
    /** More than 1 when a start lost a race for its TCP ports and was tried again. */
    int startAttempts = 1;
    int codeCells;
    /** Filled by {@link NotebookRunner}: child processes still alive after the runner ended. */
    transient List<String> leftoverProcesses = new ArrayList<>();

    boolean ok() {
        return "ok".equals(status);
    }

    /** A message that lets a reader fix the notebook without opening the build log. */
    String describe(String name) {
        if (ok()) {
            return name + ": ok in " + seconds(seconds);
        }
        StringBuilder text = new StringBuilder();
        Failure f = failure == null ? new Failure() : failure;
        switch (status) {
            case "start_failed" -> {
                text.append(name).append(": the kernel '").append(kernel).append("' failed to start (not a notebook error): ")
                        .append(nonNull(f.ename)).append(": ").append(nonNull(f.evalue));
                appendKernelLog(text);
                return text.toString();
            }
            case "harness_error" -> {
                return name + ": the notebook runner itself failed: " + nonNull(f.evalue);
            }
            case "timeout" -> text.append(name).append(": TIMEOUT");
            default -> text.append(name).append(": FAILED");
        }
        if (f.cellNumber != null) {
            text.append(" at code cell ").append(f.cellNumber)
                    .append(" (cell ").append(f.cellIndex + 1).append(" of the file)")
                    .append(": ").append(nonNull(f.firstLine));
        }
        text.append("\n  ").append(nonNull(f.ename));
        if (f.evalue != null && !f.evalue.isBlank()) {
            text.append(": ").append(f.evalue);
        }
        String traceback = withoutHeadline(f);
        if (!traceback.isBlank() && !traceback.equals(nonNull(f.evalue).strip())) {
            text.append("\n  ").append(traceback.replace("\n", "\n  "));
        }
        if (kernelLog != null && !kernelLog.isBlank()) {
            appendKernelLog(text);
        }
        if (output != null) {
            text.append("\n  executed notebook (partial): ").append(output);
        }
        return text.toString();
    }

    /** The traceback without a first line that only repeats "ename: evalue". */
    private static String withoutHeadline(Failure f) {
        String traceback = nonNull(f.traceback).strip();
        String headline = nonNull(f.ename) + ": " + nonNull(f.evalue);
        if (traceback.startsWith(headline)) {
            traceback = traceback.substring(headline.length()).strip();
        }
        return traceback;
    }

    private void appendKernelLog(StringBuilder text) {
        text.append("\n  --- kernel log");
        if (kernelLogFile != null) {
            text.append(" (").append(kernelLogFile).append(")");
        }
        text.append(" ---\n  ").append(kernelLog == null || kernelLog.isBlank() ? "(empty)" : kernelLog.strip().replace("\n", "\n  "));
    }

    static String seconds(double s) {
        return String.format(java.util.Locale.ROOT, "%.1f s", s);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
