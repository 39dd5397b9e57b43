package dl.display;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows objects in the notebook from library code without depending on the kernel.
 *
 * <p>A training loop calls {@code String id = Display.display(progress)} once and then
 * {@code Display.updateDisplay(id, progress)} after each epoch; in Jupyter the output is
 * replaced in place. The course kernel installs a {@link Sink} at start-up; without one
 * (plain JVM, unit tests) {@code display} prints {@code toString()} to stdout and
 * {@code updateDisplay} prints nothing, so a loop that updates every step stays quiet.
 *
 * <p>Statically imported by the kernel: a notebook writes {@code display(chart)}.
 */
public final class Display {

    /** Where displayed objects go; the kernel renders them (PNG, HTML, text) and publishes them. */
    public interface Sink {
        /** Shows {@code o} as a new output carrying the display id {@code id}. */
        void display(String id, Object o);

        /** Replaces the output that carries {@code id} with a rendering of {@code o}. */
        void update(String id, Object o);

        /** Clears the running cell's output (Jupyter's clear_output); {@code wait}: at the next output. */
        default void clear(boolean wait) {}
    }

    private static final AtomicLong NEXT_ID = new AtomicLong(1);
    private static volatile Sink sink;

    private Display() {}

    /** Shows {@code o} and returns its display id, for {@link #updateDisplay(String, Object)}. */
    public static String display(Object o) {
        String id = newId();
        Sink s = sink;
        if (s != null) {
            s.display(id, o);
        } else {
            System.out.println(o);
        }
        return id;
    }

    /** Replaces the output shown under {@code id}; without a kernel this does nothing. */
    public static void updateDisplay(String id, Object o) {
        Objects.requireNonNull(id, "updateDisplay: display id is null (use the id returned by display(...))");
        Sink s = sink;
        if (s != null) {
            s.update(id, o);
        }
    }

    /**
     * Clears what the running cell has shown so far, at once. For a simple animation: clear,
     * then show the next frame. Without a kernel this does nothing.
     */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Clears what the running cell has shown so far. With {@code wait}, Jupyter clears only when
     * the next output arrives, so an animation redrawn in a loop does not flicker.
     */
    public static void clearOutput(boolean wait) {
        Sink s = sink;
        if (s != null) {
            s.clear(wait);
        }
    }

    /** Installs the kernel's sink (replacing any earlier one); {@code null} restores plain printing. */
    public static void install(Sink newSink) {
        sink = newSink;
    }

    /** True when a kernel sink is installed (the code runs inside a notebook). */
    public static boolean inNotebook() {
        return sink != null;
    }

    // Unique within the JVM; the start time keeps ids of a restarted kernel apart from the old ones.
    private static final String SESSION = Long.toString(System.currentTimeMillis(), 36);

    private static String newId() {
        return "dl-" + SESSION + "-" + NEXT_ID.getAndIncrement();
    }
}
