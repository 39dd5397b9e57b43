package dl.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallKernelspecTest {

    @TempDir
    Path tmp;

    @Test
    void writesAValidKernelspecWithTheKernelClasspath() throws IOException {
        Path jar = Files.createFile(tmp.resolve("course-kernel.jar"));
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Path kernels = tmp.resolve("jupyter/kernels");
        Path written = InstallKernelspec.install(kernels, jar, lib);

        assertEquals(kernels.toAbsolutePath().resolve("java-course/kernel.json"), written);
        JsonObject spec = JsonParser.parseString(Files.readString(written)).getAsJsonObject();
        assertEquals("Java (DL course)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());

        List<String> argv = new ArrayList<>();
        JsonArray array = spec.getAsJsonArray("argv");
        array.forEach(e -> argv.add(e.getAsString()));
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), argv.get(0));
        assertTrue(Files.isExecutable(Path.of(argv.get(0))));
        int cp = argv.indexOf("-cp");
        assertTrue(cp > 0, argv.toString());
        assertEquals(jar.toAbsolutePath() + ":" + lib.toAbsolutePath() + "/*", argv.get(cp + 1));
        assertEquals("dl.kernel.CourseKernel", argv.get(cp + 2));
        assertEquals("{connection_file}", argv.get(argv.size() - 1));
        assertTrue(argv.subList(1, cp).contains("-Djava.awt.headless=true"), argv.toString());
        assertTrue(argv.subList(1, cp).stream().anyMatch(a -> a.startsWith("-Xmx")), argv.toString());

        try (var files = Files.list(written.getParent())) {
            assertEquals(List.of(written), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void reinstallReplacesTheFile() throws IOException {
        Path jar = Files.createFile(tmp.resolve("k.jar"));
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Path first = InstallKernelspec.install(tmp.resolve("kernels"), jar, lib);
        Files.writeString(first, "garbage");
        Path second = InstallKernelspec.install(tmp.resolve("kernels"), jar, lib);
        assertEquals(first, second);
        assertTrue(JsonParser.parseString(Files.readString(second)).isJsonObject());
    }

    @Test
    void missingJarOrLibIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> InstallKernelspec.install(tmp.resolve("kernels"), tmp.resolve("nope.jar"), tmp));
        assertTrue(e.getMessage().contains("nope.jar"), e.getMessage());
    }

    @Test
    void defaultLibIsNextToTheJar() {
        assertEquals(Path.of("/x/target/lib"), InstallKernelspec.defaultLib(Path.of("/x/target/course-kernel.jar")));
        assertEquals(Path.of("/x/target/lib"), InstallKernelspec.defaultLib(Path.of("/x/target/classes")));
    }
}
