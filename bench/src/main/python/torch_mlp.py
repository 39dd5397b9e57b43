"""PyTorch side of the MLP benchmark: the same model, data, batch and optimizer as the Java side.

Trains 784-256-256-10 (ReLU) for one epoch on Fashion-MNIST with SGD(lr=0.1, momentum=0.9),
batch 128, and measures fp32 matmul GFLOP/s. Prints one JSON line.
Usage: /usr/bin/python3 bench/torch_mlp.py <threads> [train-images.gz train-labels.gz test-images.gz test-labels.gz]
With no files it uses synthetic data of the same shapes.
"""
import gzip
import json
import struct
import sys
import time

import numpy as np
import torch


def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    zero, dtype, rank = struct.unpack(">HBB", raw[:4])
    assert zero == 0 and dtype == 0x08, f"{path}: not an unsigned-byte IDX file"
    dims = struct.unpack(">" + "I" * rank, raw[4:4 + 4 * rank])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def load(paths):
    if paths:
        xtr, ytr, xte, yte = (read_idx(p) for p in paths)
        source = "fashion-mnist"
    else:
        g = np.random.default_rng(0)
        xtr, ytr = g.integers(0, 256, (60000, 28, 28), dtype=np.uint8), g.integers(0, 10, 60000)
        xte, yte = g.integers(0, 256, (10000, 28, 28), dtype=np.uint8), g.integers(0, 10, 10000)
        source = "synthetic"
    as_x = lambda a: torch.from_numpy(a.reshape(len(a), 784).astype(np.float32) / 255.0)
    as_y = lambda a: torch.from_numpy(a.astype(np.int64))
    return as_x(xtr), as_y(ytr), as_x(xte), as_y(yte), source


def matmul_gflops(n=1024, reps=20):
    a, b = torch.randn(n, n), torch.randn(n, n)
    c = torch.empty(n, n)
    torch.mm(a, b, out=c)
    t = time.perf_counter()
    for _ in range(reps):
        torch.mm(a, b, out=c)
    return 2 * n ** 3 * reps / (time.perf_counter() - t) / 1e9


def loaded_blas():
    """The BLAS library this process really mapped (Debian's torch calls the system BLAS)."""
    with open("/proc/self/maps") as f:
        libs = {line.split()[-1] for line in f if "blas" in line.lower() and line.strip().endswith(".so.3")
                or "openblas" in line.lower()}
    return ", ".join(sorted(libs)) or "unknown"


def main():
    threads = int(sys.argv[1])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    xtr, ytr, xte, yte, source = load(sys.argv[2:6])
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(),
                                torch.nn.Linear(256, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    order = torch.randperm(len(xtr))
    start = time.perf_counter()
    for i in range(0, len(xtr), 128):
        idx = order[i:i + 128]
        opt.zero_grad()
        loss = loss_fn(model(xtr[idx]), ytr[idx])
        loss.backward()
        opt.step()
    epoch = time.perf_counter() - start
    with torch.no_grad():
        acc = (model(xte).argmax(1) == yte).float().mean().item()
    blas = loaded_blas()
    print(json.dumps({"framework": "pytorch " + torch.__version__, "threads": threads, "data": source,
                      "epoch_seconds": epoch, "test_accuracy": acc, "last_loss": loss.item(),
                      "matmul_gflops_1024": matmul_gflops(), "blas": blas}))


if __name__ == "__main__":
    main()
