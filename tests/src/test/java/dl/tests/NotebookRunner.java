package dl.tests;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs one notebook through {@code tests/python/nbrun.py} (nbclient, the real Jupyter machinery)
 * and reads its JSON report. The runner's own limits (per cell, per notebook) end a run cleanly;
 * a hard limit above them kills the runner and everything it started, should it ever hang.
 * While the run goes on, the runner's child processes (the kernel) are recorded, so that any
 * still alive afterwards can be reported as left over and then killed.
 */
final class NotebookRunner {

    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .create();
    /** Time the runner may need beyond the notebook limit: kernel shutdown, writing the output. */
    private static final int HARD_LIMIT_MARGIN_SECONDS = 90;

    private String kernel = Project.kernel();
    private int cellTimeout = 600;
    private int notebookTimeout = 1800;
    private int startupTimeout = 60;
    private boolean fast = true;
    private final List<Path> jupyterPath = new ArrayList<>(List.of(Project.jupyterPath()));

    NotebookRunner kernel(String name) {
        this.kernel = name;
        return this;
    }

    NotebookRunner cellTimeout(int seconds) {
        this.cellTimeout = positive("cell timeout", seconds);
        return this;
    }

    NotebookRunner notebookTimeout(int seconds) {
        this.notebookTimeout = positive("notebook timeout", seconds);
        return this;
    }

    NotebookRunner startupTimeout(int seconds) {
        this.startupTimeout = positive("startup timeout", seconds);
        return this;
    }

    NotebookRunner fast(boolean fast) {
        this.fast = fast;
        return this;
    }

    /** Put another folder with kernelspecs in front of the project's own. */
    NotebookRunner addJupyterPath(Path dir) {
        jupyterPath.add(0, dir);
        return this;
    }

    /** Execute {@code source}, writing the executed notebook to {@code output}. */
    RunResult run(Path source, Path output) {
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no such notebook: " + source);
        }
        Path script = Project.pythonScript("nbrun.py");
        Path runnerDir = output.toAbsolutePath().getParent();
        String stem = output.getFileName().toString().replaceFirst("\\.ipynb$", "");
        Path stdout = runnerDir.resolve(stem + ".runner.json");
        Path stderr = runnerDir.resolve(stem + ".runner.log");
        List<String> command = List.of(Project.python(), script.toString(), source.toAbsolutePath().toString(),
                "--output", output.toAbsolutePath().toString(),
                "--kernel", kernel,
                "--cell-timeout", String.valueOf(cellTimeout),
                "--notebook-timeout", String.valueOf(notebookTimeout),
                "--startup-timeout", String.valueOf(startupTimeout),
                fast ? "--fast" : "--full");
        try {
            Files.createDirectories(runnerDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(Project.root().toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Map<String, String> env = builder.environment();
            env.put("JUPYTER_PATH", jupyterPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            if (fast) {
                env.put("COURSE_FAST", "1");
            } else {
                env.remove("COURSE_FAST");
            }
            Process process = builder.start();
            Set<ProcessHandle> children = ConcurrentHashMap.newKeySet();
            long hardLimitMillis = TimeUnit.SECONDS.toMillis((long) notebookTimeout + startupTimeout + HARD_LIMIT_MARGIN_SECONDS);
            long deadline = System.currentTimeMillis() + hardLimitMillis;
            boolean finished = false;
            while (!finished && System.currentTimeMillis() < deadline) {
                process.descendants().forEach(children::add);
                finished = process.waitFor(200, TimeUnit.MILLISECONDS);
            }
            RunResult result;
            if (!finished) {
                process.descendants().forEach(children::add);
                killAll(process, children);
                result = harnessError(source, output, "the runner did not end within the hard limit of "
                        + hardLimitMillis / 1000 + " s; it and its kernel were killed");
                result.status = "timeout";
            } else {
                result = parse(source, output, stdout, stderr);
            }
            for (ProcessHandle child : children) {
                if (child.isAlive()) {
                    result.leftoverProcesses.add(child.pid() + " " + child.info().commandLine().orElse("?"));
                    child.destroyForcibly();
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the notebook runner: " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + source, e);
        }
    }

    private static RunResult parse(Path source, Path output, Path stdout, Path stderr) throws IOException {
        String json = Files.readString(stdout, StandardCharsets.UTF_8).strip();
        String lastLine = json.contains("\n") ? json.substring(json.lastIndexOf('\n') + 1) : json;
        if (!lastLine.startsWith("{")) {
            return harnessError(source, output, "no JSON report from nbrun.py; its stderr ("
                    + stderr + ") ends with:\n" + tail(Files.readString(stderr, StandardCharsets.UTF_8)));
        }
        try {
            return GSON.fromJson(lastLine, RunResult.class);
        } catch (JsonParseException e) {
            return harnessError(source, output, "unreadable JSON report from nbrun.py: " + e.getMessage() + "\n" + lastLine);
        }
    }

    private static RunResult harnessError(Path source, Path output, String message) {
        RunResult result = new RunResult();
        result.notebook = source.toString();
        result.output = output.toString();
        result.status = "harness_error";
        result.failure = new RunResult.Failure();
        result.failure.ename = "HarnessError";
        result.failure.evalue = message;
        return result;
    }

    private static void killAll(Process process, Set<ProcessHandle> children) {
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "...\n" + text.substring(text.length() - 4000);
    }

    private static int positive(String what, int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + seconds + " s");
        }
        return seconds;
    }
}
