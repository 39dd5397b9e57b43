package dl.bench;

import dl.Course;
import dl.data.Batch;
import dl.data.DataLoader;
import dl.data.FashionMnist;
import dl.loss.CrossEntropyLoss;
import dl.metrics.Accuracy;
import dl.nn.Linear;
import dl.nn.ReLU;
import dl.nn.Sequential;
import dl.optim.SGD;
import dl.tensor.Tensor;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One epoch of the MLP 784-256-256-10 (ReLU, batch 128, SGD lr 0.1 momentum 0.9) on
 * Fashion-MNIST with the course library, written as the loop a student writes by hand,
 * plus Nd4j's fp32 matmul GFLOP/s. Prints one JSON line; {@code bench/run} compares it
 * with the same model in PyTorch (bench/src/main/python/torch_mlp.py).
 */
public final class MlpBenchmark {

    private MlpBenchmark() {}

    public static void main(String[] args) {
        Course.seed(0);
        boolean real = FashionMnist.debianInstalled();
        INDArray xTrain;
        int[] yTrain;
        INDArray xTest;
        int[] yTest;
        if (real) {
            FashionMnist train = FashionMnist.train();
            FashionMnist test = FashionMnist.test();
            xTrain = train.flat();
            yTrain = train.labels();
            xTest = test.flat();
            yTest = test.labels();
        } else {
            xTrain = Nd4j.rand(DataType.FLOAT, 60000, 784);
            yTrain = randomLabels(60000);
            xTest = Nd4j.rand(DataType.FLOAT, 10000, 784);
            yTest = randomLabels(10000);
        }
        var model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 256), new ReLU(), new Linear(256, 10));
        var loss = new CrossEntropyLoss();
        var opt = new SGD(model.parameters(), 0.1).momentum(0.9);
        DataLoader loader = dl.data.ArrayDataset.of(xTrain, yTrain, 10).loader(128).shuffle(1);

        // Warm-up on a few batches so JIT compilation and native init are not timed (torch needs none).
        trainBatches(model, loss, opt, loader, 5);
        long start = System.nanoTime();
        double last = trainBatches(model, loss, opt, loader, Integer.MAX_VALUE);
        double epochSeconds = (System.nanoTime() - start) / 1e9;

        model.eval();
        double acc;
        try (var g = Tensor.noGrad()) {
            acc = Accuracy.of(model.forward(Tensor.of(xTest)), yTest);
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"framework\": \"course-lib (Nd4j %s)\", \"threads\": %d, \"data\": \"%s\", \"epoch_seconds\": %.4f, "
                        + "\"test_accuracy\": %.4f, \"last_loss\": %.4f, \"matmul_gflops_1024\": %.2f, \"blas\": \"%s\"}",
                "1.0.0-M2.1", Nd4j.getEnvironment().maxMasterThreads(), real ? "fashion-mnist" : "synthetic",
                epochSeconds, acc, last, matmulGflops(1024, 20), Nd4j.getBlasWrapper().getClass().getSimpleName()
                        + " / " + System.getProperty("org.bytedeco.openblas.load", "bundled OpenBLAS")));
    }

    /** The hand-written training loop; returns the last batch's loss. */
    static double trainBatches(Sequential model, CrossEntropyLoss loss, SGD opt, DataLoader loader, int maxBatches) {
        double last = Double.NaN;
        int n = 0;
        for (Batch b : loader) {
            if (n++ >= maxBatches) {
                break;
            }
            opt.zeroGrad();
            Tensor l = loss.forward(model.forward(Tensor.of(b.x())), b.labels());
            l.backward();
            opt.step();
            last = l.item();
        }
        return last;
    }

    /** fp32 GFLOP/s of C = A·B into a preallocated C (2n³ flops per product). */
    static double matmulGflops(int n, int reps) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {n, n}, 'f');
        a.mmuli(b, c);
        long t = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            a.mmuli(b, c);
        }
        return 2.0 * n * n * n * reps / ((System.nanoTime() - t) / 1e9) / 1e9;
    }

    private static int[] randomLabels(int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = Course.rng().nextInt(10);
        }
        return y;
    }
}
