package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of plain statements in a cell are compiled as one block (much faster than one JShell
 * snippet each); the cell must behave exactly as if they ran one by one.
 */
class StatementBlocksTest {

    private static NotebookSession session;

    @BeforeAll
    static void start(@TempDir Path dir) throws CellError {
        session = NotebookSession.start(dir, new CellOutput(System.err));
        session.awaitReady();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static Object run(String code) throws CellError {
        return session.run(code, "cell [1]", 1).value();
    }

    private static String traceback(CellError e) {
        return e.evalue() + "\n" + String.join("\n", e.traceback());
    }

    @Test
    void statementsRunInOrderAndDeclarationsStayVisible() throws CellError {
        run("""
                int n = 0;
                n = n + 1;
                n += 2;
                for (int i = 0; i < 3; i++) n++;
                if (n > 0) n *= 10;
                List<Integer> seen = new ArrayList<>();
                seen.add(n);
                seen.add(n + 1);
                int after = n;""");
        assertEquals(60, run("n"));
        assertEquals(List.of(60, 61), run("seen"));
        assertEquals(60, run("after"));
    }

    @Test
    void theLastSnippetShowsItsValue() throws CellError {
        assertEquals(5, run("int c = 2;\nc = c + 3;\nc += 0;\nc"));
    }

    @Test
    void aRuntimeErrorInABlockNamesItsCellLine() throws CellError {
        CellError e = assertThrows(CellError.class, () -> run("""
                String s = null;
                int a = 1;
                a = 2;

                // a comment and a blank line above
                a = 3;
                a = s.length();
                a = 4;
                a"""));
        assertTrue(traceback(e).contains("cell [1], line 7: a = s.length();"), traceback(e));
        assertEquals(3, run("a"), "the statements before the failing one ran, the one after did not");
    }

    @Test
    void aCompileErrorReadsAsWithoutBlocks() throws CellError {
        CellError e = assertThrows(CellError.class, () -> run("int b = 1;\nb = 2;\nb = \"text\";\nb = 4;\nb"));
        assertEquals("CompilationException", e.ename());
        assertTrue(traceback(e).contains("cell [1], line 3: b = \"text\";"), traceback(e));
        assertEquals(2, run("b"), "the statement before the bad one ran, as it would on its own");
    }

    @Test
    void plainStatementsAreRecognisedAndDeclarationsAreNot() {
        for (String s : List.of("check(\"a\", 1, 1);", "System.out.println(x);", "x = 1;", "n += 2;", "i++;",
                "this.x = 1;", "for (int i = 0; i < 3; i++) x += i;", "if (x) { y(); }", "try { f(); } finally { g(); }",
                "{ x = 1; }", "list.forEach(v -> { total += v; });", "display(Plot.bars(\"t\", m));")) {
            assertTrue(SourceText.isPlainStatement(s), s);
        }
        for (String s : List.of("int x = 1;", "var y = f();", "String s;", "Foo.Bar b = new Foo.Bar();",
                "List<Integer> l = new ArrayList<>();", "int[] a = {1};", "a[0] = 1;", "void f() { }",
                "INDArray g(int k) { return null; }", "class A { }", "record R(int a) { }", "import java.util.*;",
                "x", "f(x)", "f(x).field;", "f(x) + 1;", "new Foo().bar();", "x == 1;", "@Override void f() { }",
                "forget = 1", "return x;")) {
            assertFalse(SourceText.isPlainStatement(s), s);
        }
    }
}
