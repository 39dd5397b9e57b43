package dl.tests;

import static org.junit.jupiter.api.Assertions.*;

import dl.kernel.InstallKernelspec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jupyter's own kernel test suite ({@code jupyter_kernel_test.KernelTests}, Debian's
 * {@code python3-jupyter-kernel-test}) against the course kernel, with Java samples:
 * {@code src/test/python/kernel_conformance.py}, run with Debian's {@code /usr/bin/python3}.
 * Every reply is checked against the message spec; one kernel serves all of its tests.
 */
class KernelConformanceTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path workDir;

    @Test
    void jupyterKernelTestSuitePasses() throws Exception {
        Path repo = KernelStartupTest.repoRoot(Path.of("").toAbsolutePath());
        Path jupyterPath = repo.resolve("build/jupyter");
        Path kernelJar = InstallKernelspec.ownLocation();
        InstallKernelspec.install(jupyterPath.resolve("kernels"), kernelJar, InstallKernelspec.defaultLib(kernelJar), true);

        Path scripts = repo.resolve("tests/src/test/python");
        assertTrue(Files.isRegularFile(Path.of("/usr/lib/python3/dist-packages/jupyter_kernel_test/__init__.py")),
                "Debian's python3-jupyter-kernel-test is not installed (apt-get install python3-jupyter-kernel-test)");
        List<String> cmd = List.of(PYTHON, "-m", "unittest", "-v", "kernel_conformance");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        pb.environment().put("PYTHONPATH", scripts.toString());
        Path log = workDir.resolve("kernel_conformance.log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean finished = p.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out);
        assertTrue(finished, "kernel_conformance did not finish in 300 s:\n" + out);
        assertEquals(0, p.exitValue(), "Jupyter's kernel test suite failed:\n" + out);
        assertFalse(out.contains("skipped"), "a test of the suite was skipped (a sample is missing):\n" + out);
    }
}
