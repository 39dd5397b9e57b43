"""PyTorch reference values for the vision losses (triplet loss with squared distances,
pixel-wise cross-entropy, soft Dice loss).

Regenerate (from the repository root, with Debian's Python that has torch):
    /usr/bin/python3 lib/src/test/python/fixtures_vision.py
It rewrites lib/src/test/resources/fixtures/vision/*.json; commit them. All float64.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from fixture_io import save

torch.manual_seed(77)
torch.set_default_dtype(torch.float64)


def triplet():
    a = torch.randn(6, 4, requires_grad=True)
    p = (a.detach() + 0.5 * torch.randn(6, 4)).requires_grad_()
    n = (a.detach() + 0.8 * torch.randn(6, 4)).requires_grad_()
    loss_fn = nn.TripletMarginWithDistanceLoss(distance_function=lambda x, y: ((x - y) ** 2).sum(1), margin=0.5)
    loss = loss_fn(a, p, n)
    ga, gp, gn = torch.autograd.grad(loss, [a, p, n])
    save("vision/triplet.json", {"anchor": a, "positive": p, "negative": n, "margin": 0.5, "loss": loss,
                                 "grad_anchor": ga, "grad_positive": gp, "grad_negative": gn})


def pixel_ce():
    z = torch.randn(2, 3, 4, 5, requires_grad=True)
    y = torch.randint(0, 3, (2, 4, 5))
    loss = F.cross_entropy(z, y)
    (gz,) = torch.autograd.grad(loss, [z])
    save("vision/pixel_ce.json", {"logits": z, "labels": y.double(), "loss": loss, "grad_logits": gz})


def dice():
    p = torch.rand(2, 3, 4, 5, requires_grad=True)
    t = (torch.rand(2, 3, 4, 5) > 0.6).double()
    eps = 1.0
    inter = (p * t).sum(dim=(0, 2, 3))
    total = p.sum(dim=(0, 2, 3)) + t.sum(dim=(0, 2, 3))
    loss = 1 - ((2 * inter + eps) / (total + eps)).mean()
    (gp,) = torch.autograd.grad(loss, [p])
    save("vision/dice.json", {"probabilities": p, "target": t, "loss": loss, "grad_probabilities": gp})


if __name__ == "__main__":
    triplet()
    pixel_ce()
    dice()
