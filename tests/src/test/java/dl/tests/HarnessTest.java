package dl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test harness tested: deliberately broken notebooks, written into a temporary folder (never
 * into notebooks/), must be reported as failed at the right cell with the right text. Each case
 * runs on the course kernel and on Debian's IPython kernel, which tells a harness bug from a
 * kernel bug. {@code -Dcourse.harnessKernels=python3} restricts the kernels.
 */
@Order(1) // see junit-platform.properties
class HarnessTest {

    /** The same broken cells, written for one kernel's language. */
    record Lang(String kernel, String language, String setup, String compileError, String compileErrorText,
                String failedCheck, String failedCheckText, String exception, String exceptionName,
                String exceptionText, String endlessLoop, String factsOfTheRun) {

        @Override
        public String toString() {
            return kernel;
        }
    }

    static final Lang JAVA = new Lang("java-course", "java",
            "double s = 1.0 / (1.0 + Math.exp(-0.0));",
            "int x = \"text\";", "incompatible types",
            "check(\"sigmoid(0)\", s, 0.6, 1e-9);", "sigmoid(0)",
            "int[] pair = new int[2];\npair[5] = 1;", "ArrayIndexOutOfBoundsException", "Index 5 out of bounds",
            "while (true) { }",
            "check(\"fast mode\", \"1\".equals(System.getenv(\"COURSE_FAST\")));\n"
                    + "check(\"working directory\", java.nio.file.Path.of(\"\").toAbsolutePath().toString().equals(\"%s\"));\n"
                    + "System.out.println(6 * 7);");

    static final Lang PYTHON = new Lang("python3", "python",
            "import math\ns = 1.0 / (1.0 + math.exp(-0.0))",
            "x = (", "SyntaxError",
            "assert abs(s - 0.6) <= 1e-9, 'sigmoid(0): expected 0.6, got %s' % s", "sigmoid(0)",
            "pair = [0, 0]\npair[5] = 1", "IndexError", "list assignment index out of range",
            "while True:\n    pass",
            "import os\nassert os.environ.get('COURSE_FAST') == '1', 'fast mode'\n"
                    + "assert os.getcwd() == '%s', os.getcwd()\nprint(6 * 7)");

    static Stream<Lang> kernels() {
        String wanted = System.getProperty("course.harnessKernels", "python3,java-course");
        return Stream.of(PYTHON, JAVA).filter(l -> Arrays.asList(wanted.split(",")).contains(l.kernel()));
    }

    @TempDir
    Path dir;

    private RunResult run(Lang lang, NotebookFile notebook, int cellTimeout) {
        KernelSpec.ensureInstalled(lang.kernel());
        Path source = notebook.writeTo(dir.resolve("broken.ipynb"));
        return new NotebookRunner().kernel(lang.kernel()).cellTimeout(cellTimeout).notebookTimeout(120)
                .run(source, dir.resolve("out").resolve("broken.ipynb"));
    }

    private static NotebookFile notebook(Lang lang) {
        return new NotebookFile(lang.kernel(), lang.language()).markdown("# Broken on purpose\n\nA harness self-test.");
    }

    private static String allText(RunResult r) {
        return r.failure.ename + "\n" + r.failure.evalue + "\n" + r.failure.traceback;
    }

    private static void assertFailedAt(RunResult r, String status, int codeCell, int fileCell, String firstLine) {
        assertEquals(status, r.status, () -> r.describe("broken.ipynb"));
        assertNotNull(r.failure, "a failure report");
        assertEquals(codeCell, r.failure.cellNumber, () -> "code cell number in " + r.describe("broken.ipynb"));
        assertEquals(fileCell, r.failure.cellIndex, () -> "cell index in " + r.describe("broken.ipynb"));
        assertEquals(firstLine, r.failure.firstLine);
        assertTrue(r.leftoverProcesses.isEmpty(), () -> "processes left running: " + r.leftoverProcesses);
        assertTrue(r.describe("broken.ipynb").contains("code cell " + codeCell), () -> r.describe("broken.ipynb"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void compileErrorFailsAtItsCell(Lang lang) {
        RunResult r = run(lang, notebook(lang).code(lang.setup()).markdown("Next: a cell that does not compile.")
                .code(lang.compileError()).code(lang.setup()), 60);
        assertFailedAt(r, "failed", 2, 3, lang.compileError().lines().findFirst().orElseThrow());
        assertTrue(allText(r).contains(lang.compileErrorText()), () -> allText(r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void failedCheckFailsAtItsCell(Lang lang) {
        RunResult r = run(lang, notebook(lang).code(lang.setup()).code(lang.failedCheck()).code(lang.setup()), 60);
        assertFailedAt(r, "failed", 2, 2, lang.failedCheck());
        assertTrue(allText(r).contains(lang.failedCheckText()), () -> allText(r));
        assertTrue(allText(r).contains("0.6"), () -> "the expected value in the message: " + allText(r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void exceptionFailsAtItsCell(Lang lang) {
        RunResult r = run(lang, notebook(lang).code(lang.setup()).code(lang.setup()).code(lang.exception()), 60);
        assertFailedAt(r, "failed", 3, 3, lang.exception().lines().findFirst().orElseThrow());
        assertEquals(lang.exceptionName(), r.failure.ename);
        assertTrue(allText(r).contains(lang.exceptionText()), () -> allText(r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void endlessLoopTimesOutAndLeavesNoProcess(Lang lang) {
        // The limit must stay above the first cell's compile time on a busy machine (JShell's first
        // snippet can take several seconds), or the setup cell would time out instead.
        int limit = 20;
        RunResult r = run(lang, notebook(lang).code(lang.setup()).code(lang.endlessLoop()).code(lang.setup()), limit);
        assertFailedAt(r, "timeout", 2, 2, lang.endlessLoop().lines().findFirst().orElseThrow());
        assertTrue(r.failure.evalue.contains("cell time limit of " + limit + " s"), () -> r.failure.evalue);
        assertTrue(r.seconds < limit + 60, () -> "a timed-out cell must end the run promptly, took " + r.seconds + " s");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void goodNotebookRunsInFastModeInItsFolderAndKeepsTheSourceClean(Lang lang) throws IOException {
        String facts = lang.factsOfTheRun().formatted(dir.toRealPath());
        NotebookFile nb = notebook(lang).code(lang.setup()).code(facts);
        RunResult r = run(lang, nb, 60);
        assertEquals("ok", r.status, () -> r.describe("good.ipynb"));
        assertTrue(r.fast);
        String source = Files.readString(dir.resolve("broken.ipynb"));
        assertFalse(source.contains("\"output_type\""), "the source notebook must stay free of outputs");
        String executed = Files.readString(dir.resolve("out/broken.ipynb"));
        assertTrue(executed.contains("42"), "the executed copy holds the outputs");
        assertTrue(r.leftoverProcesses.isEmpty(), () -> "processes left running: " + r.leftoverProcesses);
    }

    @Test
    void kernelThatCannotStartIsAStartFailureWithItsLog() throws IOException {
        Path kernels = dir.resolve("jupyter/kernels/dies-on-start");
        Files.createDirectories(kernels);
        Files.writeString(kernels.resolve("kernel.json"), """
                {"argv": ["/bin/sh", "-c", "echo 'fake kernel: cannot find main class' >&2; exit 3", "{connection_file}"],
                 "display_name": "dies on start", "language": "java"}
                """);
        Path source = new NotebookFile("dies-on-start", "java").code("int x = 1;").writeTo(dir.resolve("nb.ipynb"));
        RunResult r = new NotebookRunner().kernel("dies-on-start").addJupyterPath(dir.resolve("jupyter")).startupTimeout(20)
                .run(source, dir.resolve("out/nb.ipynb"));
        assertEquals("start_failed", r.status, () -> r.describe("nb.ipynb"));
        assertTrue(r.kernelLog.contains("fake kernel: cannot find main class"), () -> "kernel log: " + r.kernelLog);
        assertTrue(r.describe("nb.ipynb").contains("failed to start"), () -> r.describe("nb.ipynb"));
        assertTrue(r.leftoverProcesses.isEmpty(), () -> "processes left running: " + r.leftoverProcesses);
    }

    @Test
    void startThatLostAPortRaceIsTriedAgain() throws IOException {
        // First start: fails the way a kernel does when another process took one of its ports.
        // Second start: Debian's IPython kernel, which runs the notebook.
        Path marker = dir.resolve("first-start-done");
        Path kernels = dir.resolve("jupyter/kernels/loses-port-race-once");
        Files.createDirectories(kernels);
        Files.writeString(kernels.resolve("kernel.json"), """
                {"argv": ["/bin/sh", "-c",
                          "if [ -e '%s' ]; then exec /usr/bin/python3 -m ipykernel_launcher -f \\"$0\\"; fi; touch '%s'; echo 'zmq.error.ZMQError: Address already in use' >&2; exit 1",
                          "{connection_file}"],
                 "display_name": "loses a port race once", "language": "python"}
                """.formatted(marker, marker));
        Path source = new NotebookFile("loses-port-race-once", "python").code("print(6 * 7)").writeTo(dir.resolve("nb.ipynb"));
        RunResult r = new NotebookRunner().kernel("loses-port-race-once").addJupyterPath(dir.resolve("jupyter")).startupTimeout(30)
                .run(source, dir.resolve("out/nb.ipynb"));
        assertEquals("ok", r.status, () -> r.describe("nb.ipynb"));
        assertEquals(2, r.startAttempts, "started on the second attempt");
        assertTrue(Files.readString(dir.resolve("out/nb.kernel.log")).contains("Address already in use"), "the lost race stays in the log");
    }

    @Test
    void outputOverTheSourceIsRefused() {
        Path source = new NotebookFile("python3", "python").code("1").writeTo(dir.resolve("same.ipynb"));
        RunResult r = new NotebookRunner().kernel("python3").run(source, source);
        assertEquals("harness_error", r.status);
        assertTrue(r.failure.evalue.contains("refusing to write the executed notebook over its source"), () -> r.failure.evalue);
    }
}
