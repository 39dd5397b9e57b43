package dl.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Faults a new user runs into (issue 9, section 4): the kernel survives each and says what happened. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
class KernelFaultsTest {

    @TempDir
    static Path workDir;
    private KernelTestSession nb;

    @BeforeAll
    void start() throws CellError {
        nb = new KernelTestSession(workDir);
    }

    @AfterAll
    void stop() {
        nb.close();
    }

    @Test
    void systemExitIsRefusedAndTheSessionKeepsItsVariables() throws CellError {
        nb.value("int keptValue = 41;");
        CellError direct = nb.error("System.out.println(\"before\");\nSystem.exit(1);");
        assertEquals("ExitRefused", direct.ename());
        assertTrue(direct.evalue().startsWith("System.exit(...) is refused"), direct.render());
        assertTrue(direct.render().contains("line 2: System.exit(1);"), direct.render());

        CellError halt = nb.error("Runtime rt = Runtime.getRuntime();\nrt.halt(3);");
        assertTrue(halt.evalue().startsWith("Runtime.halt(...) is refused"), halt.render());
        CellError viaStaticImport = nb.error("import static java.lang.System.exit;\nexit(0);");
        assertEquals("ExitRefused", viaStaticImport.ename(), viaStaticImport.render());

        // A method that would exit is refused when it is declared, and is not left half-defined.
        CellError method = nb.error("void quit() { System.exit(2); }");
        assertEquals("ExitRefused", method.ename());
        CellError call = nb.error("quit();");
        assertEquals("CompilationException", call.ename(), call.render());

        assertEquals("42", nb.value("keptValue + 1"));
    }

    @Test
    void aLoopThatCatchesThrowableEndsAsAnErrorThatSaysToRestart() throws CellError {
        RecordingSink sink = new RecordingSink() {
            @Override
            public synchronized void text(CellOutput.Stream stream, String text) {
                super.text(stream, text);
                if (text.contains("stubborn")) {
                    nb.session.interrupt();
                }
            }
        };
        nb.value("class StubbornFlag { static volatile boolean stop; }");
        CellError stopped = assertThrows(CellError.class, () -> nb.run(
                "{\n    System.out.println(\"stubborn\");\n"
                        + "    while (!StubbornFlag.stop) { try { Thread.sleep(5); } catch (Throwable t) { } }\n}", sink));
        assertEquals("Interrupted", stopped.ename());
        assertTrue(stopped.evalue().contains("could not be stopped"), stopped.render());
        assertTrue(stopped.evalue().contains("restart the kernel to free the CPU"), stopped.render());
        assertEquals("4", nb.value("2 + 2"), "the next cell runs on a fresh thread");
        nb.value("StubbornFlag.stop = true;"); // let the abandoned thread end, for the other tests
    }

    @Test
    void theSameMethodTwiceInOneCellGivesAWarning() throws CellError {
        RecordingSink sink = new RecordingSink();
        nb.valueWith("int twice(int x) { return x; }\nint other = 1;\nint twice(int x) { return 2 * x; }", sink);
        assertTrue(sink.stderr().contains("warning: method twice(int) is defined twice in this cell"), sink.stderr());
        assertTrue(sink.stderr().contains("line 1") && sink.stderr().contains("line 3"), sink.stderr());
        assertEquals("6", nb.value("twice(3)"), "the second definition is the one kept");

        RecordingSink again = new RecordingSink();
        nb.valueWith("int twice(int x) { return 3 * x; }", again);
        assertEquals("", again.stderr(), "redefining in a later cell is normal and needs no warning");
    }

    @Test
    void redefiningARecordNamesTheVariablesItDropped() throws CellError {
        nb.value("record Pair(int a) {}");
        nb.value("Pair first = new Pair(1);\nvar second = new Pair(2);\nint plain = first.a();");
        RecordingSink sink = new RecordingSink();
        nb.valueWith("record Pair(int a, int b) {}", sink);
        String note = sink.stderr();
        assertTrue(note.contains("first, second") && note.contains("dropped") && note.contains("Pair"), "note: " + note);
        assertFalse(note.contains("plain"), "an int variable survives: " + note);
        CellError e = nb.error("first");
        assertTrue(e.evalue().contains("cannot find symbol"), e.render());
        assertTrue(e.evalue().contains("dropped when type Pair was redefined"), e.render());
        assertEquals("1", nb.value("plain"));
    }

    @Test
    void outputOfABackgroundThreadAppearsInTheNextCell() throws Exception {
        nb.value("Thread late = new Thread(() -> { try { Thread.sleep(300); } catch (InterruptedException e) { }\n"
                + "    System.out.println(\"from the background\"); });\nlate.start();");
        nb.value("late.join();"); // the thread printed while no cell ran? join ends with it, inside this cell
        Thread between = new Thread(() -> System.out.println("printed between cells"));
        between.start();
        between.join();
        Thread shows = new Thread(() -> dl.display.Display.display("shown between cells"));
        shows.start();
        shows.join();
        RecordingSink sink = new RecordingSink();
        nb.valueWith("System.out.println(\"next\");", sink);
        String next = sink.stdout();
        assertTrue(next.contains("printed between cells"), next);
        assertTrue(next.indexOf("printed between cells") < next.indexOf("next"), next);
        assertEquals(1, sink.displays().size(), sink.events.toString());
        assertEquals("shown between cells", sink.displays().get(0).data()
                .getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
    }

    @Test
    void readingStdinWithoutAFrontEndFailsClearlyAndWithOneAsksForALine() throws CellError {
        InputStream realIn = System.in;
        CellInput input = new CellInput(nb.output);
        System.setIn(input);
        try {
            input.begin(null);
            CellError e = nb.error("new java.util.Scanner(System.in).nextLine()");
            assertEquals("StdinUnavailableException", e.ename(), e.render());
            assertTrue(e.evalue().contains("allow_stdin is false"), e.render());

            List<String> prompts = new java.util.ArrayList<>();
            input.begin(prompt -> {
                prompts.add(prompt);
                return "Ada\n";
            });
            assertEquals("Hello Ada", nb.value("\"Hello \" + new java.util.Scanner(System.in).nextLine()"));
            assertEquals(1, prompts.size(), "one input request per line read");
        } finally {
            input.end();
            System.setIn(realIn);
        }
    }

    @Test
    void clearOutputAndThePager() throws CellError {
        RecordingSink sink = new RecordingSink();
        nb.valueWith("System.out.println(\"frame 1\");\nclearOutput(true);\nSystem.out.println(\"frame 2\");", sink);
        assertEquals(List.of("stdout:frame 1\n", "clear_output(wait)", "stdout:frame 2\n"), sink.events);

        assertNull(nb.value("?Math.sqrt"));
        List<String> pages = nb.session.takePages();
        assertEquals(1, pages.size());
        assertTrue(pages.get(0).contains("Returns the correctly rounded positive square root"), pages.get(0));
        assertEquals("NoDocumentation", nb.error("noSuchThing?").ename());
    }
}
