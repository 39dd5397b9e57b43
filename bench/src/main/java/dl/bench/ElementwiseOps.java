package dl.bench;

import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Per-op overhead: an allocating elementwise add of two [128, 256] fp32 tensors and a
 * broadcast add of a [256] row, through the course library's {@code Tensor.add} (no gradient
 * recorded), in µs per op. The median of many short batches, so a busy neighbour on the
 * machine moves it less than a mean would.
 */
public final class ElementwiseOps implements Benchmark {

    @Override
    public String id() {
        return "ops";
    }

    @Override
    public List<Row> run(Data data) {
        Tensor a = Tensor.randn(128, 256);
        Tensor b = Tensor.randn(128, 256);
        Tensor row = Tensor.randn(256);
        return List.of(Row.lower("add_128x256", "us", microsPerOp(() -> a.add(b))),
                Row.lower("broadcast_add_128x256_256", "us", microsPerOp(() -> a.add(row))));
    }

    /** Median µs per call over 50 batches of 40 calls, after a warm-up. */
    static double microsPerOp(Supplier<Tensor> op) {
        for (int i = 0; i < 2000; i++) {
            op.get();
        }
        List<Double> perBatch = new ArrayList<>();
        for (int batch = 0; batch < 50; batch++) {
            long t = System.nanoTime();
            for (int i = 0; i < 40; i++) {
                op.get();
            }
            perBatch.add((System.nanoTime() - t) / 1e3 / 40);
        }
        double[] sorted = perBatch.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
