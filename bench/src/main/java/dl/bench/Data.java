package dl.bench;

import dl.Course;
import dl.data.FashionMnist;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fashion-MNIST as flat fp32 rows in [0, 1] (Debian's dataset-fashion-mnist), or random data of
 * the same shapes when it is not installed; loaded once and shared by the benchmarks.
 */
public final class Data {

    final boolean real;
    final INDArray xTrain;
    final int[] yTrain;
    final INDArray xTest;
    final int[] yTest;

    private Data(boolean real, INDArray xTrain, int[] yTrain, INDArray xTest, int[] yTest) {
        this.real = real;
        this.xTrain = xTrain;
        this.yTrain = yTrain;
        this.xTest = xTest;
        this.yTest = yTest;
    }

    static Data load() {
        Course.seed(0);
        if (FashionMnist.debianInstalled()) {
            FashionMnist train = FashionMnist.train();
            FashionMnist test = FashionMnist.test();
            return new Data(true, train.flat(), train.labels(), test.flat(), test.labels());
        }
        return new Data(false, Nd4j.rand(DataType.FLOAT, 60000, 784), randomLabels(60000),
                Nd4j.rand(DataType.FLOAT, 10000, 784), randomLabels(10000));
    }

    String source() {
        return real ? "fashion-mnist" : "synthetic";
    }

    private static int[] randomLabels(int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = Course.rng().nextInt(10);
        }
        return y;
    }
}
