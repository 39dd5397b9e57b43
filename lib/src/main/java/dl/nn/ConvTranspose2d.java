package dl.nn;

import dl.init.Init;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Transposed convolution ("up-convolution", the backward pass of a convolution used forward): each
 * input pixel adds x[n,c,a,b]·W[c,o,:,:] into the output window at (s·a − p, s·b − p).
 * Shapes: x [N, C_in, H, W], W [C_in, C_out/groups, kH, kW], y [N, C_out, H', W'] with
 * H' = (H − 1)·s − 2p + d·(kH − 1) + output_padding + 1, e.g. (28, k2, s2) → 56 and
 * (4, k3, s2, p1, op1) → 8. output_padding (smaller than the stride or the dilation) picks
 * among the input sizes a strided convolution maps to the same output size.
 *
 * <p>Runs libnd4j's deconv2d / deconv2d_bp without padding, then crops (see
 * {@link ConvOps#convTranspose2d}). Initialization as PyTorch: U(±1/√fan_in) with
 * fan_in = C_out/groups·kH·kW (PyTorch computes it from the weight's second dimension).
 */
public class ConvTranspose2d extends Module {

    private final int in;
    private final int out;
    private final int[] kernel;
    private final int groups;
    private final Parameter weight;
    private final Parameter bias;
    private int[] stride = {1, 1};
    private int[] padding = {0, 0};
    private int[] outputPadding = {0, 0};
    private int[] dilation = {1, 1};

    public ConvTranspose2d(int in, int out, int... kernel) {
        this(in, out, kernel, 1, true);
    }

    public ConvTranspose2d(int in, int out, int[] kernel, int groups, boolean bias) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("ConvTranspose2d: channels must be positive, got in=" + in + ", out=" + out);
        }
        this.kernel = ConvArgs.positive("ConvTranspose2d", "kernel", kernel);
        ConvArgs.checkGroups("ConvTranspose2d", in, out, groups);
        this.in = in;
        this.out = out;
        this.groups = groups;
        this.weight = param("weight", Nd4j.zeros(DataType.FLOAT, in, out / groups, this.kernel[0], this.kernel[1]));
        this.bias = bias ? param("bias", Nd4j.zeros(DataType.FLOAT, out)) : null;
        Init.kaimingUniform(weight, Math.sqrt(5), Init.FanMode.FAN_IN, "leaky_relu");
        if (this.bias != null) {
            double bound = 1 / Math.sqrt((double) out / groups * this.kernel[0] * this.kernel[1]);
            Init.uniform(this.bias, -bound, bound);
        }
    }

    public ConvTranspose2d stride(int... s) {
        this.stride = ConvArgs.positive(layer(), "stride", s);
        return this;
    }

    public ConvTranspose2d padding(int... p) {
        this.padding = ConvArgs.nonNegative(layer(), "padding", p);
        return this;
    }

    public ConvTranspose2d outputPadding(int... p) {
        this.outputPadding = ConvArgs.nonNegative(layer(), "outputPadding", p);
        return this;
    }

    public ConvTranspose2d dilation(int... d) {
        this.dilation = ConvArgs.positive(layer(), "dilation", d);
        return this;
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    /** (H − 1)·s − 2p + d·(k − 1) + output_padding + 1 for one dimension (0 = height, 1 = width). */
    public long outputSize(long inputSize, int dim) {
        return (inputSize - 1) * stride[dim] - 2L * padding[dim] + (long) dilation[dim] * (kernel[dim] - 1) + outputPadding[dim] + 1;
    }

    @Override
    protected Tensor compute(Tensor x) {
        ConvArgs.checkImages(layer(), x, in, this);
        for (int i = 0; i < 2; i++) {
            if (outputPadding[i] >= stride[i] && outputPadding[i] >= dilation[i]) {
                throw new IllegalArgumentException(layer() + ": outputPadding " + Arrays.toString(outputPadding)
                        + " must be smaller than either the stride " + Arrays.toString(stride) + " or the dilation "
                        + Arrays.toString(dilation));
            }
        }
        long h = outputSize(x.size(2), 0);
        long w = outputSize(x.size(3), 1);
        if (h <= 0 || w <= 0) {
            throw new ShapeException(layer() + ".forward: input x has shape " + Arrays.toString(x.shape())
                    + " gives an output of " + h + "x" + w + "; reduce the padding " + Arrays.toString(padding));
        }
        return ConvOps.convTranspose2d(x, weight, bias, stride, padding, outputPadding, dilation, groups);
    }

    private String layer() {
        return "ConvTranspose2d(" + in + " -> " + out + ")";
    }

    @Override
    protected String extraRepr() {
        String s = in + " -> " + out + ", kernel=" + ConvArgs.pairText(kernel);
        if (stride[0] != 1 || stride[1] != 1) {
            s += ", stride=" + ConvArgs.pairText(stride);
        }
        if (padding[0] != 0 || padding[1] != 0) {
            s += ", padding=" + ConvArgs.pairText(padding);
        }
        if (outputPadding[0] != 0 || outputPadding[1] != 0) {
            s += ", output_padding=" + ConvArgs.pairText(outputPadding);
        }
        if (dilation[0] != 1 || dilation[1] != 1) {
            s += ", dilation=" + ConvArgs.pairText(dilation);
        }
        if (groups != 1) {
            s += ", groups=" + groups;
        }
        return bias == null ? s + ", bias=false" : s;
    }
}
