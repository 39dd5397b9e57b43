"""PyTorch reference values for the tensor ops and activations (dl.tensor), read by OpsFixtureTest.

Regenerate (Debian's Python with python3-torch; writes lib/src/test/resources/fixtures/ops/*.json):
    /usr/bin/python3 lib/src/test/python/fixtures_ops.py

Every fixture holds the inputs x0, x1, ... (fp64), a weight w of the output's shape, the output y,
and the gradients g0, g1, ... of L = sum(w * y) with respect to each input (absent when the op has
no gradient). The Java test rebuilds the same op from the fixture name and the stored numbers, in
fp64 and fp32; it never draws random inputs of its own.
"""
import torch

from fixture_io import save

torch.manual_seed(20240611)
torch.set_default_dtype(torch.float64)


def randn(*shape):
    return torch.randn(*shape, dtype=torch.float64)


def record(name, fn, *inputs, grad=True, **params):
    """Runs fn on the inputs, backpropagates sum(w * y) and saves everything under ops/<name>.json."""
    xs = [x.detach().clone().requires_grad_(grad and x.is_floating_point()) for x in inputs]
    y = fn(*xs)
    values = {f"x{i}": x for i, x in enumerate(xs)}
    values["y"] = y
    values.update(params)
    if grad:
        w = torch.linspace(-1.0, 2.0, y.numel()).reshape(y.shape)
        (w * y).sum().backward()
        values["w"] = w
        for i, x in enumerate(xs):
            if x.requires_grad:
                values[f"g{i}"] = x.grad
    save(f"ops/{name}.json", values)


def with_specials(x, *specials):
    """x with its first entries replaced by exact values (0, bounds, ties) where gradients have kinks."""
    flat = x.reshape(-1).clone()
    for i, v in enumerate(specials):
        flat[i] = v
    return flat.reshape(x.shape)


# ---------------------------------------------------------------- activations
a = with_specials(randn(4, 5) * 2, 0.0, -0.0, 3.0, -3.0)
record("sigmoid", torch.sigmoid, a)
record("tanh", torch.tanh, a)
record("relu", torch.relu, a)
record("leaky_relu", lambda x: torch.nn.functional.leaky_relu(x, 0.1), a, slope=0.1)
record("elu", lambda x: torch.nn.functional.elu(x, 1.0), a, alpha=1.0)
record("elu_alpha", lambda x: torch.nn.functional.elu(x, 0.3), a, alpha=0.3)
record("softmax", lambda x: torch.softmax(x, 1), a, axis=1)
record("softmax_axis0", lambda x: torch.softmax(x, 0), randn(3, 4, 2), axis=0)
record("log_softmax", lambda x: torch.log_softmax(x, 1), a, axis=1)
record("log_softmax_large", lambda x: torch.log_softmax(x, -1), randn(3, 4) * 300, axis=-1)
record("step", lambda x: torch.heaviside(x, torch.zeros(())), a, grad=False)
record("clamp", lambda x: x.clamp(-0.5, 1.0), with_specials(randn(4, 5), -0.5, 1.0, 0.0), min=-0.5, max=1.0)
b = with_specials(randn(4, 5), a[0, 0].item(), a[0, 1].item(), a[0, 2].item())  # three ties with a
record("maximum", torch.maximum, a, b)
record("maximum_broadcast", torch.maximum, randn(3, 1, 4), randn(2, 1))

# ---------------------------------------------------------------- elementwise and reductions
p = torch.rand(3, 4) + 0.2
record("exp", torch.exp, a)
record("log", torch.log, p)
record("sqrt", torch.sqrt, p)
record("abs", torch.abs, a)
record("pow", lambda x: x.pow(3.0), a, p=3.0)
record("square", torch.square, a)
record("log1p", torch.log1p, torch.cat([p.reshape(-1), torch.tensor([1e-10, -1e-12, 0.0])]))
record("div_broadcast", torch.div, randn(2, 3, 4), p[0:1, :] + 0.5)
record("mul_broadcast", torch.mul, randn(3, 4), randn(3, 1))
record("sum_axes", lambda x: x.sum(dim=(0, 2)), randn(2, 3, 4), axes=[0, 2])
record("mean_keepdims", lambda x: x.mean(dim=1, keepdim=True), randn(2, 3, 4), axis=1)
c = torch.tensor([[1.0, 5.0, 5.0, 0.0], [2.0, -1.0, 2.0, 2.0], [0.5, 0.25, 3.0, -3.0]])
record("max_dim", lambda x: x.max(dim=1).values, c, axis=1)
record("max_dim0_keepdim", lambda x: x.max(dim=0, keepdim=True).values, randn(3, 4, 2), axis=0)
record("max_all_ties", lambda x: x.max(), c)
record("argmax", lambda x: torch.argmax(x, dim=1), c, grad=False, axis=1)

# ---------------------------------------------------------------- matrix products
record("matmul", torch.matmul, randn(3, 4), randn(4, 2))
record("bmm", torch.matmul, randn(2, 3, 4), randn(2, 4, 5))
record("matmul_3d_2d", torch.matmul, randn(2, 3, 4), randn(4, 5))

# ---------------------------------------------------------------- movement and indexing
t = randn(2, 3, 4)
record("permute", lambda x: x.permute(2, 0, 1), t, dims=[2, 0, 1])
record("transpose", lambda x: x.transpose(0, 2), t, a_axis=0, b_axis=2)
record("flatten", lambda x: x.flatten(1), t, from_axis=1)
record("unsqueeze", lambda x: x.unsqueeze(1), t, axis=1)
record("squeeze", lambda x: x.squeeze(1), randn(3, 1, 2), axis=1)
record("concat", lambda x, y: torch.cat([x, y, x], dim=1), randn(2, 3), randn(2, 2), axis=1)
record("stack", lambda x, y: torch.stack([x, y], dim=1), randn(2, 3), randn(2, 3), axis=1)
record("slice", lambda x: x[:, 1:3, :], t, axis=1, start=1, end=3)
record("select", lambda x: x[:, :, 2], t, axis=2, index=2)
rows = torch.tensor([2, 0, 2, 1])
record("index_rows", lambda x: x[rows], randn(3, 2, 2), rows=rows.to(torch.float64))
classes = torch.tensor([3, 0, 1, 3, 2])
record("gather_classes", lambda x: x.gather(1, classes.unsqueeze(1)).squeeze(1), randn(5, 4),
       classes=classes.to(torch.float64))
mask = torch.tensor([[True, False, True], [False, False, True]])
record("where", lambda x, y: torch.where(mask, x, y), randn(2, 3), randn(3), mask=mask.to(torch.float64))
