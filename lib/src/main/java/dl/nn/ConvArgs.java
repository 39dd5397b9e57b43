package dl.nn;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;

/** Argument checks shared by the convolution and pooling layers; messages name the layer and the argument. */
final class ConvArgs {

    private ConvArgs() {}

    /** One value for both dimensions or (height, width). */
    /** Channel groups that PyTorch accepts: positive and dividing both channel counts. */
    static void checkGroups(String layer, int in, int out, int groups) {
        if (groups <= 0 || in % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException(layer + "(" + in + " -> " + out + "): groups must be positive and divide both"
                    + " in_channels and out_channels, got groups=" + groups);
        }
    }

    static int[] pair(String layer, String arg, int[] v) {
        if (v == null || v.length < 1 || v.length > 2) {
            throw new IllegalArgumentException(layer + ": " + arg + " takes one value or (height, width), got "
                    + (v == null ? "null" : Arrays.toString(v)));
        }
        return v.length == 1 ? new int[] {v[0], v[0]} : v.clone();
    }

    static int[] positive(String layer, String arg, int[] v) {
        int[] p = pair(layer, arg, v);
        if (p[0] <= 0 || p[1] <= 0) {
            throw new IllegalArgumentException(layer + ": " + arg + " must be positive, got " + Arrays.toString(p));
        }
        return p;
    }

    static int[] nonNegative(String layer, String arg, int[] v) {
        int[] p = pair(layer, arg, v);
        if (p[0] < 0 || p[1] < 0) {
            throw new IllegalArgumentException(layer + ": " + arg + " must be >= 0, got " + Arrays.toString(p));
        }
        return p;
    }

    /** A batch [N, C, H, W] with C channels (c < 0: any), of the layer's dtype. */
    static void checkImages(String layer, Tensor x, long c, Module m) {
        if (x.rank() != 4 || (c >= 0 && x.size(1) != c)) {
            String hint = x.rank() == 3 ? ". hint: a single image needs a batch dimension: x.unsqueeze(0)" : "";
            throw new ShapeException(layer + ".forward: input x has shape " + Arrays.toString(x.shape())
                    + ", expected (N, " + (c < 0 ? "C" : String.valueOf(c)) + ", H, W)" + hint);
        }
        checkDtype(layer, x, m);
    }

    static void checkDtype(String layer, Tensor x, Module m) {
        if (!m.parameters().isEmpty() && x.dtype() != m.dtype()) {
            throw new IllegalArgumentException(layer + ".forward: input is " + x.dtype() + " but the parameters are "
                    + m.dtype() + "; convert the input (x.toDouble()) or the model (model.toDouble())");
        }
    }

    /** The padded input must hold at least one window: PyTorch's "kernel size can't be greater than actual input size". */
    static void checkFits(String layer, Tensor x, long paddedH, long paddedW, int[] k, int[] d) {
        long eh = (long) d[0] * (k[0] - 1) + 1;
        long ew = (long) d[1] * (k[1] - 1) + 1;
        if (paddedH < eh || paddedW < ew) {
            throw new ShapeException(layer + ".forward: input x has shape " + Arrays.toString(x.shape())
                    + ": the padded input per channel is " + paddedH + "x" + paddedW + ", smaller than the (dilated) kernel "
                    + eh + "x" + ew + "; use a smaller kernel or more padding, or a larger input");
        }
    }

    static String pairText(int[] p) {
        return p[0] == p[1] ? String.valueOf(p[0]) : "(" + p[0] + ", " + p[1] + ")";
    }
}
