package dl.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things live in the repository, seen from a test: the sources in {@code notebooks/}, the
 * project-local Jupyter path {@code build/jupyter}, and the test outputs under {@code build/test/}
 * (executed notebooks and the site built from them), kept apart from {@code ./course run}'s
 * {@code build/executed/} and {@code site/} so a test run never replaces the full-mode site.
 */
final class Project {

    private static final Path ROOT = findRoot();

    private Project() {}

    static Path root() {
        return ROOT;
    }

    /** The course notebooks; {@code -Dcourse.notebooksDir} points the tests at another folder. */
    static Path notebooks() {
        return Path.of(System.getProperty("course.notebooksDir", ROOT.resolve("notebooks").toString()));
    }

    /** The project-local JUPYTER_PATH; kernelspecs live in its {@code kernels/} folder. */
    static Path jupyterPath() {
        return ROOT.resolve("build/jupyter");
    }

    static Path executed() {
        return Path.of(System.getProperty("course.executedDir", ROOT.resolve("build/test/executed").toString()));
    }

    static Path site() {
        return Path.of(System.getProperty("course.siteDir", ROOT.resolve("build/test/site").toString()));
    }

    static Path pythonScript(String name) {
        return ROOT.resolve("tests/python").resolve(name);
    }

    /** Debian's interpreter: the first python3 on PATH may lack nbclient. */
    static String python() {
        return System.getProperty("course.python", "/usr/bin/python3");
    }

    /** The kernel the course notebooks run on. */
    static String kernel() {
        return System.getProperty("course.kernel", "java-course");
    }

    static int intProperty(String name, int fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + name + " must be a whole number of seconds, got '" + value + "'");
        }
    }

    /** Course notebooks in name order (the chapter order). */
    static List<Path> courseNotebooks() {
        try (Stream<Path> files = Files.list(notebooks())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + notebooks(), e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("course")) && Files.isDirectory(p.resolve("tests/python"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the project root (a folder with the 'course' script and tests/python) above " + dir);
    }
}
