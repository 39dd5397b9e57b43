package dl.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Short tracebacks for notebook errors: the headline {@code ename: evalue}, then the notebook
 * lines the error went through ("at g (cell [2], line 3): throw ..."). Library frames are
 * folded to a count, the kernel's own frames (reflection, JShell) are dropped, and a frame that
 * repeats (deep recursion) is shown once with a repeat count.
 */
final class Tracebacks {

    /** At most this many frame lines, so a StackOverflowError stays readable. */
    static final int MAX_FRAME_LINES = 12;
    private static final int MAX_CAUSES = 3;

    private Tracebacks() {}

    /**
     * Builds the error for an exception thrown by notebook code.
     *
     * @param live   the live exception (real class, message, causes); may be null
     * @param frames JShell's translated frames (file name "#id", snippet-relative lines)
     * @param className the exception's class name, used when {@code live} is null
     */
    static CellError forException(Throwable live, StackTraceElement[] frames, String className, String message,
            SnippetOrigins origins) {
        String ename = live != null ? simpleName(live.getClass().getName()) : simpleName(className);
        String evalue = withoutWrapperNames(live != null ? Objects.toString(live.getMessage(), "") : Objects.toString(message, ""));
        if (live instanceof StackOverflowError && evalue.isEmpty()) {
            evalue = "the call stack overflowed (recursion without end?)";
        }
        List<String> lines = frameLines(frames, origins);
        Throwable cause = live == null ? null : live.getCause();
        for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            String msg = cause.getMessage();
            lines.add("Caused by: " + cause.getClass().getName() + (msg == null ? "" : ": " + msg));
            for (StackTraceElement f : cause.getStackTrace()) {
                if (!isInternal(f)) {
                    lines.add("    at " + f);
                    break;
                }
            }
        }
        return new CellError(ename, evalue, lines);
    }

    /** The frame lines for {@code frames}, top (throw site) first. */
    static List<String> frameLines(StackTraceElement[] frames, SnippetOrigins origins) {
        List<String> lines = new ArrayList<>();
        int libraryRun = 0;
        String previous = null;
        int repeats = 0;
        boolean seenUser = false;
        for (StackTraceElement f : frames) {
            String file = f.getFileName();
            boolean user = file != null && file.startsWith("#");
            if (!user) {
                if (isInternal(f)) {
                    continue;
                }
                if (!seenUser && lines.isEmpty() && libraryRun == 0) {
                    // The throw site inside a library says what failed: keep it.
                    lines.add("  at " + f);
                } else {
                    libraryRun++;
                }
                continue;
            }
            seenUser = true;
            String line = userFrame(f, origins);
            if (line.equals(previous)) {
                repeats++;
                continue;
            }
            flushRepeats(lines, repeats);
            repeats = 0;
            if (libraryRun > 0) {
                lines.add("  ... " + libraryRun + (libraryRun == 1 ? " library frame" : " library frames"));
                libraryRun = 0;
            }
            if (lines.size() >= MAX_FRAME_LINES) {
                lines.add("  ... more frames omitted");
                return lines;
            }
            lines.add(line);
            previous = line;
        }
        flushRepeats(lines, repeats);
        return lines;
    }

    private static void flushRepeats(List<String> lines, int repeats) {
        if (repeats > 0) {
            lines.add("  ... the line above repeated " + repeats + " more time" + (repeats == 1 ? "" : "s"));
        }
    }

    private static String userFrame(StackTraceElement f, SnippetOrigins origins) {
        SnippetOrigins.Origin origin = origins.get(f.getFileName().substring(1));
        int snippetLine = Math.max(1, f.getLineNumber());
        String method = f.getMethodName();
        String cls = f.getClassName();
        String name = method.isEmpty() ? "" : (cls.isEmpty() ? method : cls + "." + method);
        if (origin == null) {
            return "  at " + (name.isEmpty() ? "" : name + " ") + "(snippet " + f.getFileName() + ", line " + snippetLine + ")";
        }
        String where = origin.where(snippetLine);
        String text = origin.lineText(snippetLine).strip();
        return "  at " + (name.isEmpty() ? where : name + " (" + where + ")") + ": " + text;
    }

    /** Frames of the machinery that runs a snippet: reflection, JShell, this kernel. */
    static boolean isInternal(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("jdk.jshell.") || c.startsWith("dl.kernel.")
                || c.startsWith("java.util.concurrent.") || c.equals("java.lang.Thread");
    }

    /**
     * Removes JShell's wrapper class names from a message: helpful NullPointerException messages
     * say {@code "REPL.$JShell$20.s" is null}; the notebook only knows {@code s}. A class declared
     * in a cell ({@code REPL.$JShell$13$Point}) becomes {@code Point}.
     */
    static String withoutWrapperNames(String message) {
        return message.replaceAll("REPL\\.\\$JShell\\$\\d+[.$]", "");
    }

    /** "java.lang.IllegalStateException" -> "IllegalStateException"; nested "a.B$C" -> "C". */
    static String simpleName(String className) {
        if (className == null || className.isEmpty()) {
            return "Exception";
        }
        int cut = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return className.substring(cut + 1);
    }
}
