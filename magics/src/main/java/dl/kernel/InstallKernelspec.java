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
 */
public final class InstallKernelspec {

    public static final String KERNEL_NAME = "java-course";
    public static final String DISPLAY_NAME = "Java (DL course)";

    /**
     * JVM flags of the kernel. The heap is for Java-side objects (Nd4j's arrays live off-heap);
     * headless AWT lets charts render without a display; the add-opens let Nd4j/JavaCPP reach
     * the direct-buffer internals on JDK 17.
     */
    static final List<String> JVM_FLAGS = List.of(
            "-Xmx4g",
            "-Xss16m",
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "-XX:+UseSerialGC");

    private InstallKernelspec() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: java dl.kernel.InstallKernelspec KERNELS_DIR [KERNEL_JAR [LIB_DIR]]");
            System.exit(2);
        }
        Path kernelsDir = Path.of(args[0]);
        Path jar = args.length > 1 ? Path.of(args[1]) : ownLocation();
        Path lib = args.length > 2 ? Path.of(args[2]) : defaultLib(jar);
        Path written = install(kernelsDir, jar, lib);
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
        Path tmp = Files.createTempFile(dir, "kernel", ".json.tmp");
        try {
            Files.writeString(tmp, kernelJson(jar, lib), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** The kernelspec JSON for a kernel on {@code jar} plus {@code lib/*}. */
    static String kernelJson(Path jar, Path lib) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(JVM_FLAGS);
        argv.add("-cp");
        argv.add(jar + java.io.File.pathSeparator + lib.resolve("*"));
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
