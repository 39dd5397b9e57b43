package dl.nn;

import dl.tensor.Tensor;

/** y = σ(x) = 1 / (1 + e^-x), elementwise; dy/dx = y (1 - y). */
public class Sigmoid extends Module {
    @Override
    protected Tensor compute(Tensor x) {
        return x.sigmoid();
    }
}
