package dl.kernel.magic;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import dl.kernel.CellError;
import dl.kernel.KernelTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each magic driven through a real session, in a temporary notebook directory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class MagicsTest {

    @TempDir
    static Path notebookDir;
    private KernelTestSession nb;

    @BeforeAll
    void startSession() throws CellError {
        nb = new KernelTestSession(notebookDir);
    }

    @AfterAll
    void stopSession() {
        nb.close();
    }

    @Test
    void loadRunsTheFileRelativeToTheNotebookDirectory() throws Exception {
        Files.createDirectories(notebookDir.resolve("code"));
        Files.writeString(notebookDir.resolve("code/helpers.jsh"), "// helpers\ndouble square(double x) {\n    return x * x;\n}\n");
        assertEquals("", nb.stdout("%load code/helpers.jsh"));
        assertEquals("6.25", nb.value("square(2.5)"));
    }

    @Test
    void loadOfAMissingFileNamesThePath() {
        CellError e = nb.error("%load nowhere/missing.jsh");
        assertEquals("FileNotFoundException", e.ename());
        assertTrue(e.evalue().contains(notebookDir.resolve("nowhere/missing.jsh").toString()), e.evalue());
    }

    @Test
    void errorsInsideALoadedFileNameTheFileAndLine() throws Exception {
        Files.writeString(notebookDir.resolve("bad.jsh"), "int fine = 1;\n\nint broken = \"text\";\n");
        CellError compile = nb.error("%load bad.jsh");
        assertEquals("CompilationException", compile.ename());
        assertTrue(compile.render().contains("file bad.jsh, line 3: int broken = \"text\";"), compile.render());

        Files.writeString(notebookDir.resolve("boom.jsh"), "void boom() {\n    throw new IllegalStateException(\"from the file\");\n}\nboom();\n");
        CellError runtime = nb.error("%load boom.jsh");
        assertEquals("IllegalStateException", runtime.ename());
        assertTrue(runtime.render().contains("(file boom.jsh, line 2): throw new IllegalStateException"), runtime.render());
        assertTrue(runtime.render().contains("file boom.jsh, line 4: boom();"), runtime.render());
    }

    @Test
    void jarsAddsJarsByGlobAndTheirClassesBecomeUsable() throws Exception {
        Path classes = compile("demo.Greeter", "package demo; public class Greeter { public String hi() { return \"hi from a jar\"; } }");
        Path libs = Files.createDirectories(notebookDir.resolve("libs"));
        jar(classes, libs.resolve("greeter.jar"));
        Files.writeString(libs.resolve("README.txt"), "not a jar");
        String out = nb.stdout("%jars libs/*.jar");
        assertEquals("added to the classpath: greeter.jar\n", out);
        assertEquals("hi from a jar", nb.value("new demo.Greeter().hi()"));
    }

    @Test
    void classpathAddsADirectoryOfClasses() throws Exception {
        Path classes = compile("demo2.Answer", "package demo2; public class Answer { public static int get() { return 42; } }");
        Path target = notebookDir.resolve("classes");
        copyTree(classes, target);
        nb.stdout("%classpath classes");
        assertEquals("42", nb.value("demo2.Answer.get()"));
    }

    @Test
    void missingOrWrongClasspathEntriesAreClearErrors() throws IOException {
        CellError missing = nb.error("%jars lib/nothing-*.jar");
        assertEquals("FileNotFoundException", missing.ename());
        assertTrue(missing.evalue().contains("lib"), missing.evalue());
        CellError noFile = nb.error("%classpath no-such-dir");
        assertTrue(noFile.evalue().contains(notebookDir.resolve("no-such-dir").toString()), noFile.evalue());
        Files.createDirectories(notebookDir.resolve("adir"));
        CellError dir = nb.error("%jars adir");
        assertEquals("UsageError", dir.ename());
        assertTrue(dir.evalue().contains("use %classpath"), dir.evalue());
        assertEquals("UsageError", nb.error("%jars").ename());
    }

    @Test
    void timeRunsTheCellAndPrintsItsWallTime() throws CellError {
        var sink = new dl.kernel.KernelTestSession.Recorder();
        String value = nb.valueWith("%%time\nThread.sleep(120);\n6 * 7", sink);
        assertEquals("42", value);
        Matcher m = Pattern.compile("Wall time: ([0-9.]+) (ms|s)\n").matcher(sink.stdout());
        assertTrue(m.matches(), sink.stdout());
        double ms = Double.parseDouble(m.group(1)) * (m.group(2).equals("s") ? 1000 : 1);
        assertTrue(ms >= 120 && ms < 10_000, sink.stdout());
        CellError e = nb.error("%%time\nint x = 1;\nint y = \"no\";");
        assertTrue(e.render().contains("line 3: int y = \"no\";"), e.render());
    }

    @Test
    void timeFormatsLikeIPython() {
        assertEquals("0.85 ms", TimeMagic.format(850_000));
        assertEquals("12.3 ms", TimeMagic.format(12_300_000));
        assertEquals("1.23 s", TimeMagic.format(1_230_000_000));
        assertEquals("2 min 3.5 s", TimeMagic.format(123_500_000_000L));
    }

    @Test
    void fastPrintsTheMode() throws CellError {
        assertEquals(Course.describe() + "\n", nb.stdout("%fast"));
        assertEquals("UsageError", nb.error("%fast on").ename());
    }

    @Test
    void seedReseedsTheLibraryOnTheCellThread() throws CellError {
        try {
            assertEquals("seed: 7\n", nb.stdout("%seed 7"));
            assertEquals("7", nb.value("Course.currentSeed()"));
            assertEquals("7", nb.value("Nd4j.getRandom().getSeed()"));
            CellError bad = nb.error("%seed forty-two");
            assertEquals("UsageError", bad.ename());
            assertTrue(bad.evalue().contains("forty-two"), bad.evalue());
        } finally {
            nb.stdout("%seed " + Course.DEFAULT_SEED);
        }
    }

    @Test
    void helpListsEveryMagic() throws CellError {
        String help = nb.stdout("%help");
        for (String usage : List.of("%load FILE", "%jars PATH", "%classpath PATH", "%%time", "%fast", "%seed N", "%help",
                "?name")) {
            assertTrue(help.contains(usage), usage + " missing from:\n" + help);
        }
    }

    @Test
    void unknownMagicIsAnError() {
        CellError e = nb.error("%frobnicate now");
        assertEquals("UnknownMagic", e.ename());
        assertTrue(e.evalue().contains("%frobnicate"), e.evalue());
    }

    @Test
    void lineMagicsMixWithCodeAndKeepCellLineNumbers() throws CellError {
        assertEquals("2", nb.value("int a = 1;\n%fast\na + 1"));
        CellError e = nb.error("int b = 1;\n%fast\nint c = \"s\";");
        assertTrue(e.render().contains("line 3: int c = \"s\";"), e.render());
    }

    @Test
    void percentLinesInsideTextBlocksStayJava() throws CellError {
        assertEquals("%d items", nb.value("String t = \"\"\"\n    %d items\n    \"\"\";\nt.strip()"));
    }

    private static Path compile(String className, String source) throws IOException {
        Path src = Files.createTempDirectory(notebookDir, "src");
        Path file = src.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        Path out = Files.createTempDirectory(notebookDir, "out");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", out.toString(), file.toString());
        assertEquals(0, rc, "javac failed");
        return out;
    }

    private static void jar(Path classes, Path jarFile) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jarFile));
                var files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                jar.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(p));
                jar.closeEntry();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
