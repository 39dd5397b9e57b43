package dl.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One example of a {@link Dataset}: its features {@code x} (shape of one row, e.g. [784] or
 * [1, 28, 28]) and its label {@code y} (a scalar class id, or a target vector [k]).
 */
public record Example(INDArray x, INDArray y) {

    /** The label as a class id; fails when the label is not a single whole number. */
    public int label() {
        if (y.length() != 1) {
            throw new IllegalStateException("Example.label(): y has shape "
                    + java.util.Arrays.toString(y.shape()) + ", expected a single class id");
        }
        double v = y.getDouble(0);
        if (v != Math.rint(v)) {
            throw new IllegalStateException("Example.label(): y = " + v + " is not a whole class id");
        }
        return (int) v;
    }

    @Override
    public String toString() {
        return "Example(x " + java.util.Arrays.toString(x.shape()) + ", y "
                + (y.length() == 1 ? String.valueOf(y.getDouble(0)) : java.util.Arrays.toString(y.shape())) + ")";
    }
}
