package dl.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The value of a fused recurrent op, [N, T + k, H]: the T outputs, then the k final states,
 * so that one autograd op can return several tensors (sliced apart afterwards).
 */
final class Packed {

    private Packed() {}

    /** Position p along the time axis: a [N, H] view. */
    static INDArray get(INDArray packed, long p) {
        return packed.get(NDArrayIndex.all(), NDArrayIndex.point(p), NDArrayIndex.all());
    }

    static void put(INDArray packed, long p, INDArray value) {
        get(packed, p).assign(value);
    }
}
