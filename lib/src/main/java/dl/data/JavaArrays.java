package dl.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Copies an array's elements (row-major) into a Java array with as few native calls as possible. */
final class JavaArrays {

    private JavaArrays() {}

    /** The elements of {@code a} in c order, as floats. */
    static float[] floats(INDArray a) {
        boolean whole = a.dataType() == DataType.FLOAT && rowMajor(a) && a.offset() == 0 && a.data().length() == a.length();
        if (whole) {
            return a.data().asFloat();
        }
        return a.dup('c').castTo(DataType.FLOAT).data().asFloat();
    }

    /**
     * True when the elements lie in row-major order without gaps (an offset is allowed). Unlike
     * Nd4j's default-stride test this ignores the stride of size-1 axes, which a reshape such as
     * [N, 28, 28] -> [N, 1, 28, 28] leaves at any value.
     */
    static boolean rowMajor(INDArray a) {
        long expected = 1;
        long[] shape = a.shape();
        long[] stride = a.stride();
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }
}
