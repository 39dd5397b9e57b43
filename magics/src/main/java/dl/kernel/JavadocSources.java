package dl.kernel;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where Shift-Tab finds Javadoc: the JDK's {@code src.zip} (Debian's {@code openjdk-17-source})
 * and the course library's sources, which the build copies into the kernel jar under
 * {@code course-sources/}.
 *
 * <p>JShell looks up Javadoc only in the JDK's {@code src.zip}. Its source list has a static
 * override (meant for JShell's own tests); the kernel fills it with both locations, which needs
 * {@code --add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED} (in the kernelspec). Without that flag,
 * or on a JDK without the field, inspection still shows signatures and the JDK's Javadoc.
 */
final class JavadocSources {

    static final String COURSE_SOURCES = "course-sources";

    private JavadocSources() {}

    /** Installs the source list; returns a note of what is missing (empty when all is found). */
    static String install() {
        List<Path> roots = new ArrayList<>();
        StringBuilder missing = new StringBuilder();
        try {
            roots.addAll(jdkSourceRoots());
        } catch (IOException e) {
            missing.append("JDK sources unreadable: ").append(e.getMessage()).append("; ");
        }
        if (roots.isEmpty()) {
            missing.append("no JDK src.zip (Debian: apt-get install openjdk-17-source); ");
        }
        try {
            Path course = courseSourceRoot();
            if (course != null) {
                roots.add(course);
            } else {
                missing.append("no course library sources in the kernel jar; ");
            }
        } catch (IOException | URISyntaxException e) {
            missing.append("course library sources unreadable: ").append(e.getMessage()).append("; ");
        }
        try {
            Class<?> impl = Class.forName("jdk.jshell.SourceCodeAnalysisImpl");
            Field override = impl.getDeclaredField("availableSourcesOverride");
            override.setAccessible(true);
            override.set(null, List.copyOf(roots));
        } catch (ReflectiveOperationException | RuntimeException e) {
            missing.append("JShell's source list cannot be set (").append(e.getClass().getSimpleName())
                    .append("), so the course library's Javadoc is not shown; ");
        }
        return missing.toString();
    }

    /** The module directories of the JDK's src.zip, as JShell itself would list them. */
    static List<Path> jdkSourceRoots() throws IOException {
        Path home = Path.of(System.getProperty("java.home"));
        Path zip = home.resolve("lib").resolve("src.zip");
        if (!Files.isReadable(zip)) {
            zip = home.getParent().resolve("src.zip");
        }
        if (!Files.isReadable(zip)) {
            return List.of();
        }
        FileSystem fs = FileSystems.newFileSystem(zip, Map.of()); // kept open: JShell reads it later
        Path root = fs.getRootDirectories().iterator().next();
        if (Files.exists(root.resolve("java/lang/Object.java"))) {
            return List.of(root);
        }
        List<Path> modules = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path p : dirs) {
                if (Files.isDirectory(p)) {
                    modules.add(p);
                }
            }
        }
        return modules;
    }

    /** {@code course-sources/} in the kernel jar or classes directory, or null. */
    static Path courseSourceRoot() throws IOException, URISyntaxException {
        URL marker = JavadocSources.class.getResource("/" + COURSE_SOURCES + "/dl/Course.java");
        if (marker == null) {
            return null;
        }
        URI uri = marker.toURI();
        if ("jar".equals(uri.getScheme())) {
            String spec = uri.toString();
            URI jar = URI.create(spec.substring(0, spec.indexOf("!/")));
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(jar, Map.of());
            } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(jar);
            }
            return fs.getPath("/" + COURSE_SOURCES);
        }
        return Path.of(uri).getParent().getParent();
    }
}
