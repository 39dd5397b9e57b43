package dl.nn;

import dl.init.Init;
import dl.init.Initializer;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fully connected layer y = x Wᵀ + b.
 *
 * <p>Shapes: x [N, in] (or [..., in], or [in]), W [out, in] (as PyTorch), b [out], y [N, out].
 * Gradients: dL/dx = g W, dL/dW = gᵀ x, dL/db = Σ_n g. It has in·out + out parameters
 * (785,000 for 784 -> 1000).
 *
 * <p>Initialization as PyTorch: W ~ U(−1/√in, 1/√in) (kaiming_uniform with a = √5) and
 * b ~ U(−1/√in, 1/√in), drawn from Nd4j's seeded generator.
 */
public class Linear extends Module {

    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    /** A layer with bias, fp32. */
    public Linear(int in, int out) {
        this(in, out, true);
    }

    /** {@code bias = false} leaves out b (y = x Wᵀ). */
    public Linear(int in, int out, boolean bias) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear: sizes must be positive, got in=" + in + ", out=" + out);
        }
        this.in = in;
        this.out = out;
        this.weight = param("weight", Nd4j.zeros(DataType.FLOAT, out, in));
        this.bias = bias ? param("bias", Nd4j.zeros(DataType.FLOAT, out)) : null;
        resetParameters();
    }

    /** Draws W and b again with PyTorch's default initialization. Returns this. */
    public Linear resetParameters() {
        Init.kaimingUniform(weight, Math.sqrt(5), Init.FanMode.FAN_IN, "leaky_relu"); // = U(±1/√in)
        if (bias != null) {
            double bound = 1 / Math.sqrt(in);
            Init.uniform(bias, -bound, bound);
        }
        return this;
    }

    /** Re-initializes W with {@code init} (e.g. {@code Init::xavierUniform}) and sets b to 0. Returns this. */
    public Linear initWeights(Initializer init) {
        init.initialize(weight);
        if (bias != null) {
            Init.zeros(bias);
        }
        return this;
    }

    /** W, shape [out, in]. */
    public Parameter weight() {
        return weight;
    }

    /** b, shape [out], or null for a layer without bias. */
    public Parameter bias() {
        return bias;
    }

    public int inFeatures() {
        return in;
    }

    public int outFeatures() {
        return out;
    }

    @Override
    protected Tensor compute(Tensor x) {
        checkInput(x);
        if (x.rank() == 2) {
            return affine(x);
        }
        // [in] or [..., in]: compute on [rows, in] and give the leading dimensions back.
        long[] lead = Arrays.copyOf(x.shape(), x.rank() - 1);
        long[] outShape = Arrays.copyOf(lead, lead.length + 1);
        outShape[lead.length] = out;
        return affine(x.reshape(-1, in)).reshape(outShape);
    }

    /** y = x Wᵀ + b for x [N, in], one operation with its own backward. */
    private Tensor affine(Tensor x) {
        INDArray xd = x.data();
        INDArray w = weight.data();
        INDArray y = xd.mmul(w.transpose());
        if (bias != null) {
            y.addiRowVector(bias.data());
        }
        // dL/dx = g W, dL/dW = gᵀ x, dL/db = Σ_n g (skipped for inputs that need no gradient)
        if (bias == null) {
            return Tensor.op("linear", y, g -> new INDArray[] {
                    x.requiresGrad() ? g.mmul(w) : null,
                    weight.requiresGrad() ? g.transpose().mmul(xd) : null}, x, weight);
        }
        return Tensor.op("linear", y, g -> new INDArray[] {
                x.requiresGrad() ? g.mmul(w) : null,
                weight.requiresGrad() ? g.transpose().mmul(xd) : null,
                bias.requiresGrad() ? g.sum(0) : null}, x, weight, bias);
    }

    private void checkInput(Tensor x) {
        if (x.rank() == 0 || x.size(-1) != in) {
            String hint = "";
            if (x.rank() > 2 && x.length() / x.size(0) == in) {
                hint = ". hint: flatten first: x.reshape(" + x.size(0) + ", " + in + ") or a Flatten layer";
            }
            throw new ShapeException("Linear(" + in + " -> " + out + ").forward: input x has shape "
                    + Arrays.toString(x.shape()) + ", expected (N, " + in + ")" + hint);
        }
        if (x.dtype() != weight.dtype()) {
            throw new IllegalArgumentException("Linear(" + in + " -> " + out + ").forward: input is " + x.dtype()
                    + " but the parameters are " + weight.dtype() + "; convert the input (x.toDouble()) or the model (model.toDouble())");
        }
    }

    @Override
    protected String extraRepr() {
        return in + " -> " + out + (bias == null ? ", bias=false" : "");
    }
}
