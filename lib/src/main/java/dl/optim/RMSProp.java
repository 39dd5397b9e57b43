package dl.optim;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * RMSProp: AdaGrad with a moving average of squared gradients instead of their sum, so steps
 * do not die out. Exactly as PyTorch 1.13's {@code torch.optim.RMSprop}:
 * <pre>
 *   d = g + λ·p                          (weight decay λ)
 *   G = α·G + (1 − α)·d²
 *   centered:  m = α·m + (1 − α)·d,  s = √(G − m²) + ε      else s = √G + ε
 *   p = p − lr·d/s                       (without momentum)
 *   b = μ·b + d/s,  p = p − lr·b         (momentum μ &gt; 0)
 * </pre>
 * The course writes √(G + ε) with ε inside the root; PyTorch adds ε after it (default 1e-8).
 * PyTorch's default α is 0.99 (the course's example uses α = 0.9).
 *
 * <p>Defaults: lr 0.01, alpha 0.99, eps 1e-8, weight_decay 0, momentum 0, centered false.
 * State per parameter: {@code square_avg} (G), {@code momentum_buffer} (b, when μ &gt; 0),
 * {@code grad_avg} (m, when centered).
 */
public class RMSProp extends Optimizer {

    /** α, the decay of the mean squared gradient. */
    public static final Option<Double> ALPHA = Option.number("alpha");

    /** Divide by the centered second moment (an estimate of the variance). */
    public static final Option<Boolean> CENTERED = Option.flag("centered");

    /** RMSProp with PyTorch's default lr 0.01. */
    public RMSProp(Iterable<? extends Tensor> params) {
        this(params, 0.01);
    }

    public RMSProp(Iterable<? extends Tensor> params, double lr) {
        super("RMSProp", lr);
        declare(ALPHA, 0.99, v -> v >= 0 && v < 1, "in [0, 1)");
        declare(EPS, 1e-8, v -> v >= 0 && Double.isFinite(v), ">= 0");
        declare(WEIGHT_DECAY, 0.0, v -> v >= 0 && Double.isFinite(v), ">= 0");
        declare(MOMENTUM, 0.0, v -> v >= 0 && v < 1, "in [0, 1)");
        declareFlag(CENTERED, false);
        addParamGroup(params);
    }

    /** Decay α of the moving average of squared gradients. */
    public RMSProp alpha(double alpha) {
        setDefault(ALPHA, alpha);
        return this;
    }

    public RMSProp eps(double eps) {
        setDefault(EPS, eps);
        return this;
    }

    public RMSProp weightDecay(double weightDecay) {
        setDefault(WEIGHT_DECAY, weightDecay);
        return this;
    }

    public RMSProp momentum(double momentum) {
        setDefault(MOMENTUM, momentum);
        return this;
    }

    /** Divide by the estimated standard deviation √(G − m²) instead of √G. */
    public RMSProp centered(boolean centered) {
        setDefault(CENTERED, centered);
        return this;
    }

    @Override
    protected void update(Tensor param, INDArray g, ParamGroup group, ParamState state) {
        INDArray p = param.data();
        double lr = group.lr();
        double alpha = group.get(ALPHA);
        double wd = group.get(WEIGHT_DECAY);
        double mu = group.get(MOMENTUM);

        INDArray d = g;
        if (wd != 0) {  // d = g + λ·p
            d = scratch(param, 1).assign(g);
            InPlace.addScaled(d, wd, p);
        }
        INDArray s = scratch(param, 0);
        INDArray sq = state.buffer("square_avg", p, 0);
        InPlace.addScaled(InPlace.scale(sq, alpha), 1 - alpha, s.assign(d).muli(d));  // G = α·G + (1 − α)·d²

        if (group.get(CENTERED)) {
            INDArray m = state.buffer("grad_avg", p, 0);
            InPlace.addScaled(InPlace.scale(m, alpha), 1 - alpha, d);  // m = α·m + (1 − α)·d
            s.assign(m).muli(m).rsubi(sq);  // s = G − m²
        } else {
            s.assign(sq);
        }
        Transforms.sqrt(s, false).addi(group.get(EPS));  // s = √(…) + ε
        s.rdivi(d);  // s = d / s

        if (mu > 0) {
            INDArray b = state.buffer("momentum_buffer", p, 0);
            InPlace.addScaled(InPlace.scale(b, mu), 1, s);  // b = μ·b + d/s
            InPlace.addScaled(p, -lr, b);
        } else {
            InPlace.addScaled(p, -lr, s);
        }
    }
}
