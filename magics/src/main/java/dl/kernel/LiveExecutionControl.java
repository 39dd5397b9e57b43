package dl.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl.EngineTerminationException;
import jdk.jshell.spi.ExecutionControl.InternalException;
import jdk.jshell.spi.ExecutionControl.RunException;
import jdk.jshell.spi.ExecutionControl.UserException;

/**
 * JShell execution in the kernel's own JVM that keeps the live result of every snippet.
 *
 * <p>JShell's stock local engine turns each value into a String at once. Here {@link #invoke}
 * runs the snippet on the {@link CellThread}, keeps the returned object (and, on failure, the
 * live exception with its real class and causes) and hands JShell only a key, so the
 * kernel can render a chart as a PNG rather than its {@code toString()}.
 */
final class LiveExecutionControl extends DirectExecutionControl {

    private final CellThread cellThread;
    private final SnippetClassLoader loader;
    private long counter;
    private String lastKey;
    private Object lastValue;
    private Throwable lastThrown;

    LiveExecutionControl(SnippetClassLoader loader, CellThread cellThread) {
        super(loader);
        this.loader = loader;
        this.cellThread = cellThread;
    }

    ClassLoader classLoader() {
        return loader.classLoader();
    }

    /** The exit call refused since the last take (see {@link SnippetClassLoader#load}), or null. */
    String takeRefusal() {
        return loader.takeRefusal();
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, InternalException, EngineTerminationException {
        String call = loader.refusal(className);
        if (call != null) {
            // Its class was refused: say so rather than let JShell report a missing class.
            throw new UserException("refused: calls " + call, "dl.kernel.ExitRefused", new StackTraceElement[0]);
        }
        return super.invoke(className, methodName);
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        lastThrown = null;
        lastKey = null;
        lastValue = null;
        Object value;
        try {
            value = cellThread.call(() -> doit.invoke(null));
        } catch (InvocationTargetException e) {
            lastThrown = e.getCause();
            throw e;
        } catch (RuntimeException e) {
            // Not the snippet's own exception (e.g. CellStoppedException: its thread was abandoned).
            // Passed on as if the snippet threw it: JShell turns any other exception into an
            // InternalException that it only logs, and the cell would end as if all was well.
            lastThrown = e;
            throw new InvocationTargetException(e);
        }
        lastKey = "value#" + (++counter);
        lastValue = value;
        return lastKey;
    }

    /** The live value behind a key JShell reported as a snippet's value; forgets it. */
    Object takeValue(String key) {
        if (key == null || !key.equals(lastKey)) {
            throw new IllegalStateException("no live value for key " + key + " (last key " + lastKey + ")");
        }
        Object value = lastValue;
        lastKey = null;
        lastValue = null;
        return value;
    }

    /** The live exception of the last snippet, or null; forgets it. */
    Throwable takeThrown() {
        Throwable t = lastThrown;
        lastThrown = null;
        return t;
    }

    /** Drops a value JShell did not ask for (declarations), so it can be collected. */
    void forgetValue() {
        lastKey = null;
        lastValue = null;
    }
}
