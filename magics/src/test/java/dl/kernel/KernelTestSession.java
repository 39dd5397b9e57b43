package dl.kernel;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * A notebook session as the kernel runs it, minus Jupyter: System.out/err routed through the
 * session's {@link CellOutput}, cells numbered like Jupyter's execution count.
 */
public final class KernelTestSession implements AutoCloseable {

    public final NotebookSession session;
    final CellOutput output;
    final ByteArrayOutputStream idle = new ByteArrayOutputStream();
    private final PrintStream realOut = System.out;
    private final PrintStream realErr = System.err;
    private int count = 1;

    public KernelTestSession(Path workDir) throws CellError {
        output = new CellOutput(new PrintStream(idle, true, StandardCharsets.UTF_8));
        System.setOut(output.out());
        System.setErr(output.err());
        session = NotebookSession.start(workDir, output);
        session.awaitReady();
    }

    /** Runs a cell; returns its value's display data (or null) and fills {@code sink}. */
    public DisplayData run(String code, CellOutput.Sink sink) throws CellError {
        return session.execute(code, count++, sink);
    }

    /** Runs a cell that must succeed; returns its text/plain value (or null). */
    public String value(String code) throws CellError {
        return valueWith(code, new RecordingSink());
    }

    /** Like {@link #value} with the output going to {@code sink}. */
    public String valueWith(String code, CellOutput.Sink sink) throws CellError {
        DisplayData d = run(code, sink);
        return d == null ? null : (String) d.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
    }

    /** Runs a cell that must succeed and returns what it printed on stdout. */
    public String stdout(String code) throws CellError {
        RecordingSink sink = new RecordingSink();
        run(code, sink);
        return sink.stdout();
    }

    /** Runs a cell that must fail and returns the error. */
    public CellError error(String code) {
        try {
            run(code, new RecordingSink());
        } catch (CellError e) {
            return e;
        }
        throw new AssertionError("expected the cell to fail: " + code);
    }

    /** A recording sink usable from other test packages. */
    public static final class Recorder extends RecordingSink {}

    @Override
    public void close() {
        session.close();
        System.setOut(realOut);
        System.setErr(realErr);
    }
}
