package dl.nn;

import dl.tensor.Tensor;

/**
 * The threshold unit of the perceptron: θ(x) = [x > 0] (θ(0) = 0), elementwise.
 * Forward only: its derivative is 0 wherever it exists, so no gradient flows through it;
 * AND is θ(x₁ + x₂ − 1.5), OR is θ(x₁ + x₂ − 0.5).
 */
public class Step extends Module {
    @Override
    protected Tensor compute(Tensor x) {
        return x.step();
    }
}
