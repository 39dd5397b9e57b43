package dl.nn;

import dl.tensor.Tensor;

/** y = max(0, x), elementwise; dy/dx = [x > 0] (0 at x = 0, as PyTorch). */
public class ReLU extends Module {
    @Override
    protected Tensor compute(Tensor x) {
        return x.relu();
    }
}
