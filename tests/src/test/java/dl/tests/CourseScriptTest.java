package dl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ./course} entry script refuses what it does not understand: a copy of it in a
 * temporary folder (so a bug can never delete the real build outputs) runs with bad options, and
 * marker files in {@code build/}, {@code site/} and a Maven target must survive. Takes a second.
 */
class CourseScriptTest {

    @TempDir
    Path dir;

    private final List<Path> markers = new ArrayList<>();

    @BeforeEach
    void copyScript() throws IOException {
        Path root = Project.root();
        Files.createDirectories(dir.resolve("tests"));
        Files.copy(root.resolve("course"), dir.resolve("course"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(root.resolve("tests/debian-packages.txt"), dir.resolve("tests/debian-packages.txt"));
        Files.copy(root.resolve("pom.xml"), dir.resolve("pom.xml"));
        for (String marker : List.of("build/x", "site/x", "lib/target/x")) {
            Path file = dir.resolve(marker);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "keep me");
            markers.add(file);
        }
    }

    record Result(int status, String out, String err) {}

    private Result course(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", dir.resolve("course").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile())
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), () -> "./course " + String.join(" ", args) + " did not end");
        return new Result(p.exitValue(), Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
    }

    private void assertMarkersKept(String what) {
        for (Path marker : markers) {
            assertTrue(Files.isRegularFile(marker), () -> what + " removed " + dir.relativize(marker));
        }
    }

    @ParameterizedTest(name = "./course {0} --bogus")
    @ValueSource(strings = {"run", "setup", "notebook", "html", "clean", "help"})
    void unknownOptionIsRefusedWithUsage(String command) throws Exception {
        Result r = course(command, "--bogus");
        assertEquals(2, r.status(), () -> "exit status of ./course " + command + " --bogus\n" + r.err());
        assertTrue(r.err().contains("course " + command + ": unknown option '--bogus'"), r::err);
        assertTrue(r.err().contains("Usage: ./course " + command), r::err);
        assertMarkersKept("./course " + command + " --bogus");
    }

    @ParameterizedTest(name = "./course {0} extra")
    @ValueSource(strings = {"setup", "notebook", "html", "clean"})
    void unexpectedArgumentIsRefused(String command) throws Exception {
        Result r = course(command, "extra");
        assertEquals(2, r.status(), r::err);
        assertTrue(r.err().contains("course " + command + ": unexpected argument 'extra'"), r::err);
        assertMarkersKept("./course " + command + " extra");
    }

    @Test
    void unknownCommandIsRefused() throws Exception {
        Result r = course("bogus");
        assertEquals(2, r.status(), r::err);
        assertTrue(r.err().contains("unknown command: bogus"), r::err);
    }

    @Test
    void dryRunOnlyListsWhatCleanWouldRemove() throws Exception {
        Result r = course("clean", "--dry-run");
        assertEquals(0, r.status(), r::err);
        for (String listed : List.of("build/", "site/")) {
            assertTrue(r.out().contains("  " + listed + "\n"), () -> "not listed: " + listed + "\n" + r.out());
        }
        assertMarkersKept("./course clean --dry-run");
    }

    @Test
    void helpForOneCommand() throws Exception {
        Result r = course("help", "clean");
        assertEquals(0, r.status(), r::err);
        assertTrue(r.out().startsWith("Usage: ./course clean [--dry-run]\n"), r::out);
        Result h = course("clean", "--help");
        assertEquals(r.out(), h.out());
        assertMarkersKept("./course clean --help");
    }
}
