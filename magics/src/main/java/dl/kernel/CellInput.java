package dl.kernel;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * The kernel's {@code System.in}. When the front end accepts input (the execute request says
 * {@code allow_stdin}), each line a cell reads is asked for with a Jupyter {@code input_request},
 * so {@code new Scanner(System.in).nextLine()} shows an input box. Otherwise (nbconvert, the
 * tests, a headless run) reading fails at once with a {@link StdinUnavailableException} that
 * says why, instead of Scanner's bare {@code NoSuchElementException} at end of input.
 */
public final class CellInput extends InputStream {

    /** Thrown when a cell reads System.in and no front end can answer. */
    public static final class StdinUnavailableException extends IllegalStateException {
        StdinUnavailableException(String message) {
            super(message);
        }
    }

    private final CellOutput output;
    private UnaryOperator<String> frontEnd;
    private boolean inCell;
    private byte[] buffer = new byte[0];
    private int position;

    /** @param output flushed before each input request, so a printed prompt shows above the box */
    public CellInput(CellOutput output) {
        this.output = output;
    }

    /**
     * Starts a cell. {@code askFrontEnd} sends an input request with the given prompt and returns
     * the line typed (with its line end); null when this cell may not ask.
     */
    public synchronized void begin(UnaryOperator<String> askFrontEnd) {
        frontEnd = askFrontEnd;
        inCell = true;
        buffer = new byte[0];
        position = 0;
    }

    /** Ends the cell: what it typed but did not read is dropped. */
    public synchronized void end() {
        frontEnd = null;
        inCell = false;
        buffer = new byte[0];
        position = 0;
    }

    @Override
    public synchronized int read() {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.length - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - position;
    }

    /** Makes sure unread bytes are buffered; false at end of input (the front end sent nothing). */
    private boolean fill() {
        if (position < buffer.length) {
            return true;
        }
        if (!inCell) {
            throw new StdinUnavailableException("System.in was read while no cell runs (a background thread?); "
                    + "the kernel has no input to give");
        }
        if (frontEnd == null) {
            throw new StdinUnavailableException("this cell cannot read System.in: the front end does not accept input "
                    + "(allow_stdin is false, e.g. in nbconvert, ./course run or the tests). "
                    + "Put the value in the code instead, e.g. String name = \"Ada\";");
        }
        output.awaitFlushed(1000);
        String line = frontEnd.apply("");
        if (line == null) {
            return false;
        }
        buffer = line.getBytes(StandardCharsets.UTF_8);
        position = 0;
        return buffer.length > 0;
    }
}
