package dl.attention;

import dl.tensor.Tensor;

/**
 * The result of attention: the context vectors c [N, Tq, dv] and the weights α [N, Tq, Tk]
 * (each row sums to 1 over the keys), kept so that they can be drawn as a heatmap
 * ({@code weights().data().slice(0)} is the matrix of the first example).
 */
public record Attended(Tensor context, Tensor weights) {

    /** The weights of example {@code n} as rows (queries) of columns (keys), for a heatmap. */
    public double[][] weightMatrix(int n) {
        return weights.data().slice(n).toDoubleMatrix();
    }
}
