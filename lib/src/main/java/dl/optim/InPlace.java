package dl.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * y += α·x without allocating a temporary α·x (the optimizers' hot path).
 *
 * <p>BLAS axpy is the fastest, but it walks raw buffers and so is only correct when both arrays
 * are whole, contiguous arrays laid out in the same order; views and mixed layouts take Nd4j's
 * element-wise Axpy op, which follows the arrays' strides.
 */
final class InPlace {

    private InPlace() {}

    /** target ← target + alpha · x (same shapes). Returns target. */
    static INDArray addScaled(INDArray target, double alpha, INDArray x) {
        if (alpha == 1.0) {
            return target.addi(x);
        }
        if (sameDenseLayout(target, x)) {
            Nd4j.getBlasWrapper().level1().axpy(target.length(), alpha, x, target);
        } else {
            Nd4j.exec(new Axpy(x, target, target, alpha));
        }
        return target;
    }

    private static boolean sameDenseLayout(INDArray a, INDArray b) {
        DataType t = a.dataType();
        return (t == DataType.FLOAT || t == DataType.DOUBLE) && b.dataType() == t
                && !a.isView() && !b.isView()
                && a.ordering() == b.ordering()
                && a.elementWiseStride() == 1 && b.elementWiseStride() == 1
                && a.length() == b.length();
    }
}
