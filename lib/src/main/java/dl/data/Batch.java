package dl.data;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A mini-batch: {@code x} stacks B examples along a new first axis ([B, ...]), {@code y} their
 * labels ([B] class ids stored as whole floats, or [B, k] targets). Both are fresh arrays:
 * changing a batch in place never changes the dataset it came from.
 */
public record Batch(INDArray x, INDArray y) {

    public Batch {
        if (x.rank() == 0 || y.rank() == 0 || x.size(0) != y.size(0)) {
            throw new IllegalArgumentException("Batch: x " + Arrays.toString(x.shape()) + " and y "
                    + Arrays.toString(y.shape()) + " must have the same number of rows");
        }
    }

    /** Number of examples B. */
    public int size() {
        return (int) x.size(0);
    }

    /** The class ids of a [B] label vector as ints. */
    public int[] labels() {
        if (y.rank() != 1) {
            throw new IllegalStateException("Batch.labels(): y has shape " + Arrays.toString(y.shape())
                    + ", expected [B] class ids");
        }
        return y.toIntVector();
    }

    /**
     * One-hot targets [B, k]: row i has a 1 in column y[i].  Fails, naming the row, when a label
     * is outside 0..k-1.
     */
    public INDArray oneHot(int numClasses) {
        int[] ids = labels();
        float[] out = new float[ids.length * numClasses];
        for (int i = 0; i < ids.length; i++) {
            Labels.requireClass("Batch.oneHot", ids[i], i, numClasses);
            out[i * numClasses + ids[i]] = 1f;
        }
        return Nd4j.create(out, new long[] {ids.length, numClasses}, DataType.FLOAT);
    }

    @Override
    public String toString() {
        return "Batch(x " + Arrays.toString(x.shape()) + ", y " + Arrays.toString(y.shape()) + ")";
    }
}
