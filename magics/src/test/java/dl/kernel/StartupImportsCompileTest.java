package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/** The start-up imports compile in JShell and leave no simple course name ambiguous. */
class StartupImportsCompileTest {

    @Test
    void clashingNamesResolveToTheCourseTypes() {
        String classpath = System.getProperty("java.class.path");
        List<String> imports = StartupImports.forClasspath(classpath);
        assertTrue(imports.contains("import dl.nn.*;"), "dl.nn is discovered: " + imports);
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(classpath);
            for (String line : imports) {
                assertValid(shell, line);
            }
            // java.lang.Module and org.knowm.xchart.Histogram are imported on demand too
            assertValid(shell, "String moduleType = Module.class.getName();");
            assertValid(shell, "String histogramType = Histogram.class.getName();");
            assertEquals("\"dl.nn.Module\"", value(shell, "moduleType"));
            assertEquals("\"dl.viz.Histogram\"", value(shell, "histogramType"));
        }
    }

    private static void assertValid(JShell shell, String source) {
        List<SnippetEvent> events = shell.eval(source);
        for (SnippetEvent e : events) {
            String errors = shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
            assertEquals(Snippet.Status.VALID, e.status(), source + ": " + errors);
            assertEquals(null, e.exception(), source);
        }
    }

    private static String value(JShell shell, String variable) {
        return shell.eval(variable).get(0).value();
    }
}
