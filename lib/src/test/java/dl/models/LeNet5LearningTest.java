package dl.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Course;
import dl.data.FashionMnist;
import dl.loss.CrossEntropyLoss;
import dl.optim.Adam;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * LeNet-5 learns Fashion-MNIST with Adam (lr 2e-3, batch 32, pixels standardized with the
 * training set's mean 0.2860 and standard deviation 0.3530). PyTorch with the same settings reached
 * 86.6% after one epoch (two seeds). Default run: the committed subset (2,000 training, 500 test
 * images), 2 epochs, test accuracy must exceed 65% (10% is chance; 72.8% measured). Opt-in ({@code -Dlenet.full=true}, needs Debian's
 * dataset-fashion-mnist): one epoch on all 60,000 training images, at least 85% on the 10,000 test images.
 */
class LeNet5LearningTest {

    @Test
    void learnsTheSubset() {
        double acc = train(FashionMnist.train(true), FashionMnist.test(true), 2);
        assertTrue(acc > 0.65, "LeNet-5 subset test accuracy " + acc + " should exceed 0.65");
    }

    @Test
    @EnabledIfSystemProperty(named = "lenet.full", matches = "true")
    void reaches85PercentAfterOneEpoch() {
        double acc = train(FashionMnist.load(FashionMnist.Part.TRAIN, FashionMnist.Source.DEBIAN),
                FashionMnist.load(FashionMnist.Part.TEST, FashionMnist.Source.DEBIAN), 1);
        assertTrue(acc >= 0.85, "LeNet-5 one-epoch test accuracy " + acc + " should be at least 0.85");
    }

    private static double train(FashionMnist trainSet, FashionMnist testSet, int epochs) {
        Course.seed(42);
        var model = new LeNet5();
        var opt = new Adam(model.parameters(), 2e-3);
        var loss = new CrossEntropyLoss();
        INDArray x = images(trainSet);
        int[] y = trainSet.labels();
        int n = y.length;
        int batch = 32;
        long start = System.nanoTime();
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = permutation(n, 1000 + epoch);
            for (int from = 0; from < n; from += batch) {
                int[] idx = Arrays.copyOfRange(order, from, Math.min(n, from + batch));
                Tensor xb = new Tensor(Nd4j.pullRows(x.reshape(n, 784), 1, idx).reshape(idx.length, 1, 28, 28), false);
                int[] yb = new int[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    yb[i] = y[idx[i]];
                }
                opt.zeroGrad();
                loss.forward(model.forward(xb), yb).backward();
                opt.step();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        model.eval();
        INDArray xt = images(testSet);
        int[] yt = testSet.labels();
        int correct = 0;
        try (var g = Tensor.noGrad()) {
            for (int from = 0; from < yt.length; from += 500) {
                int to = Math.min(yt.length, from + 500);
                INDArray pred = model.forward(new Tensor(xt.get(NDArrayIndex.interval(from, to)), false)).data().argMax(1);
                for (int i = from; i < to; i++) {
                    correct += pred.getInt(i - from) == yt[i] ? 1 : 0;
                }
            }
        }
        double acc = correct / (double) yt.length;
        System.out.printf("LeNet-5: %d training images x %d epochs in %.1f s, test accuracy %.4f on %d images%n",
                n, epochs, seconds, acc, yt.length);
        return acc;
    }

    private static INDArray images(FashionMnist set) {
        INDArray im = set.images();
        return im.reshape(im.size(0), 1, 28, 28).dup().subi(0.2860).divi(0.3530);
    }

    private static int[] permutation(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
