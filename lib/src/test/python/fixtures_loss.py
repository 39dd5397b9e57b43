"""PyTorch reference values for the losses in dl.loss (read by dl.loss.LossFixtureTest).

Regenerate (from the repository root, with Debian's Python that has torch):
    /usr/bin/python3 lib/src/test/python/fixtures_loss.py
It rewrites lib/src/test/resources/fixtures/loss/<case>.json, one file per case. Each file holds
  input, target (or labels: class ids stored as numbers), delta (Huber only),
  grad_out_none: the upstream gradient used for reduction "none",
  and for every reduction r in mean/sum/none and precision d in f64/f32:
  loss_<r>_<d>, grad_input_<r>_<d> and, where the target is differentiable, grad_target_<r>_<d>.
Inputs are drawn in float32 so that the Java side feeds exactly the same numbers to both precisions.
"""
import torch
import torch.nn.functional as F

from fixture_io import save

torch.manual_seed(20240605)

REDUCTIONS = ["mean", "sum", "none"]
DTYPES = {"f64": torch.float64, "f32": torch.float32}


def f32(t):
    """Values representable in float32, kept as float64 for storage."""
    return t.to(torch.float32).to(torch.float64)


def record(name, fn, inp, target=None, labels=None, target_grad=False, extra=None):
    """Runs fn(input, target_or_labels, reduction) in both precisions and saves everything."""
    out = {"input": inp}
    if target is not None:
        out["target"] = target
    if labels is not None:
        out["labels"] = labels.to(torch.float64)
    out.update(extra or {})
    grad_out = None
    for r in REDUCTIONS:
        for d, dtype in DTYPES.items():
            x = inp.to(dtype).clone().requires_grad_(True)
            if target is not None:
                t = target.to(dtype).clone().requires_grad_(target_grad)
                y = t
            else:
                t = None
                y = labels.to(torch.long)
            loss = fn(x, y, r)
            if r == "none":
                if grad_out is None:
                    grad_out = f32(torch.rand(loss.shape, dtype=torch.float64) * 2 - 1)
                    out["grad_out_none"] = grad_out
                loss.backward(grad_out.to(dtype))
            else:
                loss.backward()
            out[f"loss_{r}_{d}"] = loss.detach()
            out[f"grad_input_{r}_{d}"] = x.grad
            if target_grad:
                out[f"grad_target_{r}_{d}"] = t.grad
    save(f"loss/{name}.json", out)


def randn(*shape, scale=1.0):
    return f32(torch.randn(*shape, dtype=torch.float64) * scale)


def uniform(lo, hi, *shape):
    return f32(torch.rand(*shape, dtype=torch.float64) * (hi - lo) + lo)


def ids(n, c):
    return torch.randint(0, c, (n,))


def main():
    mse = lambda x, y, r: F.mse_loss(x, y, reduction=r)
    l1 = lambda x, y, r: F.l1_loss(x, y, reduction=r)
    rmse = lambda x, y, r: torch.sqrt(F.mse_loss(x, y, reduction=r))
    bce = lambda x, y, r: F.binary_cross_entropy(x, y, reduction=r)
    bce_logits = lambda x, y, r: F.binary_cross_entropy_with_logits(x, y, reduction=r)
    ce = lambda x, y, r: F.cross_entropy(x, y, reduction=r)
    nll = lambda x, y, r: F.nll_loss(x, y, reduction=r)

    record("mse", mse, randn(4, 3), randn(4, 3), target_grad=True)
    record("mse_vector", mse, randn(7, scale=3), randn(7, scale=3), target_grad=True)

    x = randn(5, 2)
    t = randn(5, 2)
    t[0, 0] = x[0, 0]  # an exact fit: PyTorch's sign(0) = 0
    record("l1", l1, x, t, target_grad=True)

    record("rmse", rmse, randn(6), randn(6), target_grad=True)
    record("rmse_matrix", rmse, randn(3, 4, scale=2), randn(3, 4), target_grad=True)

    for delta, shape in [(1.0, (3, 4)), (0.5, (10,)), (2.5, (2, 5))]:
        record(f"huber_delta{delta}".replace(".", "_"),
               lambda x, y, r, d=delta: F.huber_loss(x, y, reduction=r, delta=d),
               randn(*shape, scale=2.5), randn(*shape), target_grad=True, extra={"delta": delta})

    soft = uniform(0, 1, 4, 3)
    soft[0] = torch.tensor([0.0, 1.0, 1.0])
    record("bce", bce, uniform(0.02, 0.98, 4, 3), soft, target_grad=True)
    # probabilities at and near 0 and 1: the logs are clamped at -100 as in PyTorch
    edge_p = f32(torch.tensor([0.0, 1.0, 0.0, 1.0, 1e-8, 1 - 1e-6, 0.5, 1e-30]))
    edge_y = torch.tensor([1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0])
    record("bce_edge", bce, edge_p, edge_y)

    binary = torch.randint(0, 2, (4, 3)).to(torch.float64)
    record("bce_with_logits", bce_logits, randn(4, 3, scale=3), binary, target_grad=True)
    large = f32(torch.tensor([1000.0, -1000.0, 1000.0, -1000.0, 0.0, 50.0, -50.0, 20.0, -88.0, 104.0]))
    large_y = f32(torch.tensor([1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.3, 0.0, 1.0]))
    record("bce_with_logits_large", bce_logits, large, large_y, target_grad=True)

    record("cross_entropy", ce, randn(6, 4, scale=2), labels=ids(6, 4))
    large_logits = f32(torch.tensor([[1000.0, -1000.0, 0.0],
                                     [-1000.0, 1000.0, 500.0],
                                     [1000.0, 1000.0, -1000.0],
                                     [0.0, 0.0, 0.0],
                                     [-1000.0, -1000.0, -999.0]]))
    record("cross_entropy_large", ce, large_logits, labels=torch.tensor([1, 1, 2, 0, 0]))
    record("cross_entropy_single", ce, randn(5), labels=torch.tensor(3))

    probs = f32(torch.softmax(torch.randn(5, 4, dtype=torch.float64), dim=1))
    record("cross_entropy_probs", ce, randn(5, 4, scale=2), probs, target_grad=True)
    large_probs = f32(torch.tensor([[0.0, 1.0, 0.0], [0.2, 0.3, 0.5], [0.5, 0.5, 0.0],
                                    [1 / 3, 1 / 3, 1 / 3], [0.9, 0.05, 0.05]], dtype=torch.float64))
    record("cross_entropy_probs_large", ce, large_logits, large_probs, target_grad=True)

    log_p = f32(torch.log_softmax(torch.randn(6, 5, dtype=torch.float64), dim=1))
    record("nll", nll, log_p, labels=ids(6, 5))
    record("nll_unnormalized", nll, randn(4, 3, scale=5), labels=torch.tensor([2, 0, 0, 1]))


if __name__ == "__main__":
    main()
