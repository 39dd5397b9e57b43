package dl.kernel;

import dl.Course;
import dl.display.Display;
import dl.kernel.magic.MagicContext;
import dl.kernel.magic.Magics;
import dl.kernel.render.Renderers;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One notebook's Java session, independent of Jupyter's messaging: runs cells (magics, JShell,
 * rendering), completes and inspects code, interrupts. The kernel drives it; so do the tests.
 *
 * <p>Start-up work runs in the background so the kernel answers Jupyter at once: the cell
 * thread seeds the library ({@code Course.seed(Course.DEFAULT_SEED)}, which also loads Nd4j)
 * while another thread builds JShell and evaluates the {@link StartupImports}. The first cell
 * waits for both.
 */
public final class NotebookSession implements MagicContext, AutoCloseable {

    private final Path workDir;
    private final CellOutput output;
    private final CellThread cellThread;
    private final Magics magics = Magics.standard();
    private final Renderers renderers = new Renderers();
    private final KernelDisplay display;
    private final CompletableFuture<JShellEvaluator> evaluator = new CompletableFuture<>();
    private final List<String> startupProblems = Collections.synchronizedList(new ArrayList<>());
    private volatile String cellLabel = "cell";
    private final List<String> pages = Collections.synchronizedList(new ArrayList<>());
    /** {@code ?name} or {@code name?} alone in a cell: show the documentation of name in the pager. */
    private static final java.util.regex.Pattern HELP_REQUEST =
            java.util.regex.Pattern.compile("^\\s*(?:\\?\\s*([\\w$.]+)|([\\w$.]+)\\s*\\?)\\s*$");

    private NotebookSession(Path workDir, CellOutput output) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.output = output;
        this.display = new KernelDisplay(renderers, output);
        AtomicBoolean firstThread = new AtomicBoolean(true);
        this.cellThread = new CellThread(output, () -> {
            if (firstThread.getAndSet(false)) {
                Course.seed(Course.DEFAULT_SEED);
                StartupTrace.mark("seeded (Nd4j loaded)");
            } else {
                // A replacement thread (after a stopped cell) gets Nd4j's per-thread generator reseeded.
                Nd4j.getRandom().setSeed(Course.currentSeed());
            }
        });
    }

    /**
     * A session whose relative paths begin at {@code workDir} and whose cells write through
     * {@code output}, started at once (see {@link #startInBackground()}).
     */
    public static NotebookSession start(Path workDir, CellOutput output) {
        NotebookSession session = create(workDir, output);
        session.startInBackground();
        return session;
    }

    /** A session not yet started: nothing runs until {@link #startInBackground()}. */
    public static NotebookSession create(Path workDir, CellOutput output) {
        return new NotebookSession(workDir, output);
    }

    /**
     * Starts the cell thread (seeding the library, loading Nd4j) and JShell with the start-up
     * imports, both in the background, and installs the {@link Display} sink so library code
     * can show things. The kernel calls this once Jupyter's sockets are bound, so the warm-up
     * does not slow down its first answers.
     */
    public void startInBackground() {
        cellThread.start();
        Display.install(display);
        Thread init = new Thread(this::initialize, "notebook-init");
        init.setDaemon(true);
        init.start();
    }

    private void initialize() {
        try {
            JShellEvaluator ev = new JShellEvaluator(cellThread, output.out(), output.err());
            StartupTrace.mark("JShell built");
            for (String line : StartupImports.forClasspath(System.getProperty("java.class.path"))) {
                try {
                    ev.eval(line, "start-up imports", 1);
                } catch (CellError e) {
                    startupProblems.add(line + " failed: " + e.evalue());
                }
            }
            StartupTrace.mark("start-up imports done");
            evaluator.complete(ev);
        } catch (Throwable t) {
            evaluator.completeExceptionally(t);
        }
    }

    /** Waits until JShell and the start-up imports are ready. */
    public void awaitReady() throws CellError {
        evaluator();
    }

    private JShellEvaluator evaluator() throws CellError {
        try {
            return evaluator.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CellError.of("Interrupted", "interrupted while the kernel was starting");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw CellError.of("KernelStartupError", "JShell could not start: " + c);
        }
    }

    /**
     * Runs one cell and returns the display data of its value, or null when it has none.
     *
     * @param executionCount Jupyter's counter; errors call the cell "cell [n]"
     * @param sink           receives the cell's output as it is produced
     */
    public DisplayData execute(String code, int executionCount, CellOutput.Sink sink) throws CellError {
        JShellEvaluator ev = evaluator();
        pages.clear();
        java.util.regex.Matcher help = HELP_REQUEST.matcher(code);
        if (help.matches()) {
            String name = help.group(1) != null ? help.group(1) : help.group(2);
            String doc = inspect(name, name.length());
            if (doc == null) {
                throw CellError.of("NoDocumentation", "nothing is known about " + name
                        + " (is it spelled right, and are its class and package imported?)");
            }
            pages.add(doc);
            return null;
        }
        ev.beginCell();
        output.begin(sink);
        cellThread.beginCell();
        cellLabel = "cell [" + executionCount + "]";
        try {
            reportStartupProblems();
            CellResult result = magics.runCell(code, this);
            if (!result.hasValue() || display.isDisplayId(result.value())) {
                return null;
            }
            return render(result.value());
        } finally {
            cellThread.endCell();
            output.end();
        }
    }

    /** The pager texts the last cell asked for ({@code ?name}); Jupyter shows them in its pager. */
    public List<String> takePages() {
        synchronized (pages) {
            List<String> out = List.copyOf(pages);
            pages.clear();
            return out;
        }
    }

    private void reportStartupProblems() {
        synchronized (startupProblems) {
            for (String problem : startupProblems) {
                System.err.println("course kernel start-up: " + problem);
            }
            startupProblems.clear();
        }
    }

    /** Renders on the cell thread: a user's toString() may be slow or never end, and must stay interruptible. */
    private DisplayData render(Object value) throws CellError {
        return (DisplayData) callOnCellThread(() -> renderers.render(value), "cannot show the value: ");
    }

    private Object callOnCellThread(Callable<?> body, String context) throws CellError {
        try {
            return cellThread.call(body);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cellThread.interruptRequested()) {
                throw new CellError("Interrupted", "the cell was interrupted", List.of());
            }
            String msg = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
            throw new CellError(Tracebacks.simpleName(cause.getClass().getName()), context + msg,
                    Tracebacks.frameLines(cause.getStackTrace(), new SnippetOrigins()));
        } catch (CellThread.CellStoppedException e) {
            throw new CellError("Interrupted", e.getMessage(), List.of());
        }
    }

    /** Called from Jupyter's control thread. */
    public void interrupt() {
        cellThread.interrupt();
    }

    // ---- MagicContext

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public String cellLabel() {
        return cellLabel;
    }

    @Override
    public CellResult run(String code, String label, int firstLine) throws CellError {
        return evaluator().eval(code, label, firstLine);
    }

    @Override
    public void addToClasspath(List<Path> paths) throws CellError {
        JShellEvaluator ev = evaluator();
        for (Path p : paths) {
            ev.addToClasspath(p);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T onCellThread(Callable<T> body) throws CellError {
        return (T) callOnCellThread(body, "");
    }

    @Override
    public Magics magics() {
        return magics;
    }

    // ---- editor support

    /** Completion candidates at {@code cursor}; {@code anchor[0]} receives where they replace from. */
    public List<String> complete(String code, int cursor, int[] anchor) throws CellError {
        int lineStart = code.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        String line = code.substring(lineStart, cursor);
        String trimmed = line.stripLeading();
        if (trimmed.startsWith("%") && trimmed.matches("%%?[\\w-]*")) {
            boolean cell = trimmed.startsWith("%%");
            String prefix = trimmed.substring(cell ? 2 : 1);
            List<String> names = new ArrayList<>(cell ? magics.cellMagics().keySet() : magics.lineMagics().keySet());
            anchor[0] = lineStart + (line.length() - trimmed.length());
            return names.stream().filter(n -> n.startsWith(prefix)).sorted().map(n -> (cell ? "%%" : "%") + n).toList();
        }
        return evaluator().complete(blankMagicLines(code), cursor, anchor);
    }

    /** Signatures and docs for the identifier at {@code cursor}, as text; null if nothing is known. */
    public String inspect(String code, int cursor) throws CellError {
        List<SourceCodeAnalysis.Documentation> docs = evaluator().documentation(blankMagicLines(code), cursor);
        if (docs == null || docs.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (sb.length() > 0) {
                sb.append("\n");
            }
            sb.append(d.signature()).append('\n');
            if (d.javadoc() != null && !d.javadoc().isBlank()) {
                sb.append(d.javadoc().strip()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Whether {@code code} is ready to run (magic lines count as complete). */
    public CodeStatus completeness(String code) throws CellError {
        String java = blankMagicLines(code);
        return java.isBlank() ? CodeStatus.COMPLETE : evaluator().completeness(java);
    }

    /** Magic lines replaced by blanks of the same length, so positions stay valid for JShell. */
    static String blankMagicLines(String code) {
        StringBuilder sb = new StringBuilder(code.length());
        for (String line : code.split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line.stripLeading().startsWith("%") ? " ".repeat(line.length()) : line);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        Display.install(null);
        cellThread.close();
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().close();
        }
    }
}
