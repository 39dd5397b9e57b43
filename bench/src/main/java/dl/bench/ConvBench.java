package dl.bench;

import dl.nn.Conv2d;
import dl.tensor.Tensor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Conv2d forward + backward (input gradient and weight/bias gradients), fp32, ours against PyTorch
 * in the same run at one thread: 64×3×32×32 with 32 3×3 filters (padding 1) and 64×32×16×16 with
 * 64 filters. Prints the median of 20 timed steps after 5 warm-up steps, the ratio, the CPU and the
 * Nd4j native build. Run (OMP_NUM_THREADS=1 is set by the caller):
 * <pre>
 *   mvn -o -q -B -pl bench -am package -DskipTests
 *   OMP_NUM_THREADS=1 java -cp "bench/target/course-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" dl.bench.ConvBench
 * </pre>
 */
public final class ConvBench {

    private static final int WARMUP = 5;
    private static final int REPS = 20;

    private ConvBench() {}

    public static void main(String[] args) throws Exception {
        int[][] cases = {{64, 3, 32, 32, 32}, {64, 32, 16, 16, 64}};
        System.out.println("CPU: " + Machine.cpuModel() + " (" + Machine.simd() + "), Nd4j native build: "
                + Machine.nd4jClassifier() + ", Nd4j threads: " + Nd4j.getEnvironment().maxThreads()
                + ", OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
        for (int[] c : cases) {
            double ours = oursMs(c);
            double torch = torchMs(c);
            System.out.printf(Locale.ROOT, "conv2d fwd+bwd %dx%dx%dx%d, %d 3x3 filters pad 1: ours %.2f ms, PyTorch %.2f ms, ratio %.2f%n",
                    c[0], c[1], c[2], c[3], c[4], ours, torch, ours / torch);
        }
    }

    static double oursMs(int[] c) {
        Conv2d conv = new Conv2d(c[1], c[4], 3).padding(1);
        Tensor x = new Tensor(Nd4j.rand(DataType.FLOAT, c[0], c[1], c[2], c[3]), true);
        INDArray g = Nd4j.rand(DataType.FLOAT, c[0], c[4], c[2], c[3]);
        double[] t = new double[REPS];
        for (int i = 0; i < WARMUP + REPS; i++) {
            conv.zeroGrad();
            x.zeroGrad();
            long start = System.nanoTime();
            conv.forward(x).backward(g);
            if (i >= WARMUP) {
                t[i - WARMUP] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(t);
        return t[REPS / 2];
    }

    static double torchMs(int[] c) throws Exception {
        String script = String.join("\n",
                "import time, torch",
                "torch.set_num_threads(1)",
                "n, ci, h, w, co = " + c[0] + ", " + c[1] + ", " + c[2] + ", " + c[3] + ", " + c[4],
                "conv = torch.nn.Conv2d(ci, co, 3, padding=1)",
                "x = torch.rand(n, ci, h, w, requires_grad=True)",
                "g = torch.rand(n, co, h, w)",
                "ts = []",
                "for i in range(" + (WARMUP + REPS) + "):",
                "    conv.zero_grad(); x.grad = None",
                "    t = time.perf_counter()",
                "    conv(x).backward(g)",
                "    if i >= " + WARMUP + ": ts.append((time.perf_counter() - t) * 1000)",
                "ts.sort()",
                "print(ts[len(ts) // 2])");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().reduce("", (a, b) -> b);
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("PyTorch benchmark failed: " + out);
        }
        return Double.parseDouble(out.trim());
    }
}
