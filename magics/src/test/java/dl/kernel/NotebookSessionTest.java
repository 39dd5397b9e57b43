package dl.kernel;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Cells run through a real session (JShell, cell thread, renderers), without Jupyter. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class NotebookSessionTest {

    @TempDir
    static Path workDir;
    private KernelTestSession nb;

    @BeforeAll
    void startSession() throws CellError {
        nb = new KernelTestSession(workDir);
    }

    @AfterAll
    void stopSession() {
        nb.close();
    }

    @Test
    void expressionValueIsShownDeclarationsAndStatementsAreNot() throws CellError {
        assertEquals("2", nb.value("1 + 1"));
        assertNull(nb.value("int answer = 6 * 7;"));
        assertEquals("42", nb.value("answer"));
        assertNull(nb.value("answer = 43;"));
        assertNull(nb.value("System.out.print(\"\")"));
        assertEquals("hello", nb.value("\"hello\""), "a String shows as itself, not quoted");
        assertEquals("null", nb.value("(Object) null"));
    }

    @Test
    void courseNamesWinOverJdkAndXChartNamesAndPrintfShowsNoValue() throws CellError {
        // java.lang.Module and XChart's Histogram would otherwise make these names ambiguous or wrong.
        assertEquals("dl.nn.Module", nb.value("Module.class.getName()"));
        assertEquals("dl.viz.Histogram", nb.value("Histogram.class.getName()"));
        assertEquals("FLOAT", nb.value("DataType.FLOAT"));
        assertEquals("4", nb.value("Function<Integer, Integer> sq = x -> x * x; sq.apply(2)"));
        assertNull(nb.value("System.out.printf(\"%d%n\", 3)"), "printf's PrintStream result is not shown");
    }

    @Test
    void aCellOfSeveralSnippetsShowsTheLastValue() throws CellError {
        assertEquals("9", nb.value("int a = 4;\nint b = 5;\n// the sum\na + b"));
    }

    @Test
    void startupImportsAndSeedNeedNoBoilerplate() throws CellError {
        // Nd4j, INDArray, java.util, static check(...) and the dl packages are imported.
        assertNull(nb.value("INDArray z = Nd4j.zeros(2, 2); List<Integer> xs = new ArrayList<>();"));
        assertTrue(nb.stdout("check(\"zeros\", z.sumNumber().doubleValue(), 0.0, 0.0)").startsWith("✓ zeros"));
        assertEquals(String.valueOf(Course.DEFAULT_SEED), nb.value("Course.currentSeed()"));
        // Nd4j's generator is per thread: the cell thread's one carries the seed.
        assertEquals(String.valueOf(Course.DEFAULT_SEED), nb.value("Nd4j.getRandom().getSeed()"));
        double expected = org.nd4j.linalg.factory.Nd4j.getRandomFactory()
                .getNewRandomInstance(Course.DEFAULT_SEED).nextDouble();
        nb.value("Course.seed(Course.DEFAULT_SEED);");
        assertEquals(String.valueOf(expected), nb.value("Nd4j.getRandom().nextDouble()"));
    }

    @Test
    void compileErrorNamesTheMessageTheCellLineAndMarksTheSpot() {
        CellError e = nb.error("int ok = 1;\n\n  int x = \"s\";");
        assertEquals("CompilationException", e.ename());
        assertEquals("incompatible types: java.lang.String cannot be converted to int", e.evalue());
        List<String> tb = e.traceback();
        assertTrue(tb.get(1).matches("  cell \\[\\d+\\], line 3: int x = \"s\";"), tb.get(1));
        int caret = tb.get(2).indexOf('^');
        assertEquals(tb.get(1).indexOf("\"s\""), caret, "the caret points at the string literal:\n" + e.render());
        assertEquals("^^^", tb.get(2).strip());
    }

    @Test
    void unknownSymbolIsACompileError() {
        CellError e = nb.error("Foo foo = new Foo();");
        assertEquals("CompilationException", e.ename());
        assertEquals("cannot find symbol: class Foo", e.evalue());
    }

    @Test
    void exceptionThroughAMethodDefinedInAnEarlierCell() throws CellError {
        nb.value("int half(int n) {\n    if (n < 0) {\n        throw new IllegalArgumentException(\"negative: \" + n);\n    }\n    return n / 2;\n}");
        CellError e = nb.error("int x = 1;\nhalf(-3)");
        assertEquals("IllegalArgumentException", e.ename());
        assertEquals("negative: -3", e.evalue());
        String tb = e.render();
        assertTrue(tb.contains("at half (cell ["), tb);
        assertTrue(tb.contains(", line 3): throw new IllegalArgumentException(\"negative: \" + n);"), tb);
        assertTrue(tb.contains(", line 2: half(-3)"), tb);
        assertFalse(tb.contains("jdk.jshell") || tb.contains("dl.kernel") || tb.contains("reflect"), tb);
    }

    @Test
    void checkedExceptionKeepsItsRealClass() {
        CellError e = nb.error("throw new java.io.IOException(\"disk full\");");
        assertEquals("IOException", e.ename());
        assertEquals("disk full", e.evalue());
    }

    @Test
    void failedCheckNamesTheFact() {
        CellError e = nb.error("check(\"x\", 1.0, 2.0, 0.1)");
        assertEquals("CheckFailed", e.ename());
        assertTrue(e.evalue().startsWith("x: expected 2 ± 0.1, got 1"), e.evalue());
        assertTrue(e.render().contains("at dl.Check.check("), "the throw site in the library is kept: " + e.render());
    }

    @Test
    void nullPointerMessageNamesTheVariableNotJShellInternals() {
        CellError e = nb.error("String s = null;\ns.length()");
        assertEquals("NullPointerException", e.ename());
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null", e.evalue());
    }

    @Test
    void errorsDoNotKillTheSessionAndStackOverflowIsShort() throws CellError {
        nb.value("int down(int n) { return down(n + 1) + 1; }");
        CellError e = nb.error("down(0)");
        assertEquals("StackOverflowError", e.ename());
        assertTrue(e.traceback().size() <= Tracebacks.MAX_FRAME_LINES + 4, e.render());
        assertTrue(e.render().contains("repeated"), e.render());
        CellError oom = nb.error("throw new OutOfMemoryError(\"simulated\");");
        assertEquals("OutOfMemoryError", oom.ename());
        assertEquals("3", nb.value("1 + 2"));
    }

    @Test
    void stdoutAndStderrStreamInOrder() throws CellError {
        RecordingSink sink = new RecordingSink();
        nb.run("System.out.println(\"a\"); System.out.println(\"b\"); System.err.println(\"c\"); System.out.print(\"é✓\");", sink);
        assertEquals(List.of("stdout:a\nb\n", "stderr:c\n", "stdout:é✓"), sink.mergedText());
    }

    @Test
    void outputIsPublishedWhileTheCellRuns() throws CellError {
        RecordingSink sink = new RecordingSink() {
            @Override
            public synchronized void text(CellOutput.Stream stream, String text) {
                super.text(stream, text);
                if (text.contains("first")) {
                    events.add("seen-before-end");
                }
            }
        };
        nb.run("System.out.println(\"first\"); Thread.sleep(300); System.out.println(\"second\");", sink);
        assertEquals(List.of("stdout:first\n", "seen-before-end", "stdout:second\n"), sink.events,
                "the first line is published before the cell ends");
    }

    @Test
    void displayAndUpdateDisplayShareAnId() throws CellError {
        RecordingSink sink = new RecordingSink();
        nb.run("String id = display(\"epoch 1\");\nupdateDisplay(id, \"epoch 2\");", sink);
        List<RecordingSink.Shown> shown = sink.displays();
        assertEquals(2, shown.size());
        assertFalse(shown.get(0).update());
        assertTrue(shown.get(1).update());
        assertNotNull(shown.get(0).data().getDisplayId());
        assertEquals(shown.get(0).data().getDisplayId(), shown.get(1).data().getDisplayId());
        assertEquals("epoch 2", shown.get(1).data().getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
    }

    /** A sink that interrupts the session once the cell printed {@code marker}: the loop is running then. */
    private RecordingSink interruptWhenPrinted(String marker) {
        return new RecordingSink() {
            @Override
            public synchronized void text(CellOutput.Stream stream, String text) {
                super.text(stream, text);
                if (text.contains(marker)) {
                    nb.session.interrupt();
                }
            }
        };
    }

    @Test
    void interruptStopsAnEndlessLoopAndTheNextCellWorks() throws CellError {
        long start = System.nanoTime();
        CellError e = assertThrows(CellError.class, () -> nb.run(
                "long spins = 0;\n{\n    System.out.println(\"spinning\");\n    while (true) { spins++; }\n}",
                interruptWhenPrinted("spinning")));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("Interrupted", e.ename());
        assertTrue(e.evalue().contains("Thread.stop"), e.render());
        assertTrue(ms < CellThread.STOP_AFTER_MS + 5000, "stopped after " + ms + " ms");
        assertTrue(e.render().contains("line 4: while (true) { spins++; }"), e.render());

        // A cell blocked in sleep ends with the plain interrupt, no Thread.stop needed.
        CellError sleep = assertThrows(CellError.class, () -> nb.run(
                "{ System.out.println(\"sleeping\"); Thread.sleep(60_000); }", interruptWhenPrinted("sleeping")));
        assertEquals("Interrupted", sleep.ename());
        assertFalse(sleep.evalue().contains("Thread.stop"), sleep.render());

        RecordingSink sink = new RecordingSink();
        DisplayData d = nb.run("System.out.println(\"clean\"); 2 + 2", sink);
        assertEquals("4", d.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        assertEquals(List.of("stdout:clean\n"), sink.events, "nothing from the interrupted cells leaks in");
        assertEquals(String.valueOf(Course.DEFAULT_SEED), nb.value("Nd4j.getRandom().getSeed()"),
                "Nd4j's generator of a replacement cell thread is seeded too");
    }

    @Test
    void aCellEndingInDisplayShowsTheObjectNotItsId() throws CellError {
        RecordingSink sink = new RecordingSink();
        assertNull(nb.run("display(\"shown once\");", sink), "the id is not the cell's value");
        assertEquals(1, sink.displays().size());
        assertEquals("dl-", nb.value("String keep = display(\"x\"); keep.substring(0, 3)"), "an id used later is still a value");
    }

    @Test
    void interruptBetweenCellsIsForgotten() throws CellError {
        nb.session.interrupt();
        assertEquals("5", nb.value("2 + 3"));
    }
}
