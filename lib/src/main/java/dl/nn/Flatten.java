package dl.nn;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;

/** Keeps the batch dimension and flattens the rest: [N, d1, d2, ...] -> [N, d1·d2·...] (e.g. images before a Linear). */
public class Flatten extends Module {
    @Override
    protected Tensor compute(Tensor x) {
        if (x.rank() < 2) {
            throw new ShapeException("Flatten.forward: expected a batch [N, ...] with at least 2 dimensions, got shape "
                    + Arrays.toString(x.shape()));
        }
        return x.rank() == 2 ? x : x.flatten(1);
    }
}
