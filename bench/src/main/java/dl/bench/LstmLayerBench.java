package dl.bench;

import dl.rnn.LSTM;
import dl.tensor.Tensor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LSTM layer forward + backward, the course library's dl.rnn.LSTM against PyTorch's nn.LSTM in the
 * same run: batch 32, 64 steps, 64 → 256, fp32, one thread (OMP_NUM_THREADS=1 for both sides).
 * Prints the median times of each and the ratio ours / PyTorch.
 *
 * <pre>
 *   mvn -o -q -B -pl bench -am package -DskipTests
 *   OMP_NUM_THREADS=1 java -cp "bench/target/course-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" dl.bench.LstmLayerBench [REPEATS]
 * </pre>
 */
public final class LstmLayerBench {

    private LstmLayerBench() {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Nd4j.getRandom().setSeed(0);
        LSTM lstm = new LSTM(64, 256);
        Tensor x = new Tensor(Nd4j.randn(org.nd4j.linalg.api.buffer.DataType.FLOAT, 32, 64, 64), true);
        List<Double> fw = new ArrayList<>();
        List<Double> bw = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        for (int i = 0; i < reps + 5; i++) {
            lstm.zeroGrad();
            x.zeroGrad();
            long t0 = System.nanoTime();
            Tensor loss = lstm.forward(x).sum();
            long t1 = System.nanoTime();
            loss.backward();
            long t2 = System.nanoTime();
            if (i >= 5) {
                fw.add((t1 - t0) / 1e6);
                bw.add((t2 - t1) / 1e6);
                total.add((t2 - t0) / 1e6);
            }
        }
        double ours = median(total);
        System.out.printf("course library dl.rnn.LSTM: forward %.1f ms, backward %.1f ms, total %.1f ms (median of %d)%n",
                median(fw), median(bw), ours, reps);
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "bench/src/main/python/torch_lstm_layer.py", String.valueOf(reps));
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                last = line;
            }
        }
        p.waitFor();
        System.out.println("PyTorch nn.LSTM: " + last);
        if (last != null && last.contains("total_ms")) {
            double torch = Double.parseDouble(last.replaceAll(".*\"total_ms\": ([0-9.eE+-]+).*", "$1"));
            System.out.printf("ratio ours / PyTorch (forward + backward): %.2f%n", ours / torch);
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
