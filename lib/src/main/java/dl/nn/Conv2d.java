package dl.nn;

import dl.init.Init;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2-D convolution (cross-correlation, as every framework computes it):
 * <pre>
 *   y[n,o,a,b] = b[o] + Σ_{c in group} Σ_{i,j} W[o,c,i,j] · x[n, c, s·a + d·i − p, s·b + d·j − p]
 * </pre>
 * Shapes: x [N, C_in, H, W], W [C_out, C_in/groups, kH, kW], b [C_out], y [N, C_out, H', W'] with
 * H' = ⌊(H + 2p − d·(kH − 1) − 1) / s⌋ + 1. Parameters K·K·C_in·C_out/groups + C_out (1,792 for
 * 3×3, 3 → 64). Groups split the channels into independent convolutions; groups = C_in is the
 * depthwise convolution. Padding: a number per side, "valid" (0) or "same" (output size = input
 * size, stride 1; an odd total d·(k − 1) puts the extra row at the bottom/right, as PyTorch), filled
 * with zeros, a reflection or a replica of the border ({@link PaddingMode}). Non-zero modes pad
 * explicitly and then convolve without padding.
 *
 * <p>Runs libnd4j's native conv2d / conv2d_bp kernels. Initialization as PyTorch: W and b
 * ~ U(−1/√fan_in, 1/√fan_in), fan_in = C_in/groups·kH·kW.
 *
 * <pre>{@code
 * var conv = new Conv2d(3, 16, 3).padding(1);          // 3x3, same size
 * var down = new Conv2d(16, 32, 3).stride(2).padding(1); // halves H and W
 * var dw = new Conv2d(32, 32, new int[] {3, 3}, 32, false).padding("same"); // depthwise
 * }</pre>
 */
public class Conv2d extends Module {

    private final int in;
    private final int out;
    private final int[] kernel;
    private final int groups;
    private final Parameter weight;
    private final Parameter bias;
    private int[] stride = {1, 1};
    private int[] padding = {0, 0};
    private boolean same;
    private int[] dilation = {1, 1};
    private PaddingMode mode = PaddingMode.ZEROS;

    /** A convolution with bias; {@code kernel} is one size or (height, width). Stride 1, no padding. */
    public Conv2d(int in, int out, int... kernel) {
        this(in, out, kernel, 1, true);
    }

    /** A convolution with {@code groups} channel groups, with or without bias. */
    public Conv2d(int in, int out, int[] kernel, int groups, boolean bias) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Conv2d: channels must be positive, got in=" + in + ", out=" + out);
        }
        this.kernel = ConvArgs.positive("Conv2d", "kernel", kernel);
        ConvArgs.checkGroups("Conv2d", in, out, groups);
        this.in = in;
        this.out = out;
        this.groups = groups;
        this.weight = param("weight", Nd4j.zeros(DataType.FLOAT, out, in / groups, this.kernel[0], this.kernel[1]));
        this.bias = bias ? param("bias", Nd4j.zeros(DataType.FLOAT, out)) : null;
        resetParameters();
    }

    /** Draws W and b again as PyTorch: U(±1/√fan_in). Returns this. */
    public Conv2d resetParameters() {
        Init.kaimingUniform(weight, Math.sqrt(5), Init.FanMode.FAN_IN, "leaky_relu");
        if (bias != null) {
            double bound = 1 / Math.sqrt((double) in / groups * kernel[0] * kernel[1]);
            Init.uniform(bias, -bound, bound);
        }
        return this;
    }

    /** Step of the window: one value or (height, width). Returns this. */
    public Conv2d stride(int... s) {
        int[] st = ConvArgs.positive(layer(), "stride", s);
        if (same && (st[0] != 1 || st[1] != 1)) {
            throw new IllegalArgumentException(layer() + ": padding='same' is not supported for strided convolutions, got stride "
                    + Arrays.toString(st));
        }
        this.stride = st;
        return this;
    }

    /** Padding on each side: one value or (height, width). Returns this. */
    public Conv2d padding(int... p) {
        this.padding = ConvArgs.nonNegative(layer(), "padding", p);
        this.same = false;
        return this;
    }

    /** "valid" (no padding) or "same" (output size = input size; needs stride 1). Returns this. */
    public Conv2d padding(String kind) {
        if ("valid".equals(kind)) {
            return padding(0);
        }
        if (!"same".equals(kind)) {
            throw new IllegalArgumentException(layer() + ": padding must be a number, \"valid\" or \"same\", got \"" + kind + "\"");
        }
        if (stride[0] != 1 || stride[1] != 1) {
            throw new IllegalArgumentException(layer() + ": padding='same' is not supported for strided convolutions, got stride "
                    + Arrays.toString(stride));
        }
        this.same = true;
        return this;
    }

    /** Spacing of the kernel taps: one value or (height, width). Returns this. */
    public Conv2d dilation(int... d) {
        this.dilation = ConvArgs.positive(layer(), "dilation", d);
        return this;
    }

    /** How the padded border is filled. Returns this. */
    public Conv2d paddingMode(PaddingMode m) {
        if (m == null) {
            throw new IllegalArgumentException(layer() + ": paddingMode must be ZEROS, REFLECT or REPLICATE, got null");
        }
        this.mode = m;
        return this;
    }

    public Parameter weight() {
        return weight;
    }

    /** b, or null without bias. */
    public Parameter bias() {
        return bias;
    }

    public int inChannels() {
        return in;
    }

    public int outChannels() {
        return out;
    }

    public int groups() {
        return groups;
    }

    @Override
    protected Tensor compute(Tensor x) {
        String layer = layer();
        ConvArgs.checkImages(layer, x, in, this);
        int[] before = same ? new int[] {dilation[0] * (kernel[0] - 1) / 2, dilation[1] * (kernel[1] - 1) / 2} : padding;
        int[] after = same ? new int[] {dilation[0] * (kernel[0] - 1) - before[0], dilation[1] * (kernel[1] - 1) - before[1]} : padding;
        ConvArgs.checkFits(layer, x, x.size(2) + before[0] + after[0], x.size(3) + before[1] + after[1], kernel, dilation);
        boolean symmetric = before[0] == after[0] && before[1] == after[1];
        if (mode == PaddingMode.ZEROS && symmetric) {
            return ConvOps.conv2d(x, weight, bias, stride, before, dilation, groups);
        }
        if (mode == PaddingMode.REFLECT && (Math.max(before[0], after[0]) >= x.size(2) || Math.max(before[1], after[1]) >= x.size(3))) {
            throw new ShapeException(layer + ".forward: input x has shape " + Arrays.toString(x.shape()) + ": reflect padding "
                    + Arrays.toString(padding) + " must be smaller than the input size in each dimension");
        }
        Tensor padded = ConvOps.pad2d(x, before[0], after[0], before[1], after[1], mode);
        return ConvOps.conv2d(padded, weight, bias, stride, new int[] {0, 0}, dilation, groups);
    }

    private String layer() {
        return "Conv2d(" + in + " -> " + out + ")";
    }

    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder(in + " -> " + out + ", kernel=" + ConvArgs.pairText(kernel));
        if (stride[0] != 1 || stride[1] != 1) {
            s.append(", stride=").append(ConvArgs.pairText(stride));
        }
        if (same) {
            s.append(", padding=same");
        } else if (padding[0] != 0 || padding[1] != 0) {
            s.append(", padding=").append(ConvArgs.pairText(padding));
        }
        if (dilation[0] != 1 || dilation[1] != 1) {
            s.append(", dilation=").append(ConvArgs.pairText(dilation));
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (bias == null) {
            s.append(", bias=false");
        }
        if (mode != PaddingMode.ZEROS) {
            s.append(", padding_mode=").append(mode.name().toLowerCase());
        }
        return s.toString();
    }
}
