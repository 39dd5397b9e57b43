"""PyTorch reference values for dl.rnn (RNN, LSTM, GRU), dl.nn.Embedding / EmbeddingBag and
scaled dot-product attention.

Regenerate (from the repository root, with Debian's Python that has torch):
    /usr/bin/python3 lib/src/test/python/fixtures_rnn.py
It rewrites lib/src/test/resources/fixtures/rnn/*.json; commit them.

Everything is computed in float64 with batch_first=True. Each recurrent fixture stores the input,
the initial state, every parameter under its state_dict name ("param.weight_ih_l0"), the outputs,
the final states and the gradients of L = sum(out * r) + sum(h_n * r_h) (+ sum(c_n * r_c)) with
respect to the input, the initial state and every parameter ("grad.<name>").
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from fixture_io import save

torch.manual_seed(2024)
torch.set_default_dtype(torch.float64)

N, T, IN, H = 3, 5, 3, 4


def recurrent(name, layer, has_cell, lengths=None):
    layers = layer.num_layers * (2 if layer.bidirectional else 1)
    x = torch.randn(N, T, IN, requires_grad=True)
    h0 = torch.randn(layers, N, H, requires_grad=True)
    c0 = torch.randn(layers, N, H, requires_grad=True) if has_cell else None
    state = (h0, c0) if has_cell else h0
    if lengths is None:
        out, final = layer(x, state)
    else:
        packed = pack_padded_sequence(x, torch.tensor(lengths), batch_first=True, enforce_sorted=False)
        out, final = layer(packed, state)
        out, _ = pad_packed_sequence(out, batch_first=True, total_length=T)
    hn, cn = final if has_cell else (final, None)
    r = torch.randn(out.shape)
    rh = torch.randn(hn.shape)
    loss = (out * r).sum() + (hn * rh).sum()
    values = {"x": x, "h0": h0, "out": out, "h_n": hn, "r": r, "r_h": rh}
    if has_cell:
        rc = torch.randn(cn.shape)
        loss = loss + (cn * rc).sum()
        values.update({"c0": c0, "c_n": cn, "r_c": rc})
    names = [k for k, _ in layer.named_parameters()]
    leaves = [x, h0] + ([c0] if has_cell else []) + [p for _, p in layer.named_parameters()]
    grads = torch.autograd.grad(loss, leaves)
    values["grad.x"], values["grad.h0"] = grads[0], grads[1]
    if has_cell:
        values["grad.c0"] = grads[2]
    offset = 3 if has_cell else 2
    for k, (pname, p) in enumerate(layer.named_parameters()):
        values["param." + pname] = p
        values["grad." + pname] = grads[offset + k]
    values["parameter_names"] = ",".join(names)
    values["parameter_count"] = sum(p.numel() for p in layer.parameters())
    if lengths is not None:
        values["lengths"] = torch.tensor(lengths, dtype=torch.float64)
    save(f"rnn/{name}.json", values)


def embedding():
    emb = nn.Embedding(7, 3, padding_idx=0)
    ids = torch.tensor([[1, 0, 4], [4, 4, 6]])
    y = emb(ids)
    r = torch.randn(y.shape)
    (gw,) = torch.autograd.grad((y * r).sum(), [emb.weight])
    save("rnn/embedding.json", {"weight": emb.weight, "ids": ids.double(), "y": y, "r": r, "grad.weight": gw})

    bag = nn.EmbeddingBag(7, 3, mode="mean", padding_idx=0)
    flat = torch.tensor([1, 2, 0, 4, 4, 0, 6, 3])
    offsets = torch.tensor([0, 3, 5, 5])  # the third bag is empty
    y = bag(flat, offsets)
    r = torch.randn(y.shape)
    (gw,) = torch.autograd.grad((y * r).sum(), [bag.weight])
    save("rnn/embedding_bag.json", {"weight": bag.weight, "ids": flat.double(), "offsets": offsets.double(),
                                    "y": y, "r": r, "grad.weight": gw})


def attention():
    """softmax(q kᵀ / √d + mask) v, written out (this torch has no F.scaled_dot_product_attention)."""
    q = torch.randn(2, 3, 4, requires_grad=True)
    k = torch.randn(2, 5, 4, requires_grad=True)
    v = torch.randn(2, 5, 2, requires_grad=True)
    keep = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]], dtype=torch.bool)  # the second has 3 keys
    scores = q @ k.transpose(1, 2) / 4 ** 0.5
    scores = scores.masked_fill(~keep[:, None, :], float("-inf"))
    w = torch.softmax(scores, dim=-1)
    out = w @ v
    r = torch.randn(out.shape)
    rw = torch.randn(w.shape)
    loss = (out * r).sum() + (w * rw).sum()
    gq, gk, gv = torch.autograd.grad(loss, [q, k, v])
    save("rnn/scaled_dot_product.json", {"q": q, "k": k, "v": v, "key_mask": keep.double(), "out": out,
                                         "weights": w, "r": r, "r_w": rw, "grad.q": gq, "grad.k": gk, "grad.v": gv})


if __name__ == "__main__":
    recurrent("rnn_tanh", nn.RNN(IN, H, num_layers=2, bidirectional=True, batch_first=True), False)
    recurrent("rnn_relu", nn.RNN(IN, H, nonlinearity="relu", batch_first=True), False)
    recurrent("lstm", nn.LSTM(IN, H, num_layers=2, bidirectional=True, batch_first=True), True)
    recurrent("lstm_lengths", nn.LSTM(IN, H, bidirectional=True, batch_first=True), True, lengths=[5, 2, 4])
    recurrent("gru", nn.GRU(IN, H, num_layers=2, bidirectional=True, batch_first=True), False)
    recurrent("gru_lengths", nn.GRU(IN, H, num_layers=2, batch_first=True), False, lengths=[3, 5, 1])
    embedding()
    attention()
