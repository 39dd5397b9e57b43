package dl.nn;

import dl.tensor.Tensor;

/**
 * Max pooling: y[n,c,a,b] = max_{i,j} x[n, c, s·a + d·i − p, s·b + d·j − p], padded cells never
 * win. dL/dx: each window's gradient goes to the position of its maximum. Native maxpool2d kernels.
 */
public class MaxPool2d extends Pool2d {

    /** A window of one size or (height, width), stride = window. */
    public MaxPool2d(int... kernel) {
        super(kernel);
    }

    public MaxPool2d stride(int... s) {
        setStride(s);
        return this;
    }

    public MaxPool2d padding(int... p) {
        setPadding(p);
        return this;
    }

    public MaxPool2d dilation(int... d) {
        this.dilation = ConvArgs.positive(typeName(), "dilation", d);
        return this;
    }

    @Override
    protected Tensor compute(Tensor x) {
        checkInput(x);
        return ConvOps.maxPool2d(x, kernel, stride, padding, dilation);
    }
}
