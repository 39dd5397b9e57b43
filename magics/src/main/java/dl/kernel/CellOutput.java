package dl.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Collects what a running cell writes (stdout, stderr, displays) from any thread and hands it,
 * in order, to the cell's {@link Sink}.
 *
 * <p>Notebook code never touches the Jupyter sockets itself: it only appends to this buffer, and
 * the thread that waits for the cell publishes. So a cell stopped with {@code Thread.stop} or
 * interrupted mid-{@code println} cannot break a socket (JeroMQ fails with EINTR on interrupted
 * threads) and cannot leave text behind for the next cell: {@link #begin} starts empty.
 * Consecutive writes to one stream are merged, so a tight print loop sends few messages.
 * Between cells, output goes to the kernel's own stderr and, once the first cell has run (so
 * start-up noise stays out), is kept for the next cell: a background thread's prints are not lost.
 */
public final class CellOutput {

    /** Jupyter's stream names. */
    public enum Stream {
        STDOUT("stdout"), STDERR("stderr");

        public final String jupyterName;

        Stream(String jupyterName) {
            this.jupyterName = jupyterName;
        }
    }

    /** Receives a cell's output on the publishing thread. */
    public interface Sink {
        void text(Stream stream, String text);

        void display(DisplayData data, boolean update);

        /** Clears the cell's output so far; with {@code wait}, only when the next output arrives. */
        default void clear(boolean wait) {}
    }

    /** How long the publisher waits before sending more text, so a print loop coalesces. */
    private static final long COALESCE_MS = 15;
    /** Upper bound on one wait, so a dead worker thread is noticed without a wake-up. */
    private static final long POLL_MS = 100;

    private final Object lock = new Object();
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private final PrintStream idleOut;
    private final PrintStream out;
    private final PrintStream err;
    /** At most this much background output is kept for the next cell. */
    static final int IDLE_KEEP_BYTES = 64 * 1024;

    private Sink sink;
    private volatile boolean idleDiscarded;
    private boolean cellsStarted;
    private final Text idleStdout = new Text(Stream.STDOUT);
    private final Text idleStderr = new Text(Stream.STDERR);
    private long idleDropped;
    /** At most this many displays made between cells are kept for the next cell. */
    static final int IDLE_KEEP_DISPLAYS = 20;
    private final List<Shown> idleShown = new ArrayList<>();

    /** @param idle where output written between cells goes (the kernel's stderr) */
    public CellOutput(PrintStream idle) {
        this.idleOut = idle;
        this.out = new PrintStream(new StreamWriter(Stream.STDOUT), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(new StreamWriter(Stream.STDERR), true, StandardCharsets.UTF_8);
    }

    /** The stream that becomes {@code System.out}. */
    public PrintStream out() {
        return out;
    }

    /** The stream that becomes {@code System.err}. */
    public PrintStream err() {
        return err;
    }

    /** Starts capturing for a cell; anything still pending from before is dropped. */
    public void begin(Sink cellSink) {
        synchronized (lock) {
            pending.clear();
            sink = cellSink;
            cellsStarted = true;
            if (idleStdout.length + idleStderr.length > 0) {
                String note = "[printed by a background thread while no cell ran"
                        + (idleDropped > 0 ? "; " + idleDropped + " more bytes dropped" : "") + ":]\n";
                Text header = new Text(Stream.STDERR);
                byte[] b = note.getBytes(StandardCharsets.UTF_8);
                header.append(b, 0, b.length);
                pending.add(header);
                for (Text idle : List.of(idleStdout, idleStderr)) {
                    if (idle.length > 0) {
                        Text copy = new Text(idle.stream);
                        copy.append(idle.bytes, 0, idle.length);
                        pending.add(copy);
                        idle.length = 0;
                    }
                }
                idleDropped = 0;
            }
            pending.addAll(idleShown);
            idleShown.clear();
        }
    }

    /** Queues a clear_output for the running cell; false between cells. */
    public boolean clear(boolean wait) {
        synchronized (lock) {
            if (sink == null) {
                return false;
            }
            pending.add(new Cleared(wait));
            lock.notifyAll();
            return true;
        }
    }

    /**
     * Waits (at most {@code timeoutMs}) until the publisher has sent what is pending, so a prompt
     * printed before an input request is on screen first. Called from the cell's thread.
     */
    public void awaitFlushed(long timeoutMs) {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        synchronized (lock) {
            lock.notifyAll();
            long left;
            while (sink != null && pending.stream().anyMatch(p -> !(p instanceof Text t) || t.length > 0)
                    && (left = end - System.nanoTime()) > 0) {
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Publishes what is left and stops capturing. */
    public void end() {
        flush();
        synchronized (lock) {
            pending.clear();
            sink = null;
        }
    }

    /**
     * From now on output between cells is dropped: after a shutdown request, JeroMQ's I/O
     * thread may print stack traces while its sockets close, which is noise for the user.
     */
    public void discardIdleOutput() {
        idleDiscarded = true;
    }

    /**
     * Queues a display (or an update of one) for the running cell. Between cells (a background
     * thread) it is kept for the next cell, up to {@link #IDLE_KEEP_DISPLAYS}; false when dropped.
     */
    public boolean display(DisplayData data, boolean update) {
        synchronized (lock) {
            if (sink == null) {
                if (!cellsStarted || idleDiscarded || idleShown.size() >= IDLE_KEEP_DISPLAYS) {
                    return false;
                }
                idleShown.add(new Shown(data, update));
                return true;
            }
            pending.add(new Shown(data, update));
            lock.notifyAll();
            return true;
        }
    }

    /** Wakes a publisher waiting in {@link #pumpUntil}. */
    public void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /**
     * Publishes output as it arrives until {@code done} holds, then publishes the rest. Called
     * by the thread that waits for the cell's work.
     */
    public void pumpUntil(BooleanSupplier done) {
        while (true) {
            boolean finished;
            synchronized (lock) {
                while (pending.isEmpty() && !done.getAsBoolean()) {
                    waitOn(POLL_MS);
                }
                // Output arrived: give the rest of a burst a moment, so it goes out as one message.
                long until = System.nanoTime() + COALESCE_MS * 1_000_000;
                long left;
                while (!done.getAsBoolean() && (left = until - System.nanoTime()) > 0) {
                    waitOn(Math.max(1, left / 1_000_000));
                }
                finished = done.getAsBoolean();
            }
            flush();
            if (finished) {
                return;
            }
        }
    }

    /** Publishes everything pending now. */
    public void flush() {
        List<Object> batch;
        Sink target;
        synchronized (lock) {
            if (pending.isEmpty()) {
                return;
            }
            target = sink;
            batch = new ArrayList<>(pending);
            pending.clear();
            lock.notifyAll(); // for awaitFlushed
            // A character cut in half by a raw write() waits for its other half.
            Object last = batch.get(batch.size() - 1);
            if (last instanceof Text text) {
                Text tail = text.splitIncompleteTail();
                if (tail != null) {
                    pending.add(tail);
                }
            }
        }
        if (target == null) {
            return;
        }
        for (Object item : batch) {
            try {
                if (item instanceof Text text) {
                    if (text.length > 0) {
                        target.text(text.stream, new String(text.bytes, 0, text.length, StandardCharsets.UTF_8));
                    }
                } else if (item instanceof Cleared c) {
                    target.clear(c.onNextOutput);
                } else {
                    Shown shown = (Shown) item;
                    target.display(shown.data, shown.update);
                }
            } catch (RuntimeException e) {
                idleOut.println("course kernel: could not publish output: " + e);
            }
        }
    }

    private void write(Stream stream, byte[] b, int off, int len) {
        synchronized (lock) {
            if (sink == null) {
                if (!idleDiscarded) {
                    idleOut.write(b, off, len);
                    idleOut.flush();
                    if (cellsStarted) {
                        Text idle = stream == Stream.STDOUT ? idleStdout : idleStderr;
                        int keep = Math.max(0, Math.min(len, IDLE_KEEP_BYTES - idleStdout.length - idleStderr.length));
                        idle.append(b, off, keep);
                        idleDropped += len - keep;
                    }
                }
                return;
            }
            Object last = pending.peekLast();
            if (last instanceof Text text && text.stream == stream) {
                text.append(b, off, len);
            } else {
                Text text = new Text(stream);
                text.append(b, off, len);
                pending.add(text);
            }
            lock.notifyAll();
        }
    }

    private void waitOn(long ms) {
        try {
            lock.wait(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing cell output", e);
        }
    }

    private final class StreamWriter extends OutputStream {
        private final Stream stream;

        StreamWriter(Stream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            CellOutput.this.write(stream, b, off, len);
        }
    }

    private record Shown(DisplayData data, boolean update) {}

    private record Cleared(boolean onNextOutput) {}

    /** A run of bytes written to one stream. */
    private static final class Text {
        final Stream stream;
        byte[] bytes = new byte[256];
        int length;

        Text(Stream stream) {
            this.stream = stream;
        }

        void append(byte[] b, int off, int len) {
            if (length + len > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + len));
            }
            System.arraycopy(b, off, bytes, length, len);
            length += len;
        }

        /** Cuts off a trailing incomplete UTF-8 sequence and returns it, or null. */
        Text splitIncompleteTail() {
            int complete = Utf8.completePrefix(bytes, length);
            if (complete == length) {
                return null;
            }
            Text tail = new Text(stream);
            tail.append(bytes, complete, length - complete);
            length = complete;
            return tail;
        }
    }

    /** UTF-8 boundary check. */
    static final class Utf8 {
        private Utf8() {}

        /** Length of the longest prefix of {@code b[0..n)} that ends on a character boundary. */
        static int completePrefix(byte[] b, int n) {
            // Walk back over at most 3 continuation bytes (10xxxxxx) to the lead byte.
            int i = n - 1;
            int back = 0;
            while (i >= 0 && back < 3 && (b[i] & 0xC0) == 0x80) {
                i--;
                back++;
            }
            if (i < 0) {
                return n;
            }
            int lead = b[i] & 0xFF;
            int need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return i + need > n ? i : n;
        }
    }
}
