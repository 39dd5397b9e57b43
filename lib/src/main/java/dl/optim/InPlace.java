package dl.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The optimizers' two in-place primitives, y = y + α·x and y = α·y, without temporaries.
 *
 * <p>BLAS (axpy, scal) runs them several times faster than Nd4j's element-wise ops on one
 * core, but it walks raw buffers and so is only correct for whole, contiguous arrays laid out
 * in the same order; views and mixed layouts take Nd4j's ops, which follow the strides.
 */
final class InPlace {

    private InPlace() {}

    /** target ← target + alpha · x (same shapes). Returns target. */
    static INDArray addScaled(INDArray target, double alpha, INDArray x) {
        if (dense(target) && dense(x) && x.dataType() == target.dataType() && x.ordering() == target.ordering()
                && x.length() == target.length()) {
            Nd4j.getBlasWrapper().level1().axpy(target.length(), alpha, x, target);
        } else if (alpha == 1.0) {
            target.addi(x);
        } else {
            Nd4j.exec(new Axpy(x, target, target, alpha));
        }
        return target;
    }

    /** target ← alpha · target. Returns target. */
    static INDArray scale(INDArray target, double alpha) {
        if (dense(target)) {
            Nd4j.getBlasWrapper().level1().scal(target.length(), alpha, target);
        } else {
            target.muli(alpha);
        }
        return target;
    }

    /** A whole fp32/fp64 array whose elements are consecutive in its buffer. */
    private static boolean dense(INDArray a) {
        DataType t = a.dataType();
        return (t == DataType.FLOAT || t == DataType.DOUBLE) && !a.isView() && a.elementWiseStride() == 1;
    }
}
