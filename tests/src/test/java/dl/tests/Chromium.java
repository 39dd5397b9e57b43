package dl.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium with networking off: inside {@code unshare -n} (a network namespace
 * with no interfaces) when that works, else with a proxy that points nowhere. The background
 * networking flags stop Chromium's own calls home; a fresh profile per call keeps runs apart.
 */
final class Chromium {

    private static final String BINARY = System.getProperty("course.chromium", "/usr/bin/chromium");
    private static final int TIME_LIMIT_SECONDS = 90;
    private static Boolean unshareWorks;

    private Chromium() {}

    static boolean available() {
        return Files.isExecutable(Path.of(BINARY));
    }

    static String missingMessage() {
        return "headless Chromium not found at " + BINARY + ": install Debian's chromium (apt-get install chromium, "
                + "or ./course setup as root), or point -Dcourse.chromium=/path/to/chromium at one";
    }

    /** The DOM after scripts ran (MathJax typesets within the virtual time budget). */
    static String dumpDom(Path page, Path workDir) {
        return run(page, workDir, List.of("--dump-dom"));
    }

    static Path screenshot(Path page, Path workDir, Path png) {
        run(page, workDir, List.of("--window-size=1100,4000", "--screenshot=" + png.toAbsolutePath()));
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("Chromium wrote no screenshot to " + png);
        }
        return png;
    }

    private static String run(Path page, Path workDir, List<String> extra) {
        try {
            Path profile = Files.createTempDirectory(workDir, "chromium-profile");
            Path stdout = workDir.resolve(profile.getFileName() + ".out");
            Path stderr = workDir.resolve(profile.getFileName() + ".err");
            List<String> command = new ArrayList<>();
            if (canUnshareNetwork()) {
                command.addAll(List.of("unshare", "-n"));
            }
            command.addAll(List.of(BINARY, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--virtual-time-budget=10000"));
            if (!canUnshareNetwork()) {
                command.addAll(List.of("--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"));
            }
            command.addAll(extra);
            command.add(page.toAbsolutePath().toUri().toString());
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish within " + TIME_LIMIT_SECONDS + " s: " + String.join(" ", command));
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Chromium failed (exit " + process.exitValue() + "): " + String.join(" ", command)
                        + "\n" + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Chromium", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Chromium ran", e);
        }
    }

    /** A network namespace needs privileges that some machines do not grant; try once. */
    static synchronized boolean canUnshareNetwork() {
        if (unshareWorks == null) {
            try {
                Process p = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                unshareWorks = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                unshareWorks = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unshareWorks = false;
            }
        }
        return unshareWorks;
    }
}
