package dl.data;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An image array held in Java: {@code count} planes of h x w floats (the last two axes), with the
 * full shape. Image operations and augmentations work on it, so a chain of them costs no Nd4j
 * allocation until the result is turned back into an INDArray.
 */
record Planes(long[] shape, int h, int w, int count, float[] data) {

    /** Copies an INDArray [.., H, W] into Java. */
    static Planes of(String op, INDArray x) {
        return of(op, JavaArrays.floats(x), x.shape());
    }

    /** Wraps (does not copy) row-major data of the given shape. */
    static Planes of(String op, float[] data, long[] shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException(op + ": expected an image [H, W], [C, H, W] or [B, C, H, W], got shape "
                    + Arrays.toString(shape) + ". hint: reshape a flat row first, e.g. x.reshape(1, 28, 28)");
        }
        int h = (int) shape[shape.length - 2];
        int w = (int) shape[shape.length - 1];
        int count = h * w == 0 ? 0 : data.length / (h * w);
        return new Planes(shape.clone(), h, w, count, data);
    }

    /** New planes with the same leading axes and the given data and plane size. */
    Planes with(float[] values, int newH, int newW) {
        long[] s = shape.clone();
        s[s.length - 2] = newH;
        s[s.length - 1] = newW;
        return new Planes(s, newH, newW, count, values);
    }

    INDArray toArray() {
        return Nd4j.create(data, shape, DataType.FLOAT);
    }
}
