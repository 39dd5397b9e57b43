package dl.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Elementwise comparisons that give a mask: a BOOL tensor of the broadcast shape, with no
 * gradient (a comparison is flat almost everywhere). Values are compared exactly, in fp64 when
 * the data types differ (class ids as INT against predictions as LONG or FLOAT), and NaN is
 * unequal to everything, as in IEEE 754 and PyTorch.
 */
enum Comparison {
    EQ("eq"), NE("ne"), GT("gt"), GE("ge"), LT("lt"), LE("le");

    private final String method;

    Comparison(String method) {
        this.method = method;
    }

    boolean holds(double a, double b) {
        switch (this) {
            case EQ: return a == b;
            case NE: return a != b;
            case GT: return a > b;
            case GE: return a >= b;
            case LT: return a < b;
            default: return a <= b;
        }
    }

    Tensor apply(Tensor a, Tensor b) {
        if (b == null) {
            throw new IllegalArgumentException(a.describe() + "." + method + ": expected a tensor to compare with, got null");
        }
        if (!Tensor.broadcastable(a.shape(), Tensor.broadcastShape(a.shape(), b.shape()))
                || !Tensor.broadcastable(b.shape(), Tensor.broadcastShape(a.shape(), b.shape()))) {
            throw new ShapeException(method + ": shapes " + Arrays.toString(a.shape()) + " and "
                    + Arrays.toString(b.shape()) + " cannot be broadcast");
        }
        long[] shape = Tensor.broadcastShape(a.shape(), b.shape());
        double[] x = JavaValues.doubles(Tensor.broadcastTo(a.data(), shape));
        double[] y = JavaValues.doubles(Tensor.broadcastTo(b.data(), shape));
        boolean[] mask = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            mask[i] = holds(x[i], y[i]);
        }
        return new Tensor(shape(mask, shape));
    }

    Tensor apply(Tensor a, double c) {
        double[] x = JavaValues.doubles(a.data());
        boolean[] mask = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            mask[i] = holds(x[i], c);
        }
        return new Tensor(shape(mask, a.shape()));
    }

    private static INDArray shape(boolean[] mask, long[] shape) {
        if (shape.length == 0) {
            return Nd4j.scalar(mask[0]);
        }
        if (mask.length == 0) {
            return Nd4j.create(org.nd4j.linalg.api.buffer.DataType.BOOL, shape);
        }
        return Nd4j.createFromArray(mask).reshape('c', shape);
    }
}
