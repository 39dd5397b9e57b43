package dl.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Tab completion, Shift-Tab inspection and is-complete checks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class EditorSupportTest {

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
    void completesStaticMethodsOfImportedClasses() throws CellError {
        String code = "Nd4j.zer";
        int[] anchor = new int[1];
        List<String> options = nb.session.complete(code, code.length(), anchor);
        assertTrue(options.stream().anyMatch(o -> o.startsWith("zeros")), options.toString());
        assertEquals(options.stream().distinct().count(), options.size(), "no duplicates");
        assertEquals("Nd4j.".length(), anchor[0]);
    }

    @Test
    void completesInTheSnippetUnderTheCursorOfAMultiSnippetCell() throws CellError {
        nb.value("int alphaCount = 3;");
        String code = "int other = 1;\n%fast\nSystem.out.println(alph";
        int[] anchor = new int[1];
        List<String> options = nb.session.complete(code, code.length(), anchor);
        assertTrue(options.contains("alphaCount"), options.toString());
        assertEquals(code.length() - "alph".length(), anchor[0]);
    }

    @Test
    void completesMagicNames() throws CellError {
        int[] anchor = new int[1];
        assertEquals(List.of("%load"), nb.session.complete("%lo", 3, anchor));
        assertEquals(0, anchor[0]);
        assertEquals(List.of("%%time"), nb.session.complete("%%t", 3, anchor));
    }

    @Test
    void inspectionShowsSignatures() throws CellError {
        String code = "Nd4j.zeros(2, 3)";
        String doc = nb.session.inspect(code, "Nd4j.ze".length());
        assertNotNull(doc);
        assertTrue(doc.contains("INDArray Nd4j.zeros(int... shape)") || doc.contains("Nd4j.zeros(long... shape)"), doc);
        assertNull(nb.session.inspect("   ", 1));
    }

    @Test
    void completesNamesDeclaredEarlierInTheSameUnrunCell() throws CellError {
        String code = "var greeting = \"abc\"; greeting.toUpp";
        int[] anchor = new int[1];
        List<String> options = nb.session.complete(code, code.length(), anchor);
        assertTrue(options.stream().anyMatch(o -> o.startsWith("toUpperCase")), options.toString());
        assertEquals(code.length() - "toUpp".length(), anchor[0]);

        String multiLine = "record Point(double x, double y) {}\nvoid helper() {}\nPoint corner = new Point(1, 2);\n%fast\ncorner.";
        options = nb.session.complete(multiLine, multiLine.length(), anchor);
        assertTrue(options.contains("x()") && options.contains("y()"), options.toString());
        assertEquals(multiLine.length(), anchor[0]);
        String chained = "var word = \" abc \";\nSystem.out.println(word);\nvar trimmed = word.trim();\ntrimmed.toUpp";
        options = nb.session.complete(chained, chained.length(), anchor);
        assertTrue(options.stream().anyMatch(o -> o.startsWith("toUpperCase")), options.toString());
        // Nothing ran: the names are still unknown to the session.
        assertNotNull(nb.error("greeting"));
    }

    @Test
    void inspectionShowsJdkJavadocForAMethodNameWithoutParenthesis() throws CellError {
        String doc = nb.session.inspect("Math.sqrt", "Math.sqrt".length());
        assertNotNull(doc, "no documentation for Math.sqrt");
        assertTrue(doc.contains("double Math.sqrt(double a)"), doc);
        assertTrue(doc.contains("Returns the correctly rounded positive square root"), doc);
    }

    @Test
    void inspectionShowsTheCourseLibrarysJavadoc() throws Exception {
        // The Javadoc sentence as written in the library's source, read here independently.
        String source = new String(getClass().getResourceAsStream("/course-sources/dl/tensor/Tensor.java").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        int decl = source.indexOf("public static Tensor of(double... values)");
        assertTrue(decl > 0, "Tensor.of(double...) not found in the shipped sources");
        int open = source.lastIndexOf("/**", decl);
        String comment = source.substring(open + 3, source.indexOf("*/", open)).replaceAll("\\s*\\*\\s*", " ").strip();
        String firstWords = String.join(" ", java.util.Arrays.copyOf(comment.split("\\s+"), Math.min(4, comment.split("\\s+").length)));

        String doc = nb.session.inspect("Tensor.of(1.0, 2.0)", "Tensor.o".length());
        assertNotNull(doc, "no documentation for Tensor.of");
        assertTrue(doc.contains("Tensor.of(double... values)"), doc);
        assertTrue(doc.replaceAll("\\s+", " ").contains(firstWords), "expected the Javadoc '" + firstWords + "' in:\n" + doc);
    }

    @Test
    void completenessForConsoles() throws CellError {
        assertEquals(CodeStatus.INVALID, nb.session.completeness("int x = ;"));
        assertEquals(CodeStatus.INVALID, nb.session.completeness("int a = 1;\nx y z;"));
        assertEquals(CodeStatus.COMPLETE, nb.session.completeness("int a = 1;\nvar s = \"x\"; s.length()"));
        assertEquals(CodeStatus.COMPLETE, nb.session.completeness("1 + 1"));
        assertEquals(CodeStatus.INCOMPLETE, nb.session.completeness("for (int i = 0; i < 3; i++) {"));
        assertEquals(CodeStatus.COMPLETE, nb.session.completeness("%fast"));
        assertEquals("    ", CourseKernel.nextIndent("for (int i = 0; i < 3; i++) {"));
        assertEquals("  ", CourseKernel.nextIndent("  x +"));
    }
}
