package dl.optim;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam: momentum (a moving average of gradients) divided by the root of a moving average of
 * squared gradients, both corrected for starting at zero. Exactly as PyTorch 1.13's
 * {@code torch.optim.Adam} (and, with decoupled weight decay, {@code torch.optim.AdamW}):
 * <pre>
 *   d = g + λ·p                      (L2 weight decay λ; Adam)
 *   p = (1 − lr·λ)·p,  d = g         (decoupled weight decay; AdamW)
 *   m = β₁·m + (1 − β₁)·d            (first moment,  exp_avg)
 *   v = β₂·v + (1 − β₂)·d²           (second moment, exp_avg_sq)
 *   v̂max = max(v̂max, v)             (amsgrad only: use the largest v seen)
 *   p = p − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 * The last line is lr·m̂/(√v̂ + ε) with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), ε added after the root
 * (the course writes √(v̂ + ε)). The first step is ≈ lr·sign(g).
 *
 * <p>Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0, amsgrad false.
 * State per parameter: {@code exp_avg}, {@code exp_avg_sq}, {@code max_exp_avg_sq} (amsgrad).
 */
public class Adam extends Optimizer {

    /** β₁, the decay of the first moment (PyTorch's betas[0]). */
    public static final Option<Double> BETA1 = Option.number("beta1");

    /** β₂, the decay of the second moment (PyTorch's betas[1]). */
    public static final Option<Double> BETA2 = Option.number("beta2");

    /** AMSGrad: divide by the largest second moment seen. */
    public static final Option<Boolean> AMSGRAD = Option.flag("amsgrad");

    /** Decoupled weight decay (AdamW) instead of an L2 term. */
    public static final Option<Boolean> DECOUPLED_WEIGHT_DECAY = Option.flag("decoupled_weight_decay");

    /** Adam with PyTorch's default lr 1e-3. */
    public Adam(Iterable<? extends Tensor> params) {
        this(params, 1e-3);
    }

    public Adam(Iterable<? extends Tensor> params, double lr) {
        this("Adam", params, lr, false, 0.0);
    }

    /** For {@link AdamW}: the same algorithm with decoupled weight decay by default. */
    protected Adam(String kind, Iterable<? extends Tensor> params, double lr, boolean decoupled, double weightDecay) {
        super(kind, lr);
        declare(BETA1, 0.9, v -> v >= 0 && v < 1, "in [0, 1)");
        declare(BETA2, 0.999, v -> v >= 0 && v < 1, "in [0, 1)");
        declare(EPS, 1e-8, v -> v >= 0 && Double.isFinite(v), ">= 0");
        declare(WEIGHT_DECAY, weightDecay, v -> v >= 0 && Double.isFinite(v), ">= 0");
        declareFlag(AMSGRAD, false);
        declareFlag(DECOUPLED_WEIGHT_DECAY, decoupled);
        addParamGroup(params);
    }

    /** β₁ (first moment) and β₂ (second moment), each in [0, 1). */
    public Adam betas(double beta1, double beta2) {
        setDefault(BETA1, beta1);
        setDefault(BETA2, beta2);
        return this;
    }

    public Adam eps(double eps) {
        setDefault(EPS, eps);
        return this;
    }

    /** Weight decay λ: an L2 term in the gradient (Adam) or a direct shrink of p (decoupled, AdamW). */
    public Adam weightDecay(double weightDecay) {
        setDefault(WEIGHT_DECAY, weightDecay);
        return this;
    }

    /** AMSGrad: divide by the largest second moment seen so far. */
    public Adam amsgrad(boolean amsgrad) {
        setDefault(AMSGRAD, amsgrad);
        return this;
    }

    /** true: p = (1 − lr·λ)·p before the step (AdamW); false: d = g + λ·p (Adam). */
    public Adam decoupledWeightDecay(boolean decoupled) {
        setDefault(DECOUPLED_WEIGHT_DECAY, decoupled);
        return this;
    }

    @Override
    protected void update(Tensor param, INDArray g, ParamGroup group, ParamState state) {
        INDArray p = param.data();
        double lr = group.lr();
        double beta1 = group.get(BETA1);
        double beta2 = group.get(BETA2);
        double wd = group.get(WEIGHT_DECAY);
        long t = state.step();

        INDArray d = g;
        if (wd != 0) {
            if (group.get(DECOUPLED_WEIGHT_DECAY)) {
                InPlace.scale(p, 1 - lr * wd);  // p = (1 − lr·λ)·p
            } else {
                d = scratch(param, 1).assign(g);  // d = g + λ·p
                InPlace.addScaled(d, wd, p);
            }
        }
        INDArray s = scratch(param, 0);
        INDArray m = state.buffer("exp_avg", p, 0);
        INDArray v = state.buffer("exp_avg_sq", p, 0);
        InPlace.addScaled(InPlace.scale(m, beta1), 1 - beta1, d);  // m = β₁·m + (1 − β₁)·d
        InPlace.addScaled(InPlace.scale(v, beta2), 1 - beta2, s.assign(d).muli(d)); // v = β₂·v + (1 − β₂)·d²

        INDArray denominatorSource = v;
        if (group.get(AMSGRAD)) {
            INDArray vMax = state.buffer("max_exp_avg_sq", p, 0);
            Transforms.max(vMax, v, false);  // v̂max = max(v̂max, v)
            denominatorSource = vMax;
        }
        double biasCorrection1 = 1 - Math.pow(beta1, t);
        double biasCorrection2 = 1 - Math.pow(beta2, t);
        double stepSize = lr / biasCorrection1;
        Transforms.sqrt(s.assign(denominatorSource), false)
                .divi(Math.sqrt(biasCorrection2)).addi(group.get(EPS));  // s = √v/√(1 − β₂ᵗ) + ε
        InPlace.addScaled(p, -stepSize, s.rdivi(m));  // p = p − stepSize·m/s
    }
}
