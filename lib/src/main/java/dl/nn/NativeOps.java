package dl.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Calls libnd4j's native convolution and pooling kernels (and their backprop kernels) by name,
 * always in NCHW layout with PyTorch's weight layout, into arrays allocated here.
 *
 * <p>Argument conventions, read from libnd4j's sources
 * ({@code include/ops/declarable/generic/nn/convo/conv2d.cpp}, {@code deconv2d.cpp},
 * {@code generic/nn/pooling/maxpool2d.cpp}, {@code avgpool2d.cpp}) and checked against PyTorch in
 * the tests: integer arguments kH, kW, sH, sW, pH, pW, dH, dW, sameMode (0), then for convolutions
 * data format (0 = NCHW) and weight format (1 = [oC, iC, kH, kW] for conv2d,
 * [iC, oC, kH, kW] for deconv2d, both PyTorch's); for pooling the 10th argument is the average
 * pooling divisor mode (1 = divide by kH·kW, padding included, PyTorch's default) and the 11th
 * the data format (0 = NCHW). Padding is symmetric; callers pad asymmetric cases explicitly.
 */
final class NativeOps {

    private NativeOps() {}

    private static final int NCHW = 0;
    private static final int TORCH_WEIGHTS = 1;

    /** y[n,o] = b[o] + Σ_c Σ_ij w[o,c,i,j] x[n, c, s·y + d·i − p, s·x + d·j − p] (zero outside). */
    static INDArray conv2d(INDArray x, INDArray w, INDArray b, int[] k, int[] s, int[] p, int[] d) {
        long oh = outSize(x.size(2), k[0], s[0], p[0], d[0]);
        long ow = outSize(x.size(3), k[1], s[1], p[1], d[1]);
        INDArray y = Nd4j.create(x.dataType(), x.size(0), w.size(0), oh, ow);
        INDArray[] in = b == null ? new INDArray[] {x, w} : new INDArray[] {x, w, b};
        exec("conv2d", in, new INDArray[] {y}, k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], 0, NCHW, TORCH_WEIGHTS);
        return y;
    }

    /** Gradients {dx, dw, db} of {@link #conv2d} for the output gradient g (db null without bias). */
    static INDArray[] conv2dBackward(INDArray x, INDArray w, INDArray b, INDArray g, int[] k, int[] s, int[] p, int[] d) {
        INDArray dx = Nd4j.create(x.dataType(), x.shape());
        INDArray dw = Nd4j.create(w.dataType(), w.shape());
        INDArray db = b == null ? null : Nd4j.create(b.dataType(), b.shape());
        INDArray[] in = b == null ? new INDArray[] {x, w, g} : new INDArray[] {x, w, b, g};
        INDArray[] out = b == null ? new INDArray[] {dx, dw} : new INDArray[] {dx, dw, db};
        exec("conv2d_bp", in, out, k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], 0, NCHW, TORCH_WEIGHTS);
        return new INDArray[] {dx, dw, db};
    }

    /**
     * Transposed convolution without padding, w [iC, oC, kH, kW]: every input pixel adds
     * x[n,c,y,x]·w[c,o,:,:] into the output window at (s·y, s·x), taps spaced by d.
     * Output size (H − 1)·s + d·(k − 1) + 1.
     */
    static INDArray deconv2d(INDArray x, INDArray w, int[] k, int[] s, int[] d) {
        long oh = (x.size(2) - 1) * s[0] + (long) d[0] * (k[0] - 1) + 1;
        long ow = (x.size(3) - 1) * s[1] + (long) d[1] * (k[1] - 1) + 1;
        INDArray y = Nd4j.create(x.dataType(), x.size(0), w.size(1), oh, ow);
        exec("deconv2d", new INDArray[] {x, w}, new INDArray[] {y}, k[0], k[1], s[0], s[1], 0, 0, d[0], d[1], 0, NCHW, TORCH_WEIGHTS);
        return y;
    }

    /** Gradients {dx, dw} of {@link #deconv2d}. */
    static INDArray[] deconv2dBackward(INDArray x, INDArray w, INDArray g, int[] k, int[] s, int[] d) {
        INDArray dx = Nd4j.create(x.dataType(), x.shape());
        INDArray dw = Nd4j.create(w.dataType(), w.shape());
        exec("deconv2d_bp", new INDArray[] {x, w, g}, new INDArray[] {dx, dw},
                k[0], k[1], s[0], s[1], 0, 0, d[0], d[1], 0, NCHW, TORCH_WEIGHTS);
        return new INDArray[] {dx, dw};
    }

    /** Max or average pooling; {@code avg} divides by kH·kW (padding counted as zeros, as PyTorch). */
    static INDArray pool2d(boolean avg, INDArray x, int[] k, int[] s, int[] p, int[] d) {
        long oh = outSize(x.size(2), k[0], s[0], p[0], d[0]);
        long ow = outSize(x.size(3), k[1], s[1], p[1], d[1]);
        INDArray y = Nd4j.create(x.dataType(), x.size(0), x.size(1), oh, ow);
        withoutHelpersIf(d[0] != 1 || d[1] != 1, () -> exec(avg ? "avgpool2d" : "maxpool2d", new INDArray[] {x}, new INDArray[] {y},
                k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], 0, avg ? 1 : 0, NCHW));
        return y;
    }

    /** dL/dx of {@link #pool2d}: max routes g to the arg-max of each window, average spreads g/(kH·kW). */
    static INDArray pool2dBackward(boolean avg, INDArray x, INDArray g, int[] k, int[] s, int[] p, int[] d) {
        INDArray dx = Nd4j.create(x.dataType(), x.shape());
        withoutHelpersIf(d[0] != 1 || d[1] != 1, () -> exec(avg ? "avgpool2d_bp" : "maxpool2d_bp", new INDArray[] {x, g},
                new INDArray[] {dx}, k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], 0, avg ? 1 : 0, NCHW));
        return dx;
    }

    /** ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1. */
    static long outSize(long n, int k, int s, int p, int d) {
        return Math.floorDiv(n + 2L * p - (long) d * (k - 1) - 1, s) + 1;
    }

    /**
     * Runs {@code body} with libnd4j's platform helpers (oneDNN) switched off when {@code condition}
     * holds: the oneDNN build's max pooling with dilation returns wrong values (found by the
     * PyTorch fixtures), libnd4j's own kernel is right.
     */
    private static void withoutHelpersIf(boolean condition, Runnable body) {
        if (!condition || !Nd4j.getEnvironment().helpersAllowed()) {
            body.run();
            return;
        }
        Nd4j.getEnvironment().allowHelpers(false);
        try {
            body.run();
        } finally {
            Nd4j.getEnvironment().allowHelpers(true);
        }
    }

    private static void exec(String name, INDArray[] inputs, INDArray[] outputs, int... intArgs) {
        INDArray[] in = new INDArray[inputs.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = contiguous(inputs[i]);
        }
        DynamicCustomOp op = DynamicCustomOp.builder(name).addInputs(in).addOutputs(outputs).addIntegerArguments(intArgs).build();
        try {
            Nd4j.exec(op);
        } catch (RuntimeException e) {
            // The oneDNN build (classifier linux-x86_64-onednn) rejects some configurations, e.g. a
            // dilated fp32 convolution of height 1 ("could not create a descriptor for a dilated
            // convolution"). libnd4j's own kernel handles them: run once more without platform helpers.
            if (!Nd4j.getEnvironment().helpersAllowed()) {
                throw e;
            }
            for (INDArray o : outputs) {
                o.assign(0);
            }
            Nd4j.getEnvironment().allowHelpers(false);
            try {
                Nd4j.exec(DynamicCustomOp.builder(name).addInputs(in).addOutputs(outputs).addIntegerArguments(intArgs).build());
            } finally {
                Nd4j.getEnvironment().allowHelpers(true);
            }
        }
    }

    private static INDArray contiguous(INDArray a) {
        return a.ordering() == 'c' && !a.isView() ? a : a.dup('c');
    }

    static boolean isFloating(DataType t) {
        return t == DataType.FLOAT || t == DataType.DOUBLE;
    }
}
