package dl.nn;

import dl.tensor.Tensor;

/** y = tanh x = 2σ(2x) - 1, elementwise; dy/dx = 1 - y². */
public class Tanh extends Module {
    @Override
    protected Tensor compute(Tensor x) {
        return x.tanh();
    }
}
