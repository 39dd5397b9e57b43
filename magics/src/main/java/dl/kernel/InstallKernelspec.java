package dl.kernel;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Jupyter kernelspec of the course kernel: {@code <kernels dir>/java-course/kernel.json}.
 *
 * <p>Usage: {@code java -cp <kernel jar>:<lib>/* dl.kernel.InstallKernelspec KERNELS_DIR [KERNEL_JAR [LIB_DIR]]}.
 * The kernel's classpath is the jar (or classes directory) this class was loaded from plus every
 * jar in the {@code lib} directory next to it ({@code magics/target/lib} after
 * {@code mvn package}); both may be given explicitly instead. The file is written to a temporary
 * file first and renamed, so Jupyter never sees half a kernelspec.
 *
 * <p>When the kernel's classpath is all jars, the installer also makes a {@link ClassArchive}
 * ({@code kernel.jsa} next to {@code kernel.json}) and points the kernel at it.
 */
public final class InstallKernelspec {

    public static final String KERNEL_NAME = "java-course";
    public static final String DISPLAY_NAME = "Java (DL course)";

    /**
     * JVM flags of the kernel. The heap is for Java-side objects (Nd4j's arrays live off-heap);
     * headless AWT lets charts render without a display. Nd4j 1.0.0-M2.1 runs on JDK 17 without
     * any --add-opens (the library's tests and the kernel tests run without them). GC and JIT
     * stay at their defaults: -XX:+UseSerialGC made no measurable difference to the start
     * (2.8 against 2.7 s of CPU to the first output) and -XX:TieredStopAtLevel=1, though it
     * saves about 0.8 s of CPU there, would slow every training loop afterwards. JShell's
     * package is opened so the kernel can hand its Javadoc lookup the course library's sources
     * (see {@link JavadocSources}).
     */
    static final List<String> JVM_FLAGS = List.of(
            "-Xmx4g",
            "--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED",
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8");

    private InstallKernelspec() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: java dl.kernel.InstallKernelspec KERNELS_DIR [KERNEL_JAR [LIB_DIR]]");
            System.exit(2);
        }
        Path kernelsDir = Path.of(args[0]);
        Path jar = args.length > 1 ? Path.of(args[1]) : ownLocation();
        Path lib = args.length > 2 ? Path.of(args[2]) : defaultLib(jar);
        Path written = install(kernelsDir, jar, lib, true);
        System.out.println("installed kernel '" + DISPLAY_NAME + "' at " + written);
    }

    /** The jar or classes directory this class was loaded from. */
    public static Path ownLocation() {
        try {
            return Path.of(InstallKernelspec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the course kernel's jar", e);
        }
    }

    /** target/lib next to target/course-kernel.jar or target/classes. */
    public static Path defaultLib(Path kernelJarOrClasses) {
        return kernelJarOrClasses.toAbsolutePath().getParent().resolve("lib");
    }

    /**
     * Writes {@code kernelsDir/java-course/kernel.json} and returns its path.
     *
     * @param kernelJar the course-kernel jar or classes directory
     * @param libDir    directory with the kernel's runtime dependency jars
     */
    public static Path install(Path kernelsDir, Path kernelJar, Path libDir) throws IOException {
        return install(kernelsDir, kernelJar, libDir, false);
    }

    /**
     * Like {@link #install(Path, Path, Path)}; with {@code classArchive} it first makes the class
     * archive (a training run of the kernel, a few seconds) when the classpath allows one.
     */
    public static Path install(Path kernelsDir, Path kernelJar, Path libDir, boolean classArchive) throws IOException {
        Path jar = kernelJar.toAbsolutePath().normalize();
        Path lib = libDir.toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalArgumentException("kernel jar not found: " + jar + " (run mvn package first)");
        }
        if (!Files.isDirectory(lib)) {
            throw new IllegalArgumentException("kernel lib directory not found: " + lib + " (run mvn package first)");
        }
        Path dir = kernelsDir.toAbsolutePath().resolve(KERNEL_NAME);
        Files.createDirectories(dir);
        Path target = dir.resolve("kernel.json");
        Path archive = dir.resolve("kernel.jsa");
        // CDS archives only jars: a classes directory (an IDE run) gets no archive.
        boolean useArchive = classArchive && Files.isRegularFile(jar)
                && ClassArchive.create(archive, JVM_FLAGS, classpath(jar, lib));
        if (!useArchive) {
            Files.deleteIfExists(archive);
        }
        Path tmp = Files.createTempFile(dir, "kernel", ".json.tmp");
        try {
            Files.writeString(tmp, kernelJson(jar, lib, useArchive ? archive : null), StandardCharsets.UTF_8);
            readableByAll(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** A temporary file is private (rw-------); a kernelspec is read by Jupyter as any user. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }

    private static String classpath(Path jar, Path lib) {
        return jar + java.io.File.pathSeparator + lib.resolve("*");
    }

    /** The kernelspec JSON for a kernel on {@code jar} plus {@code lib/*}, with an optional class archive. */
    static String kernelJson(Path jar, Path lib, Path archive) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(JVM_FLAGS);
        if (archive != null) {
            argv.add("-XX:SharedArchiveFile=" + archive);
            argv.addAll(ClassArchive.QUIET);
        }
        argv.add("-cp");
        argv.add(classpath(jar, lib));
        argv.add(CourseKernel.class.getName());
        argv.add("{connection_file}");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }
}
