package dl.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Installs the course kernelspec into the project-local Jupyter path ({@code build/jupyter/kernels}),
 * once per test JVM, with the same command {@code ./course setup} uses: the packaged kernel jar
 * and its dependencies in {@code magics/target/lib} (present after {@code mvn package}, which a
 * reactor {@code mvn verify} runs for magics before the tests module).
 */
final class KernelSpec {

    private static boolean installed;

    private KernelSpec() {}

    /** The kernel this project builds; other kernels (-Dcourse.kernel=python3) are Jupyter's business. */
    static final String COURSE_KERNEL = "java-course";

    static synchronized void ensureInstalled() {
        ensureInstalled(Project.kernel());
    }

    static synchronized void ensureInstalled(String kernel) {
        if (installed || !COURSE_KERNEL.equals(kernel)) {
            return;
        }
        Path target = Project.root().resolve("magics/target");
        Path jar = kernelJar(target);
        Path kernels = Project.jupyterPath().resolve("kernels");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = jar + ":" + target.resolve("lib") + "/*";
        List<String> command = List.of(java, "-cp", classpath, "dl.kernel.InstallKernelspec", kernels.toString());
        try {
            Files.createDirectories(kernels);
            Path log = Files.createTempFile("kernelspec-install", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("installing the kernelspec took more than 300 s: " + String.join(" ", command));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("installing the kernelspec failed (exit " + process.exitValue() + "): "
                        + String.join(" ", command) + "\n" + output);
            }
            Path spec = kernels.resolve(COURSE_KERNEL).resolve("kernel.json");
            if (!Files.isRegularFile(spec)) {
                throw new IllegalStateException("the kernelspec installer ran but wrote no " + spec + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the kernelspec", e);
        }
        installed = true;
    }

    private static Path kernelJar(Path target) {
        String hint = "build the kernel first: mvn -B package -DskipTests (or run the tests with mvn -B verify from the project root)";
        if (!Files.isDirectory(target.resolve("lib"))) {
            throw new IllegalStateException("no kernel build in " + target + ": " + hint);
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("course-kernel-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no course-kernel jar in " + target + ": " + hint));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }
}
