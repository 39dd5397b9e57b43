package dl.init;

import dl.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Weight initializers with PyTorch's formulas ({@code torch.nn.init}), applied in place to a
 * parameter and drawing from Nd4j's generator, so {@code Course.seed(n)} repeats them.
 *
 * <p>For a weight of shape [out, in, k...] the fans are fan_in = in·k..., fan_out = out·k...
 * ({@link #fans(long...)}). Then
 * <ul>
 * <li>Xavier/Glorot: std = gain·√(2 / (fan_in + fan_out)); uniform on [−a, a] with a = √3·std,
 *     or normal N(0, std²).</li>
 * <li>He/Kaiming: std = gain / √fan (fan = fan_in or fan_out); uniform with a = √3·std,
 *     or N(0, std²). The default gain is ReLU's √2.</li>
 * </ul>
 * {@link #gain(String, double)} gives the gain of a nonlinearity: linear and sigmoid 1, tanh 5/3,
 * relu √2, leaky_relu √(2 / (1 + slope²)), selu 3/4.
 *
 * <p>Each method returns the tensor it filled, so {@code Init.xavierUniform(fc.weight())} reads as a
 * statement and {@code Init::xavierUniform} fits an {@link Initializer}.
 */
public final class Init {

    /** Which fan Kaiming initialization keeps the variance of: forward (FAN_IN) or backward (FAN_OUT). */
    public enum FanMode { FAN_IN, FAN_OUT }

    /** The fans of a weight: inputs and outputs per unit, times the receptive field for conv kernels. */
    public record Fans(long fanIn, long fanOut) {}

    private Init() {}

    // ---------------------------------------------------------------- formulas

    /**
     * fan_in = shape[1]·r and fan_out = shape[0]·r, with r = shape[2]·shape[3]·... the receptive
     * field (1 for a Linear weight [out, in]); as torch.nn.init._calculate_fan_in_and_fan_out.
     */
    public static Fans fans(long... shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("Init.fans: fan in and fan out need a weight with at least 2 dimensions, got shape "
                    + Arrays.toString(shape));
        }
        long receptive = 1;
        for (int i = 2; i < shape.length; i++) {
            receptive *= shape[i];
        }
        return new Fans(shape[1] * receptive, shape[0] * receptive);
    }

    /** {@link #gain(String, double)} with PyTorch's default parameter (slope 0.01 for leaky_relu). */
    public static double gain(String nonlinearity) {
        return gain(nonlinearity, Double.NaN);
    }

    /**
     * The recommended gain of a nonlinearity, as torch.nn.init.calculate_gain: 1 for linear,
     * identity, conv*, sigmoid; 5/3 for tanh; √2 for relu; √(2 / (1 + slope²)) for leaky_relu
     * ({@code param} = slope, NaN for the default 0.01); 3/4 for selu.
     */
    public static double gain(String nonlinearity, double param) {
        String n = nonlinearity.toLowerCase(Locale.ROOT);
        switch (n) {
            case "linear", "identity", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                    "conv_transpose3d", "sigmoid":
                return 1.0;
            case "tanh":
                return 5.0 / 3;
            case "relu":
                return Math.sqrt(2.0);
            case "leaky_relu", "leakyrelu":
                double slope = Double.isNaN(param) ? 0.01 : param;
                return Math.sqrt(2.0 / (1 + slope * slope));
            case "selu":
                return 3.0 / 4;
            default:
                throw new IllegalArgumentException("Init.gain: unknown nonlinearity '" + nonlinearity
                        + "'; use linear, sigmoid, tanh, relu, leaky_relu, selu or conv2d");
        }
    }

    /** Xavier's standard deviation gain·√(2 / (fan_in + fan_out)). */
    public static double xavierStd(Fans f, double gain) {
        return gain * Math.sqrt(2.0 / (f.fanIn() + f.fanOut()));
    }

    /** Kaiming's standard deviation gain / √fan. */
    public static double kaimingStd(Fans f, FanMode mode, double gain) {
        long fan = mode == FanMode.FAN_IN ? f.fanIn() : f.fanOut();
        if (fan == 0) {
            throw new IllegalArgumentException("Init.kaiming: the fan is 0 (a weight with a zero dimension)");
        }
        return gain / Math.sqrt(fan);
    }

    // ---------------------------------------------------------------- fills

    /** Every value = {@code value}. */
    public static <T extends Tensor> T constant(T t, double value) {
        t.data().assign(value);
        return t;
    }

    public static <T extends Tensor> T zeros(T t) {
        return constant(t, 0);
    }

    public static <T extends Tensor> T ones(T t) {
        return constant(t, 1);
    }

    /** Uniform on [a, b). */
    public static <T extends Tensor> T uniform(T t, double a, double b) {
        if (!(a <= b)) {
            throw new IllegalArgumentException("Init.uniform: need a <= b, got a=" + a + ", b=" + b);
        }
        INDArray u = Nd4j.rand(t.dtype(), t.shape()); // [0, 1)
        t.data().assign(u.muli(b - a).addi(a));
        return t;
    }

    /** Normal N(mean, std²). */
    public static <T extends Tensor> T normal(T t, double mean, double std) {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("Init.normal: std must be >= 0, got " + std);
        }
        INDArray z = Nd4j.randn(t.dtype(), t.shape());
        t.data().assign(z.muli(std).addi(mean));
        return t;
    }

    /** Xavier/Glorot uniform with gain 1: U(−a, a), a = √(6 / (fan_in + fan_out)). */
    public static <T extends Tensor> T xavierUniform(T t) {
        return xavierUniform(t, 1.0);
    }

    /** Xavier/Glorot uniform: U(−a, a), a = gain·√(6 / (fan_in + fan_out)). */
    public static <T extends Tensor> T xavierUniform(T t, double gain) {
        double bound = Math.sqrt(3.0) * xavierStd(fans(t.shape()), gain);
        return uniform(t, -bound, bound);
    }

    /** Xavier/Glorot normal with gain 1: N(0, 2 / (fan_in + fan_out)). */
    public static <T extends Tensor> T xavierNormal(T t) {
        return xavierNormal(t, 1.0);
    }

    /** Xavier/Glorot normal: N(0, std²), std = gain·√(2 / (fan_in + fan_out)). */
    public static <T extends Tensor> T xavierNormal(T t, double gain) {
        return normal(t, 0, xavierStd(fans(t.shape()), gain));
    }

    /** He/Kaiming uniform for ReLU (PyTorch's defaults a = 0, fan_in, leaky_relu): U(−b, b), b = √(6 / fan_in). */
    public static <T extends Tensor> T kaimingUniform(T t) {
        return kaimingUniform(t, 0, FanMode.FAN_IN, "leaky_relu");
    }

    /**
     * He/Kaiming uniform: U(−b, b), b = √3·gain / √fan, gain = gain(nonlinearity, a).
     * PyTorch's Linear uses a = √5 with leaky_relu, which gives b = 1 / √fan_in.
     */
    public static <T extends Tensor> T kaimingUniform(T t, double a, FanMode mode, String nonlinearity) {
        double bound = Math.sqrt(3.0) * kaimingStd(fans(t.shape()), mode, gain(nonlinearity, a));
        return uniform(t, -bound, bound);
    }

    /** He/Kaiming normal for ReLU: N(0, 2 / fan_in). */
    public static <T extends Tensor> T kaimingNormal(T t) {
        return kaimingNormal(t, 0, FanMode.FAN_IN, "leaky_relu");
    }

    /** He/Kaiming normal: N(0, std²), std = gain(nonlinearity, a) / √fan. */
    public static <T extends Tensor> T kaimingNormal(T t, double a, FanMode mode, String nonlinearity) {
        return normal(t, 0, kaimingStd(fans(t.shape()), mode, gain(nonlinearity, a)));
    }
}
