package dl.nn;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalization over a batch [N, C] (or [N, C, L], e.g. channels of a sequence, with the
 * statistics over N and L as in PyTorch), per feature c:
 * <pre>
 *   x̂ = (x − μ_B) / √(σ²_B + ε),   y = γ·x̂ + β
 * </pre>
 * with the batch mean μ_B and the biased batch variance σ²_B = mean((x − μ_B)²) in training.
 * Training also updates the running statistics (PyTorch's momentum 0.1, unbiased variance):
 * r_mean ← (1 − m)·r_mean + m·μ_B,  r_var ← (1 − m)·r_var + m·σ²_B·N/(N − 1).
 * Evaluation normalizes with r_mean and r_var instead. ε = 1e-5, γ starts at 1 and β at 0.
 *
 * <p>Backward in training (the batch statistics depend on x), with ĝ = g·γ:
 * dL/dx = (ĝ − mean_N(ĝ) − x̂·mean_N(ĝ·x̂)) / √(σ²_B + ε), dL/dγ = Σ_N g·x̂, dL/dβ = Σ_N g.
 */
public class BatchNorm1d extends Module {

    private final int features;
    private final double eps;
    private final double momentum;
    private final Parameter gamma;
    private final Parameter beta;
    private final Tensor runningMean;
    private final Tensor runningVar;

    /** ε = 1e-5, momentum 0.1, learnable γ and β (PyTorch's defaults). */
    public BatchNorm1d(int features) {
        this(features, 1e-5, 0.1, true);
    }

    /** {@code affine = false} leaves out γ and β (y = x̂). */
    public BatchNorm1d(int features, double eps, double momentum, boolean affine) {
        if (features <= 0) {
            throw new IllegalArgumentException("BatchNorm1d: features must be positive, got " + features);
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("BatchNorm1d: eps must be > 0, got " + eps);
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNorm1d: momentum must be in [0, 1], got " + momentum);
        }
        this.features = features;
        this.eps = eps;
        this.momentum = momentum;
        this.gamma = affine ? param("weight", Nd4j.ones(DataType.FLOAT, features)) : null;
        this.beta = affine ? param("bias", Nd4j.zeros(DataType.FLOAT, features)) : null;
        this.runningMean = buffer("running_mean", Nd4j.zeros(DataType.FLOAT, features));
        this.runningVar = buffer("running_var", Nd4j.ones(DataType.FLOAT, features));
    }

    /** Number of features (channels) C. */
    public int numFeatures() {
        return features;
    }

    /** γ (PyTorch's {@code weight}), shape [C], or null without affine. */
    public Parameter gamma() {
        return gamma;
    }

    /** β (PyTorch's {@code bias}), shape [C], or null without affine. */
    public Parameter beta() {
        return beta;
    }

    /** The running mean used in evaluation (updated in place during training). */
    public INDArray runningMean() {
        return runningMean.data();
    }

    /** The running (unbiased) variance used in evaluation. */
    public INDArray runningVar() {
        return runningVar.data();
    }

    @Override
    protected Tensor compute(Tensor x) {
        if ((x.rank() != 2 && x.rank() != 3) || x.size(1) != features) {
            throw new ShapeException("BatchNorm1d(" + features + ").forward: input x has shape " + Arrays.toString(x.shape())
                    + ", expected (N, " + features + ") or (N, " + features + ", L)"
                    + (x.rank() >= 2 && x.size(x.rank() - 1) == features && x.rank() == 3
                            ? "; hint: the features are on the last axis, move them to axis 1: x.permute(0, 2, 1)" : ""));
        }
        if (x.rank() == 3) {
            return sequence(x);
        }
        if (gamma != null && x.dtype() != gamma.dtype() || x.dtype() != runningMean.dtype()) {
            throw new IllegalArgumentException("BatchNorm1d(" + features + ").forward: input is " + x.dtype()
                    + " but the layer is " + runningMean.dtype() + "; convert the input or the model (toDouble/toFloat)");
        }
        return isTraining() ? normalizeWithBatchStats(x) : normalizeWithRunningStats(x);
    }

    /**
     * [N, C, L] as PyTorch: every position l of every sample is one more observation of channel
     * c, so the statistics run over N and L. Composed from the [N·L, C] case with permute and
     * reshape, whose backward passes route the gradient back (no derivative of its own).
     */
    private Tensor sequence(Tensor x) {
        long n = x.size(0);
        long length = x.size(2);
        Tensor rows = x.permute(0, 2, 1).reshape(n * length, features);   // [N, L, C] -> [N·L, C]
        Tensor y = compute(rows, Arrays.toString(x.shape()));
        return y.reshape(n, length, features).permute(0, 2, 1);
    }

    private Tensor compute(Tensor rows, String inputShape) {
        if (gamma != null && rows.dtype() != gamma.dtype() || rows.dtype() != runningMean.dtype()) {
            throw new IllegalArgumentException("BatchNorm1d(" + features + ").forward: input is " + rows.dtype()
                    + " but the layer is " + runningMean.dtype() + "; convert the input or the model (toDouble/toFloat)");
        }
        if (isTraining() && rows.size(0) < 2) {
            throw new IllegalArgumentException("BatchNorm1d(" + features + ").forward: training needs more than one value"
                    + " per channel to estimate a variance, got shape " + inputShape + "; use eval() for single samples");
        }
        return isTraining() ? normalizeWithBatchStats(rows) : normalizeWithRunningStats(rows);
    }

    private Tensor normalizeWithBatchStats(Tensor x) {
        long n = x.size(0);
        if (n < 2) {
            throw new IllegalArgumentException("BatchNorm1d(" + features + ").forward: training needs more than one sample"
                    + " per batch to estimate a variance, got shape " + Arrays.toString(x.shape()) + "; use eval() for single samples");
        }
        INDArray xd = x.data();
        INDArray mu = xd.mean(0);
        INDArray centered = xd.subRowVector(mu);
        INDArray var = centered.mul(centered).mean(0);                 // biased σ²_B
        INDArray inv = Transforms.pow(var.add(eps), -0.5, false);      // 1 / √(σ²_B + ε)
        INDArray xhat = centered.muliRowVector(inv);
        INDArray y = affine(xhat);

        runningMean.data().muli(1 - momentum).addi(mu.muli(momentum));
        runningVar.data().muli(1 - momentum).addi(var.mul(momentum * n / (n - 1.0))); // unbiased σ²

        // dL/dx = (ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) / √(σ²_B + ε), ĝ = g·γ;  dL/dγ = Σ g·x̂;  dL/dβ = Σ g
        return op(y, g -> {
            INDArray gh = gamma == null ? g : g.mulRowVector(gamma.data());
            INDArray meanG = gh.mean(0);
            INDArray meanGX = gh.mul(xhat).mean(0);
            return gh.subRowVector(meanG).subi(xhat.mulRowVector(meanGX)).muliRowVector(inv);
        }, xhat, x);
    }

    private Tensor normalizeWithRunningStats(Tensor x) {
        INDArray inv = Transforms.pow(runningVar.data().add(eps), -0.5, false);
        INDArray xhat = x.data().subRowVector(runningMean.data()).muliRowVector(inv);
        INDArray y = affine(xhat);
        // the statistics are constants here: dL/dx = g·γ / √(r_var + ε)
        return op(y, g -> (gamma == null ? g : g.mulRowVector(gamma.data())).mulRowVector(inv), xhat, x);
    }

    private INDArray affine(INDArray xhat) {
        return gamma == null ? xhat.dup() : xhat.mulRowVector(gamma.data()).addiRowVector(beta.data());
    }

    /** Records the op with inputs x (and γ, β): the γ and β gradients are the same in both modes. */
    private Tensor op(INDArray y, java.util.function.UnaryOperator<INDArray> gradX, INDArray xhat, Tensor x) {
        if (gamma == null) {
            return Tensor.op("batchNorm", y, g -> new INDArray[] {x.requiresGrad() ? gradX.apply(g) : null}, x);
        }
        return Tensor.op("batchNorm", y, g -> new INDArray[] {
                x.requiresGrad() ? gradX.apply(g) : null,
                gamma.requiresGrad() ? g.mul(xhat).sum(0) : null,
                beta.requiresGrad() ? g.sum(0) : null}, x, gamma, beta);
    }

    @Override
    protected String extraRepr() {
        String s = String.valueOf(features);
        if (eps != 1e-5) {
            s += ", eps=" + eps;
        }
        if (momentum != 0.1) {
            s += ", momentum=" + momentum;
        }
        return gamma == null ? s + ", affine=false" : s;
    }
}
