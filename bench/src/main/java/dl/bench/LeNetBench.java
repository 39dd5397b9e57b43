package dl.bench;

import dl.Course;
import dl.data.FashionMnist;
import dl.loss.CrossEntropyLoss;
import dl.models.LeNet5;
import dl.optim.SGD;
import dl.tensor.Tensor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One epoch of LeNet-5 on Fashion-MNIST (Debian's dataset-fashion-mnist; batch 128, SGD lr 0.1
 * momentum 0.9, the issue's setting), ours and PyTorch in the same run at one thread: epoch time
 * and test accuracy of each, and the ratio. Run like {@link ConvBench}:
 * {@code OMP_NUM_THREADS=1 java -cp "bench/target/course-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" dl.bench.LeNetBench}
 */
public final class LeNetBench {

    private LeNetBench() {}

    public static void main(String[] args) throws Exception {
        System.out.println("CPU: " + Machine.cpuModel() + " (" + Machine.simd() + "), Nd4j native build: " + Machine.nd4jClassifier());
        double[] ours = ours();
        double[] torch = torch();
        System.out.printf(Locale.ROOT, "LeNet-5 epoch: ours %.1f s (test accuracy %.4f), PyTorch %.1f s (test accuracy %.4f), ratio %.2f%n",
                ours[0], ours[1], torch[0], torch[1], ours[0] / torch[0]);
    }

    static double[] ours() {
        Course.seed(42);
        FashionMnist train = FashionMnist.load(FashionMnist.Part.TRAIN, FashionMnist.Source.DEBIAN);
        FashionMnist test = FashionMnist.load(FashionMnist.Part.TEST, FashionMnist.Source.DEBIAN);
        INDArray x = train.flat().dup();
        int[] y = train.labels();
        var model = new LeNet5();
        var opt = new SGD(model.parameters(), 0.1).momentum(0.9);
        var loss = new CrossEntropyLoss();
        int n = y.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Random rnd = new java.util.Random(1);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        long start = System.nanoTime();
        for (int from = 0; from < n; from += 128) {
            int[] idx = Arrays.copyOfRange(order, from, Math.min(n, from + 128));
            Tensor xb = new Tensor(Nd4j.pullRows(x, 1, idx).reshape(idx.length, 1, 28, 28), false);
            int[] yb = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                yb[i] = y[idx[i]];
            }
            opt.zeroGrad();
            loss.forward(model.forward(xb), yb).backward();
            opt.step();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        model.eval();
        INDArray xt = test.images().reshape(test.size(), 1, 28, 28).dup();
        int[] yt = test.labels();
        int correct = 0;
        try (var g = Tensor.noGrad()) {
            for (int from = 0; from < yt.length; from += 1000) {
                INDArray pred = model.forward(new Tensor(xt.get(NDArrayIndex.interval(from, from + 1000)), false)).data().argMax(1);
                for (int i = 0; i < 1000; i++) {
                    correct += pred.getInt(i) == yt[from + i] ? 1 : 0;
                }
            }
        }
        return new double[] {seconds, correct / (double) yt.length};
    }

    static double[] torch() throws Exception {
        String script = String.join("\n",
                "import gzip, time, numpy as np, torch, torch.nn as nn",
                "torch.set_num_threads(1); torch.manual_seed(42)",
                "def idx(p, off):",
                "    with gzip.open(p) as f: return np.frombuffer(f.read(), np.uint8, offset=off)",
                "d = '/usr/share/datasets/fashion-mnist/'",
                "X = torch.tensor(idx(d + 'train-images-idx3-ubyte.gz', 16).reshape(-1, 1, 28, 28) / 255., dtype=torch.float32)",
                "Y = torch.tensor(idx(d + 'train-labels-idx1-ubyte.gz', 8).astype(np.int64))",
                "Xt = torch.tensor(idx(d + 't10k-images-idx3-ubyte.gz', 16).reshape(-1, 1, 28, 28) / 255., dtype=torch.float32)",
                "Yt = torch.tensor(idx(d + 't10k-labels-idx1-ubyte.gz', 8).astype(np.int64))",
                "m = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(),",
                "    nn.MaxPool2d(2), nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))",
                "opt = torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9)",
                "perm = torch.randperm(len(X)); t = time.perf_counter()",
                "for i in range(0, len(X), 128):",
                "    b = perm[i:i + 128]; opt.zero_grad(); nn.functional.cross_entropy(m(X[b]), Y[b]).backward(); opt.step()",
                "sec = time.perf_counter() - t",
                "with torch.no_grad(): acc = (m(Xt).argmax(1) == Yt).float().mean().item()",
                "print(sec, acc)");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().reduce("", (a, b) -> b);
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("PyTorch LeNet-5 benchmark failed: " + out);
        }
        String[] parts = out.trim().split("\\s+");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }
}
