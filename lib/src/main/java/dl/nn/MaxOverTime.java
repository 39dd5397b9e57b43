package dl.nn;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * Max-over-time pooling of text CNNs: z[n,c] = max_t x[n,c,t] ([N, C, L] → [N, C]), one number per
 * filter whatever the sentence length (the global max Z_r = max_ij z_ij,r). dL/dx: g to the arg-max.
 */
public class MaxOverTime extends Module {
    @Override
    protected Tensor compute(Tensor x) {
        if (x.rank() != 3) {
            throw new ShapeException("MaxOverTime.forward: input x has shape " + Arrays.toString(x.shape()) + ", expected (N, C, L)");
        }
        return x.max(2, false);
    }
}
