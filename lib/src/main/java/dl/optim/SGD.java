package dl.optim;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stochastic gradient descent, with optional momentum, Nesterov momentum and weight decay,
 * exactly as PyTorch 1.13's {@code torch.optim.SGD}:
 * <pre>
 *   d = g + λ·p                        (weight decay λ, an L2 penalty ½λ‖p‖²)
 *   v = d                 on the first step,
 *   v = μ·v + (1 − τ)·d   afterwards   (momentum μ, dampening τ)
 *   p = p − lr·v                       (or p − lr·(d + μ·v) with Nesterov)
 * </pre>
 * Without momentum (μ = 0) this is plain gradient descent p = p − lr·d.
 *
 * <p><b>Where lr sits.</b> The course writes momentum as h = α·h + η·g, w = w − h. PyTorch keeps
 * the velocity without the learning rate (v = μ·v + g, p = p − lr·v), so h = lr·v: both give the
 * same iterates while the learning rate is constant, and differ once a schedule changes it
 * (PyTorch's form applies a new lr to the whole velocity at once).
 *
 * <p><b>Nesterov.</b> The course evaluates the gradient at the look-ahead point w − α·h. PyTorch
 * (Sutskever et al. 2013) stores that look-ahead point itself as the parameter: its p equals the
 * course's w − α·h, so the course's w is p + μ·lr·v. The update p = p − lr·(g + μ·v) then needs
 * only the gradient at p.
 *
 * <p>State per parameter: {@code momentum_buffer} (v), when μ &gt; 0.
 */
public class SGD extends Optimizer {

    /** Dampening τ: the new gradient enters the velocity with weight 1 − τ. */
    public static final Option<Double> DAMPENING = Option.number("dampening");

    /** Nesterov momentum on or off. */
    public static final Option<Boolean> NESTEROV = Option.flag("nesterov");

    /** Plain SGD with learning rate {@code lr} (&gt; 0); see the fluent settings for the variants. */
    public SGD(Iterable<? extends Tensor> params, double lr) {
        super("SGD", lr);
        declare(MOMENTUM, 0.0, v -> v >= 0 && v < 1, "in [0, 1)");
        declare(DAMPENING, 0.0, v -> v >= 0 && v <= 1, "in [0, 1]");
        declare(WEIGHT_DECAY, 0.0, v -> v >= 0 && Double.isFinite(v), ">= 0");
        declareFlag(NESTEROV, false);
        addParamGroup(params);
    }

    /** Momentum μ in [0, 1) (PyTorch's default 0: plain SGD). */
    public SGD momentum(double momentum) {
        setDefault(MOMENTUM, momentum);
        return this;
    }

    /** Dampening τ in [0, 1]: the new gradient enters the velocity with weight 1 − τ. */
    public SGD dampening(double dampening) {
        setDefault(DAMPENING, dampening);
        return this;
    }

    /** Nesterov momentum (needs momentum &gt; 0 and dampening 0, checked at the first step). */
    public SGD nesterov(boolean nesterov) {
        setDefault(NESTEROV, nesterov);
        return this;
    }

    /** L2 weight decay λ ≥ 0, added to the gradient: d = g + λ·p. */
    public SGD weightDecay(double weightDecay) {
        setDefault(WEIGHT_DECAY, weightDecay);
        return this;
    }

    @Override
    protected void checkGroup(ParamGroup group) {
        if (group.get(NESTEROV) && (group.get(MOMENTUM) <= 0 || group.get(DAMPENING) != 0)) {
            throw new IllegalArgumentException("SGD group " + group.index()
                    + ": nesterov needs momentum > 0 and dampening = 0, got momentum " + group.get(MOMENTUM)
                    + " and dampening " + group.get(DAMPENING));
        }
    }

    @Override
    protected void update(Tensor param, INDArray g, ParamGroup group, ParamState state) {
        INDArray p = param.data();
        double lr = group.lr();
        double mu = group.get(MOMENTUM);
        double wd = group.get(WEIGHT_DECAY);

        if (mu == 0) {
            // p = p − lr·(g + λ·p) = (1 − lr·λ)·p − lr·g
            if (wd != 0) {
                InPlace.scale(p, 1 - lr * wd);
            }
            InPlace.addScaled(p, -lr, g);
            return;
        }

        double tau = group.get(DAMPENING);
        INDArray v = state.get("momentum_buffer");
        if (v == null) {
            // v = d = g + λ·p: no dampening on the first step
            v = g.dup();
            if (wd != 0) {
                InPlace.addScaled(v, wd, p);
            }
            state.put("momentum_buffer", v);
        } else {
            // v = μ·v + (1 − τ)·(g + λ·p)
            InPlace.scale(v, mu);
            InPlace.addScaled(v, 1 - tau, g);
            if (wd != 0) {
                InPlace.addScaled(v, (1 - tau) * wd, p);
            }
        }

        if (group.get(NESTEROV)) {
            // p = p − lr·(g + λ·p + μ·v)
            if (wd != 0) {
                InPlace.scale(p, 1 - lr * wd);
            }
            InPlace.addScaled(p, -lr, g);
            InPlace.addScaled(p, -lr * mu, v);
        } else {
            // p = p − lr·v
            InPlace.addScaled(p, -lr, v);
        }
    }
}
