package dl.nn;

import dl.tensor.Tensor;

/** y = x: a placeholder layer (e.g. to switch a block off without changing the model's structure). */
public class Identity extends Module {
    @Override
    protected Tensor compute(Tensor x) {
        return x;
    }
}
