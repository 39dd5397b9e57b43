package dl.tests;

import static org.junit.jupiter.api.Assertions.*;

import dl.kernel.InstallKernelspec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course kernel through the real Jupyter client: the kernelspec is installed into
 * {@code <repo>/build/jupyter/kernels}, and {@code src/test/python/kernel_stress.py} (run with
 * Debian's {@code /usr/bin/python3} and {@code JUPYTER_PATH=<repo>/build/jupyter}) starts the
 * kernel and talks to it with {@code jupyter_client}, as nbconvert does.
 */
class KernelStartupTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static Path repo;
    private static Path jupyterPath;

    @TempDir
    Path notebookDir;

    @BeforeAll
    static void installKernelspec() throws IOException {
        repo = repoRoot(Path.of("").toAbsolutePath());
        jupyterPath = repo.resolve("build/jupyter");
        Path kernelJar = InstallKernelspec.ownLocation();
        Path written = InstallKernelspec.install(jupyterPath.resolve("kernels"), kernelJar,
                InstallKernelspec.defaultLib(kernelJar), true);
        System.out.println("kernelspec: " + written);
    }

    /** The directory of the parent pom (the one listing the modules), above the working directory. */
    static Path repoRoot(Path start) throws IOException {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>magics</module>")) {
                return dir;
            }
        }
        throw new IllegalStateException("no parent pom (with <module>magics</module>) above " + start);
    }

    private String runScript(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        Path script = repo.resolve("tests/src/test/python/kernel_stress.py");
        List<String> cmd = new java.util.ArrayList<>(List.of(PYTHON, "-u", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(notebookDir.toFile()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        Path log = notebookDir.resolve("kernel_stress.log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out);
        assertTrue(finished, "kernel_stress.py " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s:\n" + out);
        assertEquals(0, p.exitValue(), "kernel_stress.py " + String.join(" ", args) + " failed:\n" + out);
        return out;
    }

    @Test
    void oneSessionBehavesAsJupyterExpects() throws Exception {
        String out = runScript(120, "session");
        assertTrue(out.contains("all checks passed"), out);
    }

    /**
     * 30 fresh kernels in a row, each started while two busy loops load both cores, must each
     * answer kernel_info and run a cell. The whole run is bounded by the per-start limit
     * (30 s start-up, 30 s cell); on a quiet 2-core machine it takes about two minutes.
     * {@code -Dkernel.stress.starts=N} changes the count.
     */
    @Test
    void thirtyStartsUnderCpuLoadNeverHang() throws Exception {
        int starts = Integer.getInteger("kernel.stress.starts", 30);
        String out = runScript(starts * 65L, "starts", String.valueOf(starts));
        assertTrue(out.contains(starts + " of " + starts + " starts answered and ran a cell"), out);
    }
}
