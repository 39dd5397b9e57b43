package dl.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The imports every notebook starts with, so a notebook needs no set-up boilerplate.
 *
 * <p>Every package under {@code dl.} on the classpath is imported on demand (found by scanning,
 * because the library grows and an import of a package that does not exist is a JShell error),
 * except the kernel's own {@code dl.kernel}; then a fixed list of the JDK and library types the
 * notebooks use, and the static helpers {@code check(...)} and {@code display(...)}.
 */
public final class StartupImports {

    /** The imports after the discovered {@code dl.*} packages. */
    static final List<String> FIXED = List.of(
            "import java.util.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import org.nd4j.linalg.factory.Nd4j;",
            "import org.nd4j.linalg.api.ndarray.INDArray;",
            "import org.nd4j.linalg.api.buffer.DataType;",
            "import org.nd4j.linalg.ops.transforms.Transforms;",
            "import org.knowm.xchart.*;",
            "import tech.tablesaw.api.*;",
            // Single-type imports win over on-demand ones: the course's Module and Histogram, not
            // java.lang.Module and XChart's Histogram.
            "import dl.nn.Module;",
            "import dl.viz.Histogram;",
            "import static dl.Check.*;",
            "import static dl.display.Display.*;");

    private StartupImports() {}

    /** All start-up imports for the given classpath (entries separated by the path separator). */
    public static List<String> forClasspath(String classpath) {
        List<String> imports = new ArrayList<>();
        for (String pkg : coursePackages(classpath)) {
            imports.add("import " + pkg + ".*;");
        }
        imports.addAll(FIXED);
        return imports;
    }

    /** Packages named {@code dl} or {@code dl.*} with at least one class, sorted; not {@code dl.kernel}. */
    public static List<String> coursePackages(String classpath) {
        TreeSet<String> packages = new TreeSet<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                scanDirectory(path, packages);
            } else if (Files.isRegularFile(path) && entry.endsWith(".jar")) {
                scanJar(path, packages);
            }
        }
        packages.removeIf(p -> p.equals("dl.kernel") || p.startsWith("dl.kernel."));
        return new ArrayList<>(packages);
    }

    private static void scanJar(Path jar, TreeSet<String> packages) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            // Most jars have no dl/ entries; checking names is cheap (central directory only).
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                addIfCourseClass(entries.nextElement().getName(), packages);
            }
        } catch (IOException e) {
            // An unreadable jar cannot contribute classes to JShell either.
        }
    }

    private static void scanDirectory(Path root, TreeSet<String> packages) {
        Path dl = root.resolve("dl");
        if (!Files.isDirectory(dl)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dl)) {
            files.filter(p -> p.toString().endsWith(".class"))
                    .forEach(p -> addIfCourseClass(root.relativize(p).toString().replace(File.separatorChar, '/'), packages));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + dl + " for course packages", e);
        }
    }

    private static void addIfCourseClass(String name, TreeSet<String> packages) {
        if (!name.startsWith("dl/") || !name.endsWith(".class") || name.endsWith("module-info.class")) {
            return;
        }
        int slash = name.lastIndexOf('/');
        packages.add(name.substring(0, slash).replace('/', '.'));
    }
}
