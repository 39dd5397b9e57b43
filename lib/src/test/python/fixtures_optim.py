"""PyTorch reference values for dl.optim: optimizers, learning-rate schedules, gradient clipping.

Regenerate (from the repository root, with Debian's python3-torch):
    /usr/bin/python3 lib/src/test/python/fixtures_optim.py
It rewrites lib/src/test/resources/fixtures/optim/*.json, read by lib/src/test/java/dl/optim/*FixtureTest.java.

Optimizer cases: a [3, 4] matrix W and a [4] vector b (fp64, seeded), a fixed sequence of 5 gradients
for each, the parameters after every step and the optimizer state at the end.
Schedule cases: the learning rate after construction and after each of the following steps.
Clip cases: the gradients before and after clipping and the returned total norm.
"""
import math

import torch

from fixture_io import save

STEPS = 5


def optimizer_case(name, make, groups=None):
    """make(params_or_groups) -> torch optimizer; groups(W, b) -> param groups (default [W, b])."""
    torch.manual_seed(20240607)
    W = torch.randn(3, 4, dtype=torch.float64)
    b = torch.randn(4, dtype=torch.float64)
    grads_W = torch.randn(STEPS, 3, 4, dtype=torch.float64)
    grads_b = torch.randn(STEPS, 4, dtype=torch.float64)
    out = {"W0": W.clone(), "b0": b.clone(), "grads_W": grads_W, "grads_b": grads_b}
    W.requires_grad_(True)
    b.requires_grad_(True)
    opt = make(groups(W, b) if groups else [W, b])
    W_steps, b_steps = [], []
    for t in range(STEPS):
        W.grad = grads_W[t].clone()
        b.grad = grads_b[t].clone()
        opt.step()
        W_steps.append(W.detach().clone())
        b_steps.append(b.detach().clone())
    out["W_steps"] = torch.stack(W_steps)
    out["b_steps"] = torch.stack(b_steps)
    keys = []
    for pname, p in (("W", W), ("b", b)):
        for key, value in opt.state[p].items():
            if value is None:  # SGD without momentum keeps momentum_buffer = None
                continue
            if key == "step":
                out["state_" + pname + "_step"] = float(value)
                continue
            out["state_" + pname + "_" + key] = value
            if pname == "W":
                keys.append(key)
    out["state_keys"] = ",".join(sorted(keys))
    save("optim/" + name + ".json", out)


def optimizer_cases():
    O = torch.optim
    optimizer_case("sgd", lambda p: O.SGD(p, lr=0.1))
    optimizer_case("sgd_weight_decay", lambda p: O.SGD(p, lr=0.1, weight_decay=0.01))
    optimizer_case("sgd_momentum", lambda p: O.SGD(p, lr=0.1, momentum=0.9))
    optimizer_case("sgd_momentum_dampening",
                   lambda p: O.SGD(p, lr=0.1, momentum=0.9, dampening=0.3, weight_decay=0.01))
    optimizer_case("sgd_nesterov", lambda p: O.SGD(p, lr=0.1, momentum=0.9, nesterov=True))
    optimizer_case("sgd_nesterov_weight_decay",
                   lambda p: O.SGD(p, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01))
    optimizer_case("adagrad", lambda p: O.Adagrad(p, lr=0.1))
    optimizer_case("adagrad_options",
                   lambda p: O.Adagrad(p, lr=0.1, lr_decay=0.05, weight_decay=0.01,
                                       initial_accumulator_value=0.1, eps=1e-6))
    optimizer_case("rmsprop", lambda p: O.RMSprop(p, lr=0.01))
    optimizer_case("rmsprop_centered_momentum",
                   lambda p: O.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-6, momentum=0.8, centered=True))
    optimizer_case("rmsprop_momentum_weight_decay",
                   lambda p: O.RMSprop(p, lr=0.01, momentum=0.5, weight_decay=0.1))
    optimizer_case("adam", lambda p: O.Adam(p, lr=0.01))
    optimizer_case("adam_weight_decay", lambda p: O.Adam(p, lr=0.01, betas=(0.8, 0.99), weight_decay=0.1))
    optimizer_case("adam_amsgrad", lambda p: O.Adam(p, lr=0.01, amsgrad=True))
    optimizer_case("adamw", lambda p: O.AdamW(p, lr=0.01))
    optimizer_case("adamw_amsgrad", lambda p: O.AdamW(p, lr=0.01, weight_decay=0.1, amsgrad=True))
    # parameter groups: W uses the defaults, b its own options
    optimizer_case("sgd_param_groups", lambda g: O.SGD(g, lr=0.1, momentum=0.9),
                   groups=lambda W, b: [{"params": [W]}, {"params": [b], "lr": 0.01, "momentum": 0.5}])
    optimizer_case("adam_param_groups", lambda g: O.Adam(g, lr=0.01),
                   groups=lambda W, b: [{"params": [W]}, {"params": [b], "lr": 0.001, "weight_decay": 0.1}])


SCHEDULE_STEPS = 30


def schedule_case(name, make, lrs=(0.1,), steps=SCHEDULE_STEPS, metrics=None, extra=None):
    """The lr of every group after construction (row 0) and after each step (rows 1..steps)."""
    params = [torch.zeros(2, requires_grad=True) for _ in lrs]
    opt = torch.optim.SGD([{"params": [p], "lr": lr} for p, lr in zip(params, lrs)], lr=lrs[0])
    sched = make(opt)
    rows = [[g["lr"] for g in opt.param_groups]]
    for t in range(steps):
        opt.step()
        if metrics is None:
            sched.step()
        else:
            sched.step(metrics[t])
        rows.append([g["lr"] for g in opt.param_groups])
    out = {"base_lrs": torch.tensor(lrs, dtype=torch.float64), "lrs": torch.tensor(rows, dtype=torch.float64)}
    if metrics is not None:
        out["metrics"] = torch.tensor(metrics, dtype=torch.float64)
    out.update(extra or {})
    save("optim/schedule_" + name + ".json", out)


def plateau_losses():
    """Falls, then creeps down by less than the default threshold (a plateau), falls, oscillates."""
    losses = []
    for t in range(50):
        if t < 8:
            losses.append(1.0 - 0.05 * t)
        elif t < 24:
            losses.append(0.65 * (1 - 0.00005 * (t - 7)))
        elif t < 30:
            losses.append(0.6 - 0.02 * (t - 24))
        else:
            losses.append(0.49 + 0.003 * ((t % 3) - 1))
    return losses


def schedule_cases():
    S = torch.optim.lr_scheduler
    schedule_case("step_lr", lambda o: S.StepLR(o, step_size=7, gamma=0.5))
    schedule_case("exponential_lr", lambda o: S.ExponentialLR(o, gamma=0.9))
    schedule_case("cosine_annealing_lr", lambda o: S.CosineAnnealingLR(o, T_max=10, eta_min=0.001))
    schedule_case("cosine_annealing_lr_two_groups", lambda o: S.CosineAnnealingLR(o, T_max=12),
                  lrs=(0.1, 0.02))
    schedule_case("linear_lr", lambda o: S.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=8))
    schedule_case("warmup_cosine", lambda o: S.SequentialLR(
        o, [S.LinearLR(o, start_factor=0.1, end_factor=1.0, total_iters=5),
            S.CosineAnnealingLR(o, T_max=25, eta_min=1e-4)], milestones=[5]))
    # the Java test uses the same factor: min(1, (e + 1) / 5) * 0.95^max(0, e - 4)
    schedule_case("lambda_warmup", lambda o: S.LambdaLR(
        o, lambda e: min(1.0, (e + 1) / 5) * 0.95 ** max(0, e - 4)))
    losses = plateau_losses()
    schedule_case("plateau_default", lambda o: S.ReduceLROnPlateau(o), steps=len(losses), metrics=losses)
    schedule_case("plateau_custom", lambda o: S.ReduceLROnPlateau(
        o, factor=0.5, patience=2, threshold=0.01, cooldown=2, min_lr=0.02), steps=len(losses), metrics=losses)
    accuracy = [1.0 - l for l in losses]
    schedule_case("plateau_max_abs", lambda o: S.ReduceLROnPlateau(
        o, mode="max", factor=0.2, patience=1, threshold=0.005, threshold_mode="abs", min_lr=[0.005, 0.001]),
        lrs=(0.1, 0.01), steps=len(accuracy), metrics=accuracy)


def clip_case(name, clip, **extra):
    torch.manual_seed(7)
    W = torch.zeros(3, 4, dtype=torch.float64, requires_grad=True)
    b = torch.zeros(4, dtype=torch.float64, requires_grad=True)
    W.grad = torch.randn(3, 4, dtype=torch.float64) * 3
    b.grad = torch.randn(4, dtype=torch.float64) * 3
    out = {"grad_W": W.grad.clone(), "grad_b": b.grad.clone()}
    result = clip([W, b])
    out["clipped_W"] = W.grad.clone()
    out["clipped_b"] = b.grad.clone()
    if result is not None:
        out["total_norm"] = float(result)
    out.update(extra)
    save("optim/clip_" + name + ".json", out)


def clip_cases():
    U = torch.nn.utils
    clip_case("norm", lambda ps: U.clip_grad_norm_(ps, max_norm=1.0), max_norm=1.0, norm_type=2.0)
    clip_case("norm_unchanged", lambda ps: U.clip_grad_norm_(ps, max_norm=100.0), max_norm=100.0, norm_type=2.0)
    clip_case("norm_inf", lambda ps: U.clip_grad_norm_(ps, max_norm=0.5, norm_type=math.inf),
              max_norm=0.5, norm_type="inf")
    clip_case("norm_l1", lambda ps: U.clip_grad_norm_(ps, max_norm=2.0, norm_type=1.0), max_norm=2.0, norm_type=1.0)
    clip_case("norm_l3", lambda ps: U.clip_grad_norm_(ps, max_norm=2.0, norm_type=3.0), max_norm=2.0, norm_type=3.0)
    clip_case("value", lambda ps: U.clip_grad_value_(ps, clip_value=0.5), clip_value=0.5)


if __name__ == "__main__":
    torch.set_default_dtype(torch.float64)
    optimizer_cases()
    schedule_cases()
    clip_cases()
