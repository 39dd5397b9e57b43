package dl.optim;

import dl.tensor.Tensor;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter), as PyTorch 1.13's
 * {@code torch.optim.AdamW}: before the Adam step every weight shrinks, p = (1 − lr·λ)·p, and
 * the gradient stays free of the decay term, so the decay is not rescaled by 1/√v̂.
 * See {@link Adam} for the rest of the update; the default λ here is 1e-2.
 *
 * <p>The course writes w = w − η(m̂/√v̂ + λ·w): with the same lr and λ that is exactly
 * (1 − η·λ)·w − η·m̂/√v̂, PyTorch's form, while the learning rate is constant.
 */
public class AdamW extends Adam {

    /** AdamW with PyTorch's defaults: lr 1e-3, weight decay 1e-2. */
    public AdamW(Iterable<? extends Tensor> params) {
        this(params, 1e-3);
    }

    public AdamW(Iterable<? extends Tensor> params, double lr) {
        super("AdamW", params, lr, true, 1e-2);
    }

    @Override
    public AdamW betas(double beta1, double beta2) {
        super.betas(beta1, beta2);
        return this;
    }

    @Override
    public AdamW eps(double eps) {
        super.eps(eps);
        return this;
    }

    @Override
    public AdamW weightDecay(double weightDecay) {
        super.weightDecay(weightDecay);
        return this;
    }

    @Override
    public AdamW amsgrad(boolean amsgrad) {
        super.amsgrad(amsgrad);
        return this;
    }
}
