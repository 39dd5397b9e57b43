package dl.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Array helpers of the fused recurrent kernels, which keep sequences time-major ([T, N, F], so
 * that step t is one contiguous [N, F] block) and batch-first only at their edges.
 */
final class TimeMajor {

    private TimeMajor() {}

    /** [N, T, F] → a new contiguous [T, N, F]. */
    static INDArray fromBatchFirst(INDArray x) {
        return x.permute(1, 0, 2).dup('c');
    }

    /** [T, N, F] → a new contiguous [N, T, F]. */
    static INDArray toBatchFirst(INDArray x) {
        return x.permute(1, 0, 2).dup('c');
    }

    /** Step t of a [T, N, F] array: a [N, F] view. */
    static INDArray at(INDArray a, long t) {
        return a.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
    }

    /** Columns [from, to) of a [N, F] array: a view. */
    static INDArray cols(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    /** The [T·N, F] rows of a contiguous [T, N, F] array (a view). */
    static INDArray rows(INDArray a) {
        return a.reshape('c', a.size(0) * a.size(1), a.size(2));
    }

    /** x [T·N, in] W [G, in]ᵀ + b: the input projection of every step in one gemm, as [T, N, G]. */
    static INDArray project(INDArray xT, INDArray w, INDArray b) {
        long t = xT.size(0);
        long n = xT.size(1);
        INDArray out = Nd4j.create(xT.dataType(), t * n, w.size(0));
        Nd4j.gemm(rows(xT), w, out, false, true, 1.0, 0.0);
        out.addiRowVector(b);
        return out.reshape('c', t, n, w.size(0));
    }

    /**
     * Backward of {@link #project}: from dG [T, N, G] the gradients of x (batch-first [N, T, in]),
     * W [G, in] and b [G]; entries are null when {@code need} says so.
     */
    static INDArray[] projectBackward(INDArray dG, INDArray xT, INDArray w, boolean needX, boolean needW, boolean needB) {
        INDArray dRows = rows(dG);
        INDArray dx = null;
        if (needX) {
            INDArray dxRows = Nd4j.create(dG.dataType(), dRows.size(0), w.size(1));
            Nd4j.gemm(dRows, w, dxRows, false, false, 1.0, 0.0);
            dx = toBatchFirst(dxRows.reshape('c', xT.size(0), xT.size(1), xT.size(2)));
        }
        INDArray dw = null;
        if (needW) {
            dw = Nd4j.create(dG.dataType(), w.size(0), w.size(1));
            Nd4j.gemm(dRows, rows(xT), dw, true, false, 1.0, 0.0);
        }
        return new INDArray[] {dx, dw, needB ? dRows.sum(0) : null};
    }

    /** The mask of step t as [N, 1] in type of {@code like}, or null. */
    static INDArray maskAt(INDArray mask, long t, INDArray like) {
        if (mask == null) {
            return null;
        }
        INDArray m = at(mask, t);
        return m.dataType() == like.dataType() ? m : m.castTo(like.dataType());
    }
}
