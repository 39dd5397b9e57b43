package dl.vision;

/**
 * Arithmetic of convolution and pooling layers, for the course's worked examples (chapter 10).
 *
 * <p>Each function returns the number; the {@code explain...} variants return a sentence that
 * shows the formula with the numbers filled in, for a notebook cell.
 */
public final class ConvArithmetic {
    private ConvArithmetic() {
    }

    /**
     * Output length along one axis: {@code floor((n + 2p - d(k-1) - 1) / s) + 1}.
     *
     * <p>The kernel covers a span of {@code d(k-1) + 1} inputs; it must fit in the padded input.
     *
     * @param n input size (height or width)
     * @param k kernel size
     * @param p padding on each side
     * @param s stride
     * @param d dilation (1 for an ordinary kernel)
     * @throws IllegalArgumentException if a size, stride or dilation is below 1, the padding is
     *     negative, or the kernel span is larger than the padded input
     */
    public static int outputSize(int n, int k, int p, int s, int d) {
        positive("input size", n);
        positive("kernel size", k);
        positive("stride", s);
        positive("dilation", d);
        if (p < 0) {
            throw new IllegalArgumentException("padding must be >= 0, given " + p);
        }
        int span = d * (k - 1) + 1;
        if (n + 2 * p < span) {
            throw new IllegalArgumentException("kernel span d(k-1)+1 = " + span
                    + " is larger than the padded input n+2p = " + (n + 2 * p));
        }
        return (n + 2 * p - span) / s + 1;
    }

    /** Output size with stride 1 and dilation 1. */
    public static int outputSize(int n, int k, int p) {
        return outputSize(n, k, p, 1, 1);
    }

    /**
     * Padding per side that keeps the size ("same") at stride 1: {@code p = d(k-1)/2}.
     *
     * @throws IllegalArgumentException if {@code d(k-1)} is odd (an even span, such as k = 4), which
     *     cannot be padded equally on both sides
     */
    public static int samePadding(int k, int d) {
        positive("kernel size", k);
        positive("dilation", d);
        int total = d * (k - 1);
        if (total % 2 != 0) {
            throw new IllegalArgumentException("'same' padding needs an even d(k-1), given k=" + k
                    + ", d=" + d + " (total padding " + total + " cannot be split evenly)");
        }
        return total / 2;
    }

    /** The output-size formula with the numbers filled in. */
    public static String explainOutputSize(int n, int k, int p, int s, int d) {
        int out = outputSize(n, k, p, s, d);
        return String.format("out = floor((n + 2p - d(k-1) - 1) / s) + 1 = floor((%d + %d - %d - 1) / %d) + 1 = %d",
                n, 2 * p, d * (k - 1), s, out);
    }

    /**
     * Pooling output size: the convolution formula with d = 1, {@code floor((n + 2p - k) / s) + 1}.
     *
     * <p>Note the argument order follows PyTorch's {@code MaxPool2d(kernel, stride, padding)}:
     * stride before padding (unlike {@link #outputSize(int, int, int, int, int)}).
     *
     * @param n input size
     * @param k pooling window
     * @param s stride (often equal to k)
     * @param p padding on each side
     */
    public static int poolOutputSize(int n, int k, int s, int p) {
        return outputSize(n, k, p, s, 1);
    }

    /**
     * Parameters of a 2-D convolution: {@code Kh·Kw·(Cin/groups)·Cout + Cout} (the {@code + Cout}
     * bias term only with bias). Depthwise: {@code groups = Cin = Cout}.
     *
     * @throws IllegalArgumentException if a number is below 1 or groups does not divide both
     *     channel counts
     */
    public static long conv2dParameters(int kh, int kw, int cin, int cout, int groups, boolean bias) {
        positive("kernel height", kh);
        positive("kernel width", kw);
        positive("in channels", cin);
        positive("out channels", cout);
        positive("groups", groups);
        if (cin % groups != 0 || cout % groups != 0) {
            throw new IllegalArgumentException("groups=" + groups + " must divide in channels " + cin
                    + " and out channels " + cout);
        }
        return (long) kh * kw * (cin / groups) * cout + (bias ? cout : 0);
    }

    /** {@code K·K·Cin·Cout + Cout}: square kernel, one group, with bias. */
    public static long conv2dParameters(int k, int cin, int cout) {
        return conv2dParameters(k, k, cin, cout, 1, true);
    }

    /** The parameter count formula with numbers. */
    public static String explainParameters(int k, int cin, int cout) {
        return String.format("K·K·Cin·Cout + Cout = %d·%d·%d·%d + %d = %d", k, k, cin, cout, cout,
                conv2dParameters(k, cin, cout));
    }

    /**
     * Multiplications of one 2-D convolution on one image: each of the {@code Hout·Wout·Cout}
     * outputs takes {@code Kh·Kw·Cin/groups} products.
     */
    public static long conv2dMultiplications(int hout, int wout, int kh, int kw, int cin, int cout, int groups) {
        positive("output height", hout);
        positive("output width", wout);
        conv2dParameters(kh, kw, cin, cout, groups, false); // validates the arguments
        return (long) hout * wout * cout * ((long) kh * kw * (cin / groups));
    }

    /**
     * Receptive field of a stack of layers, each given as {@code {kernel}}, {@code {kernel, stride}}
     * or {@code {kernel, stride, dilation}} (missing values are 1).
     *
     * <p>{@code r_L = r_{L-1} + d_L·(k_L - 1)·(s_1·…·s_{L-1})}, starting from {@code r_0 = 1}:
     * two 3×3 layers see 5×5, three see 7×7.
     *
     * @throws IllegalArgumentException if a layer has not 1 to 3 numbers or a number below 1
     */
    public static int receptiveField(int[]... layers) {
        int r = 1;
        int jump = 1;
        for (int i = 0; i < layers.length; i++) {
            int[] l = layers[i];
            if (l.length < 1 || l.length > 3) {
                throw new IllegalArgumentException("layer " + i + ": expected {kernel[, stride[, dilation]]}, given "
                        + l.length + " numbers");
            }
            int k = l[0];
            int s = l.length > 1 ? l[1] : 1;
            int d = l.length > 2 ? l[2] : 1;
            positive("layer " + i + " kernel", k);
            positive("layer " + i + " stride", s);
            positive("layer " + i + " dilation", d);
            r = Math.addExact(r, Math.multiplyExact(d * (k - 1), jump));
            jump = Math.multiplyExact(jump, s);
        }
        return r;
    }

    /**
     * The receptive-field recurrence with the numbers filled in, e.g. for two 3×3 layers
     * {@code "r = 1 + 1·2·1 + 1·2·1 = 5"}: one term {@code d·(k-1)·(product of earlier strides)} per layer.
     */
    public static String explainReceptiveField(int[]... layers) {
        int r = receptiveField(layers); // validates the layers
        StringBuilder sb = new StringBuilder("r = 1");
        int jump = 1;
        for (int[] l : layers) {
            int k = l[0];
            int s = l.length > 1 ? l[1] : 1;
            int d = l.length > 2 ? l[2] : 1;
            sb.append(" + ").append(d).append('·').append(k - 1).append('·').append(jump);
            jump *= s;
        }
        return sb.append(" = ").append(r).toString();
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, given " + v);
        }
    }
}
