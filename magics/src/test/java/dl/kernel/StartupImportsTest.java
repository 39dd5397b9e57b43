package dl.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupImportsTest {

    @TempDir
    Path tmp;

    private void touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {(byte) 0xCA, (byte) 0xFE});
    }

    @Test
    void findsCoursePackagesInDirectoriesAndJarsButNotTheKernel() throws IOException {
        Path classes = tmp.resolve("classes");
        touch(classes.resolve("dl/Course.class"));
        touch(classes.resolve("dl/nn/Linear.class"));
        touch(classes.resolve("dl/nn/Linear$1.class"));
        touch(classes.resolve("dl/kernel/CourseKernel.class"));
        touch(classes.resolve("dl/kernel/render/Png.class"));
        touch(classes.resolve("other/Thing.class"));
        Files.createDirectories(classes.resolve("dl/empty"));
        Path jar = tmp.resolve("lib.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("dl/optim/", "dl/optim/SGD.class", "dl/README.txt", "org/x/Y.class")) {
                out.putNextEntry(new JarEntry(name));
                out.closeEntry();
            }
        }
        String cp = classes + File.pathSeparator + jar + File.pathSeparator + tmp.resolve("missing.jar");
        assertEquals(List.of("dl", "dl.nn", "dl.optim"), StartupImports.coursePackages(cp));

        List<String> imports = StartupImports.forClasspath(cp);
        assertEquals(List.of("import dl.*;", "import dl.nn.*;", "import dl.optim.*;"), imports.subList(0, 3));
        assertEquals(StartupImports.FIXED, imports.subList(3, imports.size()));
        assertTrue(imports.contains("import static dl.Check.*;"));
        assertTrue(imports.contains("import org.nd4j.linalg.factory.Nd4j;"));
    }

    @Test
    void theRealClasspathHasTheLibrariesPackages() {
        List<String> packages = StartupImports.coursePackages(System.getProperty("java.class.path"));
        assertTrue(packages.contains("dl"), packages.toString());
        assertTrue(packages.contains("dl.display"), packages.toString());
        assertFalse(packages.stream().anyMatch(p -> p.startsWith("dl.kernel")), packages.toString());
    }
}
