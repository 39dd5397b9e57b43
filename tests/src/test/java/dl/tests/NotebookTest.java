package dl.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

/**
 * Every notebook in {@code notebooks/} is a regression test: one dynamic test per notebook, in
 * name order, executed headless through nbclient with the course kernel in fast mode
 * ({@code COURSE_FAST=1}). A failure names the notebook, the code cell, its first line and the
 * error; a kernel that does not start is reported as such, with the kernel's log. The executed
 * copies go to {@code build/test/executed/}, where {@link SiteTest} picks them up.
 *
 * <p>Limits (seconds, as system properties): {@code course.cellTimeout} (default 600),
 * {@code course.notebookTimeout} (default 1200), {@code course.startupTimeout} (default 60).
 */
@Order(2) // see junit-platform.properties: harness self-test, then notebooks, then the site
class NotebookTest {

    private static final Map<String, RunResult> RESULTS = new ConcurrentHashMap<>();
    private static final List<String> ORDER = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void installKernel() {
        KernelSpec.ensureInstalled();
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsToTheEnd() {
        List<Path> notebooks = Project.courseNotebooks();
        if (notebooks.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("notebooks/ has notebooks",
                    () -> fail("no *.ipynb in " + Project.notebooks())));
        }
        NotebookRunner runner = new NotebookRunner()
                .fast(true)
                .cellTimeout(Project.intProperty("course.cellTimeout", 600))
                .notebookTimeout(Project.intProperty("course.notebookTimeout", 1200))
                .startupTimeout(Project.intProperty("course.startupTimeout", 60));
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(notebook.getFileName().toString(),
                notebook.toUri(), () -> runOne(runner, notebook)));
    }

    private static void runOne(NotebookRunner runner, Path notebook) {
        String name = notebook.getFileName().toString();
        RunResult result = runner.run(notebook, Project.executed().resolve(name));
        RESULTS.put(name, result);
        ORDER.add(name);
        String startup = result.startupSeconds == null ? "" : " (kernel ready after " + RunResult.seconds(result.startupSeconds) + ")";
        System.out.println("[notebook] " + name + ": " + result.status + " in " + RunResult.seconds(result.seconds) + startup);
        if (!result.ok()) {
            fail(result.describe(name));
        }
        assertTrue(result.leftoverProcesses.isEmpty(), () -> name + ": processes left running after the notebook: " + result.leftoverProcesses);
    }

    @AfterAll
    static void printSummary() {
        if (ORDER.isEmpty()) {
            return;
        }
        StringBuilder table = new StringBuilder("\nNotebook summary (fast mode, kernel " + Project.kernel() + ")\n");
        table.append(String.format(Locale.ROOT, "%-40s %-13s %9s%n", "notebook", "status", "seconds"));
        double total = 0;
        int ok = 0;
        for (String name : ORDER) {
            RunResult r = RESULTS.get(name);
            table.append(String.format(Locale.ROOT, "%-40s %-13s %9.1f%n", name, r.status, r.seconds));
            total += r.seconds;
            ok += r.ok() ? 1 : 0;
        }
        table.append(String.format(Locale.ROOT, "%-40s %-13s %9.1f%n", "total", ok + "/" + ORDER.size() + " ok", total));
        System.out.println(table);
    }
}
