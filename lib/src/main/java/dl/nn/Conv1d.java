package dl.nn;

import dl.init.Init;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 1-D convolution over sequences (text CNNs, signals):
 * y[n,o,t] = b[o] + Σ_{c in group} Σ_i W[o,c,i] · x[n, c, s·t + d·i − p].
 * Shapes: x [N, C_in, L], W [C_out, C_in/groups, K], y [N, C_out, L'] with
 * L' = ⌊(L + 2p − d·(K − 1) − 1) / s⌋ + 1. Computed as a {@link Conv2d} on images of height 1
 * (same native kernels); padding modes and "same" as there. Initialization U(±1/√(C_in/groups·K)).
 */
public class Conv1d extends Module {

    private final int in;
    private final int out;
    private final int kernel;
    private final int groups;
    private final Parameter weight;
    private final Parameter bias;
    private int stride = 1;
    private int padding;
    private boolean same;
    private int dilation = 1;
    private PaddingMode mode = PaddingMode.ZEROS;

    public Conv1d(int in, int out, int kernel) {
        this(in, out, kernel, 1, true);
    }

    public Conv1d(int in, int out, int kernel, int groups, boolean bias) {
        if (in <= 0 || out <= 0 || kernel <= 0) {
            throw new IllegalArgumentException("Conv1d: channels and kernel must be positive, got in=" + in + ", out=" + out
                    + ", kernel=" + kernel);
        }
        ConvArgs.checkGroups("Conv1d", in, out, groups);
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.groups = groups;
        this.weight = param("weight", Nd4j.zeros(DataType.FLOAT, out, in / groups, kernel));
        this.bias = bias ? param("bias", Nd4j.zeros(DataType.FLOAT, out)) : null;
        Init.kaimingUniform(weight, Math.sqrt(5), Init.FanMode.FAN_IN, "leaky_relu");
        if (this.bias != null) {
            double bound = 1 / Math.sqrt((double) in / groups * kernel);
            Init.uniform(this.bias, -bound, bound);
        }
    }

    public Conv1d stride(int s) {
        if (s <= 0) {
            throw new IllegalArgumentException(layer() + ": stride must be positive, got " + s);
        }
        if (same && s != 1) {
            throw new IllegalArgumentException(layer() + ": padding='same' is not supported for strided convolutions, got stride " + s);
        }
        this.stride = s;
        return this;
    }

    public Conv1d padding(int p) {
        if (p < 0) {
            throw new IllegalArgumentException(layer() + ": padding must be >= 0, got " + p);
        }
        this.padding = p;
        this.same = false;
        return this;
    }

    /** "valid" or "same" (stride 1). */
    public Conv1d padding(String kind) {
        if ("valid".equals(kind)) {
            return padding(0);
        }
        if (!"same".equals(kind)) {
            throw new IllegalArgumentException(layer() + ": padding must be a number, \"valid\" or \"same\", got \"" + kind + "\"");
        }
        if (stride != 1) {
            throw new IllegalArgumentException(layer() + ": padding='same' is not supported for strided convolutions, got stride " + stride);
        }
        this.same = true;
        return this;
    }

    public Conv1d dilation(int d) {
        if (d <= 0) {
            throw new IllegalArgumentException(layer() + ": dilation must be positive, got " + d);
        }
        this.dilation = d;
        return this;
    }

    public Conv1d paddingMode(PaddingMode m) {
        if (m == null) {
            throw new IllegalArgumentException(layer() + ": paddingMode must be ZEROS, REFLECT or REPLICATE, got null");
        }
        this.mode = m;
        return this;
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    protected Tensor compute(Tensor x) {
        if (x.rank() != 3 || x.size(1) != in) {
            throw new ShapeException(layer() + ".forward: input x has shape " + Arrays.toString(x.shape())
                    + ", expected (N, " + in + ", L)");
        }
        ConvArgs.checkDtype(layer(), x, this);
        int before = same ? dilation * (kernel - 1) / 2 : padding;
        int after = same ? dilation * (kernel - 1) - before : padding;
        long l = x.size(2);
        if (l + before + after < (long) dilation * (kernel - 1) + 1) {
            throw new ShapeException(layer() + ".forward: input x has shape " + Arrays.toString(x.shape()) + ": the padded length "
                    + (l + before + after) + " is shorter than the (dilated) kernel " + ((long) dilation * (kernel - 1) + 1));
        }
        if (mode == PaddingMode.REFLECT && Math.max(before, after) >= l) {
            throw new ShapeException(layer() + ".forward: input x has shape " + Arrays.toString(x.shape())
                    + ": reflect padding " + Math.max(before, after) + " must be smaller than the length " + l);
        }
        Tensor x4 = x.unsqueeze(2);
        Tensor w4 = weight.unsqueeze(2);
        int[] one = {1, stride};
        int[] dil = {1, dilation};
        Tensor y;
        if (mode == PaddingMode.ZEROS && before == after) {
            y = ConvOps.conv2d(x4, w4, bias, one, new int[] {0, before}, dil, groups);
        } else {
            y = ConvOps.conv2d(ConvOps.pad2d(x4, 0, 0, before, after, mode), w4, bias, one, new int[] {0, 0}, dil, groups);
        }
        return y.squeeze(2);
    }

    private String layer() {
        return "Conv1d(" + in + " -> " + out + ")";
    }

    @Override
    protected String extraRepr() {
        String s = in + " -> " + out + ", kernel=" + kernel;
        if (stride != 1) {
            s += ", stride=" + stride;
        }
        if (same) {
            s += ", padding=same";
        } else if (padding != 0) {
            s += ", padding=" + padding;
        }
        if (dilation != 1) {
            s += ", dilation=" + dilation;
        }
        if (groups != 1) {
            s += ", groups=" + groups;
        }
        return bias == null ? s + ", bias=false" : s;
    }
}
