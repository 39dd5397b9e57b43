"""PyTorch reference values for the dl.nn layers and the dl.init initializers.

Regenerate (from the repository root, with Debian's Python that has torch):
    /usr/bin/python3 lib/src/test/python/fixtures_nn.py
It rewrites lib/src/test/resources/fixtures/nn/*.json (and state_numpy.npz); commit them.

Every fixture stores its inputs AND parameters, computed here in float64, so the Java tests
use exactly these numbers (fp64 within 1e-6, fp32 within relative 1e-4). Gradients are of the
loss L = sum(y * r) with a stored random weight r, so every output element matters.
"""
import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from fixture_io import ROOT, save

torch.manual_seed(1234)
torch.set_default_dtype(torch.float64)


def weighted_loss_grads(y, r, *tensors):
    """Gradients of sum(y * r) with respect to each tensor."""
    return torch.autograd.grad((y * r).sum(), tensors)


def linear():
    for name, bias in (("linear", True), ("linear_nobias", False)):
        layer = nn.Linear(3, 5, bias=bias)
        x = torch.randn(4, 3, requires_grad=True)
        y = layer(x)
        r = torch.randn(4, 5)
        values = {"x": x, "weight": layer.weight, "y": y, "r": r}
        params = [x, layer.weight] + ([layer.bias] if bias else [])
        grads = weighted_loss_grads(y, r, *params)
        values["grad_x"], values["grad_weight"] = grads[0], grads[1]
        if bias:
            values["bias"] = layer.bias
            values["grad_bias"] = grads[2]
        save(f"nn/{name}.json", values)


def batchnorm():
    bn = nn.BatchNorm1d(4)  # eps 1e-5, momentum 0.1, running stats start at (0, 1)
    with torch.no_grad():
        bn.weight.copy_(torch.rand(4) + 0.5)
        bn.bias.copy_(torch.randn(4))
    gamma0, beta0 = bn.weight.detach().clone(), bn.bias.detach().clone()
    x = (torch.randn(6, 4) * 2 + 1).requires_grad_()
    r = torch.randn(6, 4)
    bn.train()
    y = bn(x)
    gx, gg, gb = weighted_loss_grads(y, r, x, bn.weight, bn.bias)
    running_mean, running_var = bn.running_mean.clone(), bn.running_var.clone()
    bn.eval()
    x2 = torch.randn(3, 4).requires_grad_()
    r2 = torch.randn(3, 4)
    y2 = bn(x2)
    gx2, gg2, gb2 = weighted_loss_grads(y2, r2, x2, bn.weight, bn.bias)
    save("nn/batchnorm1d.json", {
        "x": x, "gamma": gamma0, "beta": beta0, "r": r,
        "y_train": y, "grad_x_train": gx, "grad_gamma_train": gg, "grad_beta_train": gb,
        "running_mean": running_mean, "running_var": running_var,
        "x_eval": x2, "r_eval": r2, "y_eval": y2,
        "grad_x_eval": gx2, "grad_gamma_eval": gg2, "grad_beta_eval": gb2,
    })


def batchnorm_sequence():
    """BatchNorm1d on [N, C, L]: statistics per channel over N and L; then eval with the running ones."""
    g = torch.Generator().manual_seed(91)
    bn = nn.BatchNorm1d(3)
    with torch.no_grad():
        bn.weight.copy_(torch.rand(3, generator=g) + 0.5)
        bn.bias.copy_(torch.randn(3, generator=g))
    gamma0, beta0 = bn.weight.detach().clone(), bn.bias.detach().clone()
    x = (torch.randn(4, 3, 5, generator=g) * 2 + 1).requires_grad_()
    r = torch.randn(4, 3, 5, generator=g)
    bn.train()
    y = bn(x)
    gx, gg, gb = weighted_loss_grads(y, r, x, bn.weight, bn.bias)
    running_mean, running_var = bn.running_mean.clone(), bn.running_var.clone()
    bn.eval()
    x2 = torch.randn(2, 3, 4, generator=g).requires_grad_()
    r2 = torch.randn(2, 3, 4, generator=g)
    y2 = bn(x2)
    gx2, = weighted_loss_grads(y2, r2, x2)
    save("nn/batchnorm1d_ncl.json", {
        "x": x, "gamma": gamma0, "beta": beta0, "r": r,
        "y_train": y, "grad_x_train": gx, "grad_gamma_train": gg, "grad_beta_train": gb,
        "running_mean": running_mean, "running_var": running_var,
        "x_eval": x2, "r_eval": r2, "y_eval": y2, "grad_x_eval": gx2,
    })


def activations():
    x = torch.randn(3, 5) * 2
    x[0, 0] = 0.0  # the kink: PyTorch's conventions at exactly 0
    r = torch.randn(3, 5)
    modules = {
        "sigmoid": nn.Sigmoid(),
        "tanh": nn.Tanh(),
        "relu": nn.ReLU(),
        "leaky_relu_default": nn.LeakyReLU(),
        "leaky_relu_0.2": nn.LeakyReLU(0.2),
        "elu_default": nn.ELU(),
        "elu_0.5": nn.ELU(0.5),
        "softmax_axis1": nn.Softmax(dim=1),
        "softmax_axis0": nn.Softmax(dim=0),
        "log_softmax_axis1": nn.LogSoftmax(dim=1),
        "identity": nn.Identity(),
    }
    values = {"x": x, "r": r}
    for name, m in modules.items():
        xi = x.clone().requires_grad_()
        y = m(xi)
        (g,) = weighted_loss_grads(y, r, xi)
        values[name] = y
        values["grad_" + name] = g
    values["step"] = torch.heaviside(x, torch.tensor(0.0))  # θ(z) = [z > 0], θ(0) = 0
    save("nn/activations.json", values)


def maxout():
    """torch has no Maxout: y = max_p (x W_pᵀ + b_p) over k linear pieces."""
    k, n_in, n_out = 3, 4, 5
    pieces = [nn.Linear(n_in, n_out) for _ in range(k)]
    x = torch.randn(6, n_in, requires_grad=True)
    z = torch.stack([p(x) for p in pieces])  # [k, N, out]
    y = z.max(dim=0).values
    r = torch.randn(6, n_out)
    params = [x] + [t for p in pieces for t in (p.weight, p.bias)]
    grads = weighted_loss_grads(y, r, *params)
    values = {"x": x, "r": r, "y": y, "k": k, "grad_x": grads[0]}
    for i, p in enumerate(pieces):
        values[f"piece{i}.weight"] = p.weight
        values[f"piece{i}.bias"] = p.bias
        values[f"grad_piece{i}.weight"] = grads[1 + 2 * i]
        values[f"grad_piece{i}.bias"] = grads[2 + 2 * i]
    save("nn/maxout.json", values)


def dropout():
    p = 0.3
    x = torch.randn(4, 6)
    keep = (torch.rand(4, 6) >= p).to(torch.float64)
    # torch's inverted dropout: its mean over many draws is x, and eval is the identity
    draws = 20000
    mean_torch = torch.stack([F.dropout(x, p, training=True) for _ in range(draws)]).mean(0)
    save("nn/dropout.json", {
        "p": p, "x": x, "keep": keep,
        "inverted_train": x * keep / (1 - p),
        "classic_train": x * keep,
        "classic_eval": x * (1 - p),
        "inverted_eval": F.dropout(x, p, training=False),
        "torch_mean_of_draws": mean_torch, "draws": draws,
    })


def mlp():
    torch.manual_seed(7)
    model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 3), nn.Sigmoid())
    x = torch.randn(5, 4, requires_grad=True)
    target = torch.rand(5, 3)
    y = model(x)
    loss = ((y - target) ** 2).mean()
    names = [n for n, _ in model.named_parameters()]
    grads = torch.autograd.grad(loss, [x] + [p for _, p in model.named_parameters()])
    values = {"x": x, "target": target, "y": y, "loss": loss.item(), "grad_x": grads[0],
              "parameter_names": ",".join(names)}
    for n, (name, p) in enumerate(model.named_parameters()):
        values["param." + name] = p
        values["grad." + name] = grads[1 + n]
    save("nn/mlp.json", values)


def initializers():
    """Theoretical bound/std from torch's own fan and gain helpers, plus torch's sample statistics."""
    shape = (256, 784)  # the weight of Linear(784 -> 256)
    fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))
    values = {"rows": shape[0], "cols": shape[1], "fan_in": fan_in, "fan_out": fan_out}

    def record(name, fill, mean, std, bound=None):
        w = torch.empty(shape)
        fill(w)
        values[name + ".mean"] = mean
        values[name + ".std"] = std
        if bound is not None:
            values[name + ".bound"] = bound
        values[name + ".torch_sample_mean"] = w.mean().item()
        values[name + ".torch_sample_std"] = w.std().item()

    g = nn.init.calculate_gain
    s = math.sqrt(2.0 / (fan_in + fan_out))
    record("xavier_uniform", nn.init.xavier_uniform_, 0.0, s, math.sqrt(3) * s)
    gt = g("tanh")
    record("xavier_uniform_tanh", lambda w: nn.init.xavier_uniform_(w, gain=gt), 0.0, gt * s, math.sqrt(3) * gt * s)
    record("xavier_normal", nn.init.xavier_normal_, 0.0, s)
    k = g("leaky_relu", 0) / math.sqrt(fan_in)
    record("kaiming_uniform", nn.init.kaiming_uniform_, 0.0, k, math.sqrt(3) * k)
    record("kaiming_normal_relu", lambda w: nn.init.kaiming_normal_(w, nonlinearity="relu"), 0.0,
           g("relu") / math.sqrt(fan_in))
    record("kaiming_normal_fan_out", lambda w: nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu"), 0.0,
           g("relu") / math.sqrt(fan_out))
    kl = g("leaky_relu", 0.2) / math.sqrt(fan_in)
    record("kaiming_uniform_leaky_0.2", lambda w: nn.init.kaiming_uniform_(w, a=0.2, nonlinearity="leaky_relu"), 0.0,
           kl, math.sqrt(3) * kl)
    ka = g("leaky_relu", math.sqrt(5)) / math.sqrt(fan_in)  # the default of nn.Linear
    record("linear_default", lambda w: nn.init.kaiming_uniform_(w, a=math.sqrt(5)), 0.0, ka, math.sqrt(3) * ka)
    record("uniform_-0.3_0.7", lambda w: nn.init.uniform_(w, -0.3, 0.7), 0.2, 1.0 / math.sqrt(12))
    record("normal_0.5_0.02", lambda w: nn.init.normal_(w, 0.5, 0.02), 0.5, 0.02)
    c = torch.empty(3, 4)
    nn.init.constant_(c, 0.37)
    values["constant_0.37"] = c

    # fans of a conv-like 4-D weight [out, in, kh, kw]
    conv = torch.empty(32, 16, 3, 5)
    cf_in, cf_out = nn.init._calculate_fan_in_and_fan_out(conv)
    values["conv_fan_in"], values["conv_fan_out"] = cf_in, cf_out
    values["conv_xavier_uniform.bound"] = math.sqrt(3) * math.sqrt(2.0 / (cf_in + cf_out))
    values["conv_xavier_uniform.std"] = math.sqrt(2.0 / (cf_in + cf_out))

    for name, param in (("linear", None), ("sigmoid", None), ("tanh", None), ("relu", None),
                        ("leaky_relu", None), ("leaky_relu", 0.2), ("selu", None), ("conv2d", None)):
        values[f"gain.{name}" + ("" if param is None else f".{param}")] = g(name, param)
    save("nn/init.json", values)


def numpy_state_file():
    """An .npz written by NumPy itself, to check that dl.nn.StateFile reads the real format."""
    path = os.path.join(ROOT, "nn", "state_numpy.npz")
    tmp = path + ".tmp.npz"
    np.savez(tmp, **{"0.weight": np.arange(6, dtype=np.float32).reshape(2, 3) / 4,
                     "0.bias": np.array([-1.5, 2.25], dtype=np.float32),
                     "scale": np.array(3.5, dtype=np.float64)})
    os.replace(tmp, path)
    print("wrote", os.path.relpath(path))


if __name__ == "__main__":
    linear()
    batchnorm()
    activations()
    maxout()
    dropout()
    mlp()
    initializers()
    numpy_state_file()
    batchnorm_sequence()  # last, with its own generator: the fixtures above stay as they were
