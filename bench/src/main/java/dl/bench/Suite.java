package dl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The course library's side of the benchmark suite. Runs the benchmarks named by
 * {@code --only} (default: all) with {@code --threads N} and prints one JSON object on the last
 * line: the machine and every row. {@code bench/run} runs this and PyTorch's side in the same
 * run with the same threads and prints the ratios.
 *
 * <p>Usage: {@code java -cp ... dl.bench.Suite --threads 1 [--only mlp,ops,matmul,memory]}
 */
public final class Suite {

    /** Every benchmark, in the order they run; a new one is added here. */
    static final List<Benchmark> BENCHMARKS = List.of(new ElementwiseOps(), new Matmul(), new MlpEpoch(), new MlpMemory());

    private Suite() {}

    public static void main(String[] args) throws Exception {
        int threads = 1;
        Set<String> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--only" -> only = Set.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("Suite: unknown argument " + args[i]
                        + "; expected --threads N and --only id,id (ids: " + ids() + ")");
            }
        }
        if (only != null && !ids().containsAll(only)) {
            throw new IllegalArgumentException("Suite: --only " + only + " names unknown benchmarks; known: " + ids());
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Data data = Data.load();
        List<String> rows = new ArrayList<>();
        for (Benchmark b : BENCHMARKS) {
            if (only == null || only.contains(b.id())) {
                System.err.println("course library: " + b.id() + " ...");
                for (Row r : b.run(data)) {
                    rows.add(r.json());
                }
            }
        }
        System.out.println("{\"side\": \"course-lib\", \"data\": \"" + data.source() + "\", \"machine\": "
                + Machine.json(threads) + ", \"rows\": [" + String.join(", ", rows) + "]}");
    }

    static List<String> ids() {
        return BENCHMARKS.stream().map(Benchmark::id).collect(Collectors.toList());
    }

}
