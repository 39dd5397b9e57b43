package dl.kernel;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread that runs notebook code. Every snippet runs here, so thread-bound state (Nd4j's
 * random generator is per thread) carries over from cell to cell.
 *
 * <p>{@link #interrupt()} stops a runaway cell: first {@code Thread.interrupt()} (ends sleeps and
 * waits), then, if the cell is still running after {@link #STOP_AFTER_MS},
 * {@code Thread.stop()} (ends {@code while (true) {}}; works on JDK 17, removed in JDK 20+).
 * If even that does not end it within {@link #ABANDON_AFTER_MS} (a {@code catch (Throwable)}
 * in a loop, a long native call), the thread is abandoned and the next cell gets a fresh one.
 */
public final class CellThread implements AutoCloseable {

    static final long STOP_AFTER_MS = 1000;
    static final long ABANDON_AFTER_MS = 3000;
    private static final long STACK_BYTES = 16L << 20;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    /** Thrown by {@link #call} when the cell's thread had to be abandoned. */
    public static final class CellStoppedException extends RuntimeException {
        CellStoppedException(String message) {
            super(message);
        }
    }

    private final CellOutput output;
    private final Runnable threadSetup;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cell-interrupt-timer");
        t.setDaemon(true);
        return t;
    });

    private volatile ClassLoader contextLoader;
    private Worker worker;
    private volatile Task current;
    private volatile boolean cellActive;
    private volatile boolean interruptRequested;
    private volatile boolean stopUsed;

    /**
     * @param output      where waiting callers publish the cell's output
     * @param threadSetup runs first on every new worker thread (seeds thread-bound generators)
     */
    public CellThread(CellOutput output, Runnable threadSetup) {
        this.output = output;
        this.threadSetup = threadSetup;
    }

    /** Starts the worker now, so its set-up (loading Nd4j) overlaps other start-up work. */
    public synchronized void start() {
        workerOrNew();
    }

    /** The class loader notebook code sees as its context loader (the snippets' loader). */
    public void setContextClassLoader(ClassLoader loader) {
        this.contextLoader = loader;
        Worker w;
        synchronized (this) {
            w = worker;
        }
        if (w != null) {
            w.thread.setContextClassLoader(loader);
        }
    }

    /** Marks the start of a cell: interrupts before this point are forgotten. */
    public void beginCell() {
        interruptRequested = false;
        stopUsed = false;
        cellActive = true;
    }

    public void endCell() {
        cellActive = false;
    }

    /** True once an interrupt arrived for the running cell. */
    public boolean interruptRequested() {
        return interruptRequested;
    }

    /** True when the running cell had to be ended with Thread.stop (or abandoned). */
    public boolean stopUsed() {
        return stopUsed;
    }

    /**
     * Runs {@code body} on the worker thread and waits for it, publishing the cell's output
     * meanwhile. Whatever {@code body} throws comes back as the cause of an
     * {@link InvocationTargetException} (passed through unchanged if it already is one).
     */
    public Object call(Callable<?> body) throws InvocationTargetException {
        Worker w;
        Task task = new Task(body);
        synchronized (this) {
            w = workerOrNew();
            current = task;
        }
        // An interrupt that came while JShell was compiling this snippet saw no running task:
        // honour it here (interrupt() sets the flag before it looks at current).
        if (interruptRequested) {
            current = null;
            throw new InvocationTargetException(new InterruptedException("interrupted before the snippet started"));
        }
        w.queue.add(task);
        try {
            output.pumpUntil(() -> task.done || task.abandoned || !w.thread.isAlive());
        } finally {
            current = null;
        }
        if (!task.done) {
            retire(w);
            throw new CellStoppedException(task.abandoned
                    ? "the cell could not be stopped within " + (STOP_AFTER_MS + ABANDON_AFTER_MS) + " ms (its code "
                            + "catches the interrupt, e.g. with catch (Throwable)); its thread is still alive in the "
                            + "background and keeps a CPU core busy: restart the kernel to free the CPU"
                    : "the cell's thread died");
        }
        if (task.failure instanceof InvocationTargetException ite) {
            throw ite;
        }
        if (task.failure != null) {
            throw new InvocationTargetException(task.failure);
        }
        return task.value;
    }

    /** Called from Jupyter's control thread: ends the running cell (see class comment). */
    public void interrupt() {
        if (!cellActive) {
            return;
        }
        interruptRequested = true;
        Task task = current;
        Worker w;
        synchronized (this) {
            w = worker;
        }
        if (task == null || w == null) {
            return; // between snippets: the evaluator checks interruptRequested()
        }
        w.thread.interrupt();
        timer.schedule(() -> escalate(task, w), STOP_AFTER_MS, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void escalate(Task task, Worker w) {
        if (task.done || current != task) {
            return;
        }
        stopUsed = true;
        // ThreadDeath gets the stack of the thread calling stop(); keep where the cell really was.
        task.stoppedAt = w.thread.getStackTrace();
        try {
            w.thread.stop();
        } catch (UnsupportedOperationException e) {
            // JDK 20+: Thread.stop is gone; the abandon step below still frees the notebook.
        }
        timer.schedule(() -> {
            if (!task.done && current == task) {
                task.abandoned = true;
                output.wake();
            }
        }, ABANDON_AFTER_MS, TimeUnit.MILLISECONDS);
    }

    private Worker workerOrNew() {
        if (worker == null || worker.retired || !worker.thread.isAlive()) {
            worker = new Worker();
            worker.thread.start();
        }
        return worker;
    }

    private synchronized void retire(Worker w) {
        w.retired = true;
        if (worker == w) {
            worker = null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (this) {
            if (worker != null) {
                worker.retired = true;
                worker.thread.interrupt();
                worker = null;
            }
        }
    }

    /** Gives the ThreadDeath of a stopped cell the stack of the cell, so the error shows the cell line. */
    @SuppressWarnings({"deprecation", "removal"})
    private static void showWhereStopped(Throwable t, StackTraceElement[] where) {
        Throwable death = t instanceof InvocationTargetException ite ? ite.getCause() : t;
        if (where != null && death instanceof ThreadDeath) {
            death.setStackTrace(where);
        }
    }

    private static final class Task {
        final Callable<?> body;
        volatile boolean done;
        volatile boolean abandoned;
        volatile StackTraceElement[] stoppedAt;
        Object value;
        Throwable failure;

        Task(Callable<?> body) {
            this.body = body;
        }
    }

    private final class Worker implements Runnable {
        final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
        final Thread thread;
        volatile boolean retired;

        Worker() {
            thread = new Thread(null, this, "notebook-cell-" + THREAD_NUMBER.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            if (contextLoader != null) {
                thread.setContextClassLoader(contextLoader);
            }
        }

        @Override
        public void run() {
            try {
                threadSetup.run();
            } catch (Throwable t) {
                System.err.println("course kernel: cell thread set-up failed: " + t);
            }
            while (!retired) {
                Task task;
                try {
                    task = queue.take();
                } catch (InterruptedException e) {
                    continue; // an interrupt that arrived after its cell ended
                }
                Thread.interrupted(); // start every task with a clear interrupt flag
                try {
                    task.value = task.body.call();
                } catch (Throwable t) {
                    task.failure = t;
                    showWhereStopped(t, task.stoppedAt);
                } finally {
                    task.done = true;
                    output.wake();
                }
            }
        }
    }
}
