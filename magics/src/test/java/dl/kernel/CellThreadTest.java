package dl.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CellThreadTest {

    private static volatile boolean release;
    private final CellOutput output = new CellOutput(new PrintStream(OutputStream.nullOutputStream()));
    private final AtomicInteger setups = new AtomicInteger();
    private final CellThread cells = new CellThread(output, setups::incrementAndGet);

    @BeforeEach
    void hold() {
        release = false;
    }

    @AfterEach
    void cleanUp() {
        release = true;
        cells.close();
    }

    /** Runs {@code body} as a cell on a helper thread (call() blocks its caller). */
    private CompletableFuture<Object> runCell(java.util.concurrent.Callable<?> body) {
        cells.beginCell();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return cells.call(body);
            } catch (InvocationTargetException e) {
                return e.getCause();
            } catch (RuntimeException e) {
                return e;
            }
        });
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "condition not reached");
            Thread.sleep(10);
        }
    }

    @Test
    void everyCellRunsOnTheSameThread() throws Exception {
        cells.beginCell();
        Object first = cells.call(() -> Thread.currentThread());
        Object second = cells.call(() -> Thread.currentThread());
        assertSame(first, second);
        assertEquals(1, setups.get(), "set-up ran once for the one thread");
    }

    @Test
    void failuresComeBackAsTheCause() {
        cells.beginCell();
        var e = assertThrows(InvocationTargetException.class, () -> cells.call(() -> {
            throw new java.io.IOException("disk");
        }));
        assertEquals("disk", e.getCause().getMessage());
    }

    @Test
    void aSleepingCellEndsWithThePlainInterrupt() throws Exception {
        AtomicInteger started = new AtomicInteger();
        var result = runCell(() -> {
            started.incrementAndGet();
            Thread.sleep(60_000);
            return null;
        });
        waitUntil(() -> started.get() == 1);
        cells.interrupt();
        Object outcome = result.get(5, TimeUnit.SECONDS);
        assertInstanceOf(InterruptedException.class, outcome);
        assertFalse(cells.stopUsed());
    }

    @Test
    void aBusyLoopIsStoppedAndTheThreadKept() throws Exception {
        AtomicInteger started = new AtomicInteger();
        Object threadBefore = runCell(() -> Thread.currentThread()).get();
        var result = runCell(() -> {
            started.incrementAndGet();
            long n = 0;
            while (!release) {
                n++;
            }
            return n;
        });
        waitUntil(() -> started.get() == 1);
        long t0 = System.nanoTime();
        cells.interrupt();
        Object outcome = result.get(10, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertInstanceOf(ThreadDeath.class, outcome);
        assertTrue(cells.stopUsed());
        assertTrue(ms >= CellThread.STOP_AFTER_MS - 50 && ms < CellThread.STOP_AFTER_MS + 3000, ms + " ms");
        assertSame(threadBefore, runCell(() -> Thread.currentThread()).get(), "the stopped cell's thread lives on");
    }

    @Test
    void aCellThatSwallowsThreadDeathIsAbandonedAndTheNextCellGetsAFreshThread() throws Exception {
        AtomicInteger started = new AtomicInteger();
        Object threadBefore = runCell(() -> Thread.currentThread()).get();
        var result = runCell(() -> {
            started.incrementAndGet();
            while (!release) {
                try {
                    while (!release) {
                        Thread.onSpinWait();
                    }
                } catch (Throwable swallowed) {
                    // a careless catch-all in notebook code
                }
            }
            return null;
        });
        waitUntil(() -> started.get() == 1);
        cells.interrupt();
        Object outcome = result.get(15, TimeUnit.SECONDS);
        assertInstanceOf(CellThread.CellStoppedException.class, outcome);
        String message = ((Exception) outcome).getMessage();
        assertTrue(message.contains("could not be stopped") && message.contains("restart the kernel to free the CPU"), message);
        Object threadAfter = runCell(() -> Thread.currentThread()).get();
        assertNotSame(threadBefore, threadAfter);
        assertEquals(2, setups.get(), "the fresh thread ran the set-up (reseeding) too");
    }

    @Test
    void anInterruptBeforeTheSnippetStartsIsNotLost() {
        cells.beginCell();
        cells.interrupt(); // arrives while "JShell compiles": no task is running yet
        var e = assertThrows(InvocationTargetException.class, () -> cells.call(() -> "never runs"));
        assertInstanceOf(InterruptedException.class, e.getCause());
    }
}
