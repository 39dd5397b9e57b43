package dl.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * A class-data-sharing archive (AppCDS) for faster kernel starts.
 *
 * <p>Most of a kernel start is class loading: javac for JShell, Nd4j, XChart. JDK 17 can dump
 * the classes a training run loaded ({@code -XX:ArchiveClassesAtExit}) and map them at the next
 * start ({@code -XX:SharedArchiveFile}); measured here, that saves about a quarter of the CPU
 * time from launch to the first cell's output. The archive is only valid for the exact JVM and
 * jars it was made with: when they change the JVM ignores it (logging switched off), and the
 * kernel starts as it would without it.
 */
public final class ClassArchive {

    /** Flags that keep a missing or stale archive silent. */
    static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final long TRAINING_TIMEOUT_S = 240;

    private ClassArchive() {}

    /**
     * Runs a training JVM with {@code jvmFlags} and {@code classpath} that starts a notebook
     * session and runs typical cells, and dumps its classes to {@code archive} (atomically).
     * Returns false, leaving no archive, when the dump fails.
     */
    static boolean create(Path archive, List<String> jvmFlags, String classpath) throws IOException {
        // Unique per installer process, so two installs at once do not write the same file.
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.addAll(QUIET);
        cmd.add("-XX:ArchiveClassesAtExit=" + tmp);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(ClassArchive.class.getName());
        Path log = Files.createTempFile("course-kernel-cds", ".log");
        try {
            Process p = new ProcessBuilder(cmd)
                    .directory(archive.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean finished;
            try {
                finished = p.waitFor(TRAINING_TIMEOUT_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                p.destroyForcibly();
            }
            if (!finished || p.exitValue() != 0 || !Files.isRegularFile(tmp)) {
                System.err.println("course kernel: no class archive (training run "
                        + (finished ? "exited with " + p.exitValue() : "timed out") + "); log: " + log);
                Files.deleteIfExists(tmp);
                return false;
            }
            Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(log);
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The training run: the work of a kernel start and of a typical first notebook. */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        CellOutput output = new CellOutput(System.err);
        NotebookSession session = NotebookSession.start(Path.of("").toAbsolutePath(), output);
        CellOutput.Sink ignore = new CellOutput.Sink() {
            @Override
            public void text(CellOutput.Stream stream, String text) {}

            @Override
            public void display(DisplayData data, boolean update) {}
        };
        String[] cells = {
            "1 + 1",
            "System.out.println(\"hi\"); String s = \"x\"; s",
            "INDArray a = Nd4j.rand(4, 4); a.mmul(a.transpose()).add(1.0)",
            "var chart = new XYChartBuilder().width(200).height(150).title(\"t\").build();\n"
                    + "chart.addSeries(\"s\", new double[] {1, 2, 3}, new double[] {3, 1, 2});\nchart",
            "Table.create(\"t\", tech.tablesaw.api.IntColumn.create(\"a\", 1, 2))",
            "String id = display(\"p\"); updateDisplay(id, \"q\");",
            "%fast",
        };
        int count = 1;
        for (String cell : cells) {
            session.execute(cell, count++, ignore);
        }
        for (String failing : new String[] {"int x = \"s\";", "throw new IllegalStateException(\"x\");"}) {
            try {
                session.execute(failing, count++, ignore);
            } catch (CellError expected) {
                // errors are part of a normal session
            }
        }
        session.complete("Nd4j.zer", 8, new int[1]);
        session.inspect("Nd4j.zeros(", 9);
        bindAndClose(new CourseKernel(session, output, new CellInput(output)));
        session.close();
        System.exit(0);
    }

    /** Loads the messaging classes (JeroMQ, Gson, jjava) by binding a connection on free local ports. */
    private static void bindAndClose(CourseKernel kernel) {
        try {
            int[] ports = new int[5];
            for (int i = 0; i < ports.length; i++) {
                try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                    ports[i] = probe.getLocalPort();
                }
            }
            String json = String.format("{\"transport\": \"tcp\", \"ip\": \"127.0.0.1\", \"control_port\": %d, "
                    + "\"shell_port\": %d, \"stdin_port\": %d, \"hb_port\": %d, \"iopub_port\": %d, "
                    + "\"signature_scheme\": \"hmac-sha256\", \"key\": \"warm-up\"}",
                    ports[0], ports[1], ports[2], ports[3], ports[4]);
            var connection = new org.dflib.jjava.jupyter.channels.JupyterConnection(
                    org.dflib.jjava.jupyter.kernel.KernelConnectionProperties.parse(json));
            kernel.becomeHandlerForConnection(connection);
            connection.connect();
            connection.close();
        } catch (Exception | LinkageError e) {
            // A port taken meanwhile only makes the archive a little smaller.
        }
    }
}
