"""PyTorch reference values for the convolution, pooling, batch-norm-2d and upsampling layers.

Regenerate (from the repository root, with Debian's Python that has torch):
    /usr/bin/python3 lib/src/test/python/fixtures_conv.py
It rewrites lib/src/test/resources/fixtures/conv/*.json; commit them.

Everything is float64. Each case stores the input, the parameters, the output and the gradients
of L = sum(y * r) for a stored random r, so every output element matters. Sizes are odd and
kernels non-square where the layer allows it.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from fixture_io import save

torch.manual_seed(2024)
torch.set_default_dtype(torch.float64)


def record(name, layer, x, extra=None):
    x = x.clone().requires_grad_()
    y = layer(x)
    r = torch.randn_like(y)
    params = [p for p in layer.parameters()]
    grads = torch.autograd.grad((y * r).sum(), [x] + params)
    values = {"x": x, "y": y, "r": r, "grad_x": grads[0]}
    for (pname, p), g in zip(layer.named_parameters(), grads[1:]):
        values[pname] = p
        values["grad_" + pname] = g
    values.update(extra or {})
    save(f"conv/{name}.json", values)


def conv2d():
    cases = {
        # name: (cin, cout, kernel, stride, padding, dilation, groups, bias, mode, input shape)
        "conv2d_basic": (3, 4, 3, 1, 1, 1, 1, True, "zeros", (2, 3, 7, 7)),
        "conv2d_strided": (3, 4, (3, 2), (2, 1), (1, 0), (1, 2), 1, True, "zeros", (2, 3, 11, 13)),
        "conv2d_groups": (4, 6, (2, 3), (1, 2), (0, 1), 1, 2, True, "zeros", (1, 4, 5, 7)),
        "conv2d_depthwise": (3, 3, 3, 2, 1, 1, 3, False, "zeros", (2, 3, 7, 5)),
        "conv2d_same_even": (2, 3, (4, 3), 1, "same", (1, 2), 1, True, "zeros", (1, 2, 7, 11)),
        "conv2d_reflect": (2, 3, 3, 1, 2, 1, 1, True, "reflect", (2, 2, 5, 7)),
        "conv2d_replicate": (2, 2, (3, 5), 2, (1, 2), 1, 1, False, "replicate", (1, 2, 7, 5)),
        "conv2d_dilated": (2, 3, 3, 3, 0, 3, 1, True, "zeros", (1, 2, 13, 11)),
    }
    for name, (cin, cout, k, s, p, d, g, b, mode, shape) in cases.items():
        layer = nn.Conv2d(cin, cout, k, stride=s, padding=p, dilation=d, groups=g, bias=b, padding_mode=mode)
        record(name, layer, torch.randn(*shape))


def conv1d():
    record("conv1d_same_reflect", nn.Conv1d(3, 4, 4, padding="same", padding_mode="reflect"), torch.randn(2, 3, 9))
    record("conv1d_strided", nn.Conv1d(4, 2, 3, stride=2, padding=1, dilation=2, groups=2), torch.randn(1, 4, 11))


def conv_transpose2d():
    record("convT_basic", nn.ConvTranspose2d(3, 2, 3, stride=2, padding=1, output_padding=1), torch.randn(2, 3, 4, 5))
    record("convT_k2s2", nn.ConvTranspose2d(2, 3, 2, stride=2), torch.randn(1, 2, 3, 5))
    record("convT_groups", nn.ConvTranspose2d(4, 6, (3, 2), stride=(2, 3), padding=(0, 1), output_padding=(1, 2),
                                              groups=2, dilation=(2, 1), bias=False), torch.randn(1, 4, 5, 3))
    record("convT_op_gt_pad", nn.ConvTranspose2d(2, 2, 3, stride=3, padding=0, output_padding=2), torch.randn(1, 2, 3, 3))


def pooling():
    record("maxpool_k3s2p1", nn.MaxPool2d(3, stride=2, padding=1), torch.randn(2, 3, 7, 9))
    record("maxpool_rect_dil", nn.MaxPool2d((2, 3), stride=(1, 2), dilation=2), torch.randn(1, 2, 7, 11))
    record("avgpool_k3s2p1", nn.AvgPool2d(3, stride=2, padding=1), torch.randn(2, 3, 7, 9))
    record("avgpool_rect", nn.AvgPool2d((2, 3), stride=(2, 1)), torch.randn(1, 2, 5, 7))
    record("maxpool1d", nn.MaxPool1d(3, stride=2, padding=1), torch.randn(2, 3, 11))
    record("adaptive_avg", nn.AdaptiveAvgPool2d((3, 2)), torch.randn(2, 2, 7, 5))
    record("adaptive_avg_up", nn.AdaptiveAvgPool2d((4, 5)), torch.randn(1, 2, 3, 3))


def batchnorm2d():
    bn = nn.BatchNorm2d(3)
    with torch.no_grad():
        bn.weight.copy_(torch.rand(3) + 0.5)
        bn.bias.copy_(torch.randn(3))
    gamma0, beta0 = bn.weight.detach().clone(), bn.bias.detach().clone()
    x = (torch.randn(2, 3, 5, 7) * 2 + 1).requires_grad_()
    bn.train()
    y = bn(x)
    r = torch.randn_like(y)
    gx, gg, gb = torch.autograd.grad((y * r).sum(), [x, bn.weight, bn.bias])
    running_mean, running_var = bn.running_mean.clone(), bn.running_var.clone()
    bn.eval()
    x2 = torch.randn(1, 3, 3, 5).requires_grad_()
    y2 = bn(x2)
    r2 = torch.randn_like(y2)
    (gx2,) = torch.autograd.grad((y2 * r2).sum(), [x2])
    save("conv/batchnorm2d.json", {"weight": gamma0, "bias": beta0, "x": x, "y": y, "r": r, "grad_x": gx,
                                   "grad_weight": gg, "grad_bias": gb, "running_mean": running_mean,
                                   "running_var": running_var, "x_eval": x2, "y_eval": y2, "r_eval": r2,
                                   "grad_x_eval": gx2})


def upsample():
    record("up_nearest2", nn.Upsample(scale_factor=2, mode="nearest"), torch.randn(1, 2, 3, 5))
    record("up_bilinear2", nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False), torch.randn(2, 1, 3, 5))
    record("up_bilinear_size_aligned", nn.Upsample(size=(5, 7), mode="bilinear", align_corners=True), torch.randn(1, 2, 3, 4))
    record("up_nearest_size", nn.Upsample(size=(5, 7), mode="nearest"), torch.randn(1, 1, 3, 4))
    record("up_bilinear_size", nn.Upsample(size=(7, 5), mode="bilinear", align_corners=False), torch.randn(1, 1, 3, 4))


if __name__ == "__main__":
    conv2d()
    conv1d()
    conv_transpose2d()
    pooling()
    batchnorm2d()
    upsample()
