package dl.bench;

import dl.data.Batch;
import dl.data.DataLoader;
import dl.loss.CrossEntropyLoss;
import dl.metrics.Accuracy;
import dl.nn.Linear;
import dl.nn.ReLU;
import dl.nn.Sequential;
import dl.optim.SGD;
import dl.tensor.Tensor;
import java.util.List;

/**
 * One epoch of the MLP 784-256-256-10 (ReLU, batch 128, SGD lr 0.1 momentum 0.9) on
 * Fashion-MNIST with the course library, written as the loop a student writes by hand
 * (zeroGrad, forward, loss, backward, step, loss.item()). Rows: epoch time and the test
 * accuracy after that epoch (the accuracy bar: within 0.01 of PyTorch's), and the epoch's CPU time.
 */
public final class MlpEpoch implements Benchmark {

    @Override
    public String id() {
        return "mlp";
    }

    @Override
    public List<Row> run(Data data) {
        Mlp mlp = new Mlp(data);
        mlp.train(5); // warm-up: JIT and native initialization are not timed (PyTorch needs none)
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        mlp.train(Integer.MAX_VALUE);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        return List.of(Row.lower("mlp_epoch", "s", seconds), Row.lower("mlp_epoch_cpu", "s", cpuSeconds),
                Row.higher("mlp_test_accuracy", "", mlp.testAccuracy()));
    }

    /**
     * CPU time of the whole process (all threads: GC, JIT, Nd4j's deallocator). On a busy shared
     * machine it moves less than the wall time, which also counts the time other processes ran.
     */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The model, loss, optimizer and loader of the benchmark, and the student's loop. */
    static final class Mlp {
        final Data data;
        final Sequential model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 256), new ReLU(),
                new Linear(256, 10));
        final CrossEntropyLoss loss = new CrossEntropyLoss();
        final SGD opt = new SGD(model.parameters(), 0.1).momentum(0.9);
        final DataLoader loader;
        double lastLoss = Double.NaN;

        Mlp(Data data) {
            this.data = data;
            this.loader = dl.data.ArrayDataset.of(data.xTrain, data.yTrain, 10).loader(128).shuffle(1);
        }

        /** Trains on up to {@code maxBatches} batches of one pass over the loader. */
        void train(int maxBatches) {
            int n = 0;
            for (Batch b : loader) {
                if (n++ >= maxBatches) {
                    break;
                }
                opt.zeroGrad();
                Tensor l = loss.forward(model.forward(Tensor.of(b.x())), b.labels());
                l.backward();
                opt.step();
                lastLoss = l.item();
            }
        }

        double testAccuracy() {
            model.eval();
            try (var g = Tensor.noGrad()) {
                return Accuracy.of(model.forward(Tensor.of(data.xTest)), data.yTest);
            } finally {
                model.train();
            }
        }
    }
}
