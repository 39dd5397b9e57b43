package dl.nn;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Enlarges feature maps [N, C, H, W] by a scale factor or to a size, as PyTorch's nn.Upsample:
 * NEAREST copies input ⌊i·scale⌋ to output i; BILINEAR interpolates between the two nearest
 * inputs in each direction (align_corners=false: src = (i + ½)·scale − ½; true: corners map to
 * corners), with scale = 1/factor (or in/out for a size). Both are separable linear maps
 * y = A·x·Bᵀ, so dL/dx = Aᵀ·g·B.
 */
public class Upsample extends Module {

    /** How new pixels are filled. */
    public enum Mode { NEAREST, BILINEAR }

    private final double factorH;
    private final double factorW;
    private final int height;
    private final int width;
    private final Mode mode;
    private boolean alignCorners;

    /** Nearest-neighbour upsampling by {@code factor} (2 doubles H and W). */
    public Upsample(double factor) {
        this(factor, Mode.NEAREST);
    }

    public Upsample(double factor, Mode mode) {
        this(factor, factor, 0, 0, mode);
    }

    private Upsample(double fh, double fw, int h, int w, Mode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("Upsample: mode must be NEAREST or BILINEAR, got null");
        }
        if (h == 0 && !(fh > 0 && fw > 0)) {
            throw new IllegalArgumentException("Upsample: scale factor must be > 0, got " + fh);
        }
        this.factorH = fh;
        this.factorW = fw;
        this.height = h;
        this.width = w;
        this.mode = mode;
    }

    /** Resizes to {@code height × width} whatever the input size. */
    public static Upsample toSize(int height, int width, Mode mode) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("Upsample.toSize: size must be positive, got " + height + "x" + width);
        }
        return new Upsample(0, 0, height, width, mode);
    }

    /** BILINEAR only: map the corner pixels of input and output onto each other. Returns this. */
    public Upsample alignCorners(boolean on) {
        if (mode != Mode.BILINEAR && on) {
            throw new IllegalArgumentException("Upsample: alignCorners applies to BILINEAR only, mode is " + mode);
        }
        this.alignCorners = on;
        return this;
    }

    @Override
    protected Tensor compute(Tensor x) {
        ConvArgs.checkImages("Upsample", x, -1, this);
        long h = x.size(2);
        long w = x.size(3);
        long oh = height > 0 ? height : (long) Math.floor(h * factorH);
        long ow = width > 0 ? width : (long) Math.floor(w * factorW);
        double sh = height > 0 ? (double) h / oh : 1 / factorH;
        double sw = width > 0 ? (double) w / ow : 1 / factorW;
        INDArray a = mode == Mode.NEAREST ? Resampling.nearest(h, oh, sh) : Resampling.linear(h, oh, sh, alignCorners);
        INDArray b = mode == Mode.NEAREST ? Resampling.nearest(w, ow, sw) : Resampling.linear(w, ow, sw, alignCorners);
        return ConvOps.separable(mode == Mode.NEAREST ? "upsampleNearest" : "upsampleBilinear", x, a, b);
    }

    @Override
    protected String extraRepr() {
        String size = height > 0 ? "size=" + height + "x" + width : "scale=" + (factorH == factorW ? String.valueOf(factorH) : factorH + "x" + factorW);
        return size + ", mode=" + mode.name().toLowerCase() + (alignCorners ? ", align_corners=true" : "");
    }
}
