package dl.optim;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * AdaGrad: each weight's step shrinks with the squares of all its past gradients, exactly as
 * PyTorch 1.13's {@code torch.optim.Adagrad}:
 * <pre>
 *   d   = g + λ·p                     (weight decay λ)
 *   G   = G + d²                      (G starts at initial_accumulator_value)
 *   lrₜ = lr / (1 + (t − 1)·lr_decay)
 *   p   = p − lrₜ · d / (√G + ε)
 * </pre>
 * The course writes √(G + ε) with ε inside the root; PyTorch adds ε = 1e-10 after the root.
 * Both only keep the division finite: with G₀ = 0 the first step is lr·sign(g) either way.
 * Under a constant gradient, G = t·g², so the step is lr/√t.
 *
 * <p>Defaults: lr 0.01, lr_decay 0, weight_decay 0, initial_accumulator_value 0, eps 1e-10.
 * State per parameter: {@code sum} (G).
 */
public class AdaGrad extends Optimizer {

    /** Learning-rate decay: lr / (1 + (t − 1)·lr_decay). */
    public static final Option<Double> LR_DECAY = Option.number("lr_decay");

    /** The starting value of the sum of squared gradients. */
    public static final Option<Double> INITIAL_ACCUMULATOR_VALUE = Option.number("initial_accumulator_value");

    /** AdaGrad with PyTorch's default lr 0.01. */
    public AdaGrad(Iterable<? extends Tensor> params) {
        this(params, 0.01);
    }

    public AdaGrad(Iterable<? extends Tensor> params, double lr) {
        super("AdaGrad", lr);
        declare(LR_DECAY, 0.0, v -> v >= 0 && Double.isFinite(v), ">= 0");
        declare(WEIGHT_DECAY, 0.0, v -> v >= 0 && Double.isFinite(v), ">= 0");
        declare(INITIAL_ACCUMULATOR_VALUE, 0.0, v -> v >= 0 && Double.isFinite(v), ">= 0");
        declare(EPS, 1e-10, v -> v >= 0 && Double.isFinite(v), ">= 0");
        addParamGroup(params);
    }

    /** The step-t learning rate is lr / (1 + (t − 1)·lrDecay). */
    public AdaGrad lrDecay(double lrDecay) {
        setDefault(LR_DECAY, lrDecay);
        return this;
    }

    public AdaGrad weightDecay(double weightDecay) {
        setDefault(WEIGHT_DECAY, weightDecay);
        return this;
    }

    /** G₀, the starting value of the sum of squared gradients. */
    public AdaGrad initialAccumulatorValue(double value) {
        setDefault(INITIAL_ACCUMULATOR_VALUE, value);
        return this;
    }

    public AdaGrad eps(double eps) {
        setDefault(EPS, eps);
        return this;
    }

    @Override
    protected void update(Tensor param, INDArray g, ParamGroup group, ParamState state) {
        INDArray p = param.data();
        double wd = group.get(WEIGHT_DECAY);
        double lrT = group.lr() / (1 + (state.step() - 1) * group.get(LR_DECAY));

        INDArray d = g;
        if (wd != 0) {  // d = g + λ·p
            d = scratch(param, 1).assign(g);
            InPlace.addScaled(d, wd, p);
        }
        INDArray sum = state.buffer("sum", p, group.get(INITIAL_ACCUMULATOR_VALUE));
        INDArray s = scratch(param, 0);
        InPlace.addScaled(sum, 1, s.assign(d).muli(d));  // G = G + d²
        Transforms.sqrt(s.assign(sum), false).addi(group.get(EPS));  // s = √G + ε
        InPlace.addScaled(p, -lrT, s.rdivi(d));  // p = p − lrₜ·d/s
    }
}
