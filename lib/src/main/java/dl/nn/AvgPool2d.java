package dl.nn;

import dl.tensor.Tensor;

/**
 * Average pooling: y = (1 / (kH·kW)) Σ over the window, padded cells counted as zeros
 * (PyTorch's default count_include_pad=True). dL/dx: each window spreads g/(kH·kW) over its cells.
 * Native avgpool2d kernels.
 */
public class AvgPool2d extends Pool2d {

    public AvgPool2d(int... kernel) {
        super(kernel);
    }

    public AvgPool2d stride(int... s) {
        setStride(s);
        return this;
    }

    public AvgPool2d padding(int... p) {
        setPadding(p);
        return this;
    }

    @Override
    protected Tensor compute(Tensor x) {
        checkInput(x);
        return ConvOps.avgPool2d(x, kernel, stride, padding);
    }
}
