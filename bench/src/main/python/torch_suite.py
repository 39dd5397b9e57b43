"""PyTorch side of the benchmark suite: the same benchmarks as bench/src/main/java/dl/bench/Suite.java.

Each function in BENCHMARKS has the id of a Java benchmark and returns rows with the same names, so
bench/run can pair them. Prints one JSON object on the last line.
Usage: /usr/bin/python3 torch_suite.py --threads N [--only ops,matmul,mlp,memory] [--data DIR]
DIR holds Fashion-MNIST's four IDX .gz files; without them the data is random of the same shapes.
"""
import argparse
import gc
import gzip
import json
import os
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


def load(folder):
    names = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
             "t10k-labels-idx1-ubyte.gz"]
    if folder and all(os.path.exists(os.path.join(folder, n)) for n in names):
        xtr, ytr, xte, yte = (read_idx(os.path.join(folder, n)) for n in names)
        source = "fashion-mnist"
    else:
        g = np.random.default_rng(0)
        xtr, ytr = g.integers(0, 256, (60000, 28, 28), dtype=np.uint8), g.integers(0, 10, 60000)
        xte, yte = g.integers(0, 256, (10000, 28, 28), dtype=np.uint8), g.integers(0, 10, 10000)
        source = "synthetic"
    as_x = lambda a: torch.from_numpy(a.reshape(len(a), 784).astype(np.float32) / 255.0)
    as_y = lambda a: torch.from_numpy(a.astype(np.int64))
    return {"xtr": as_x(xtr), "ytr": as_y(ytr), "xte": as_x(xte), "yte": as_y(yte), "source": source}


def row(name, unit, value, lower_is_better):
    return {"name": name, "unit": unit, "value": value, "lower_is_better": lower_is_better}


def micros_per_op(op):
    """Median µs per call over 50 batches of 40 calls, after a warm-up (as the Java side)."""
    for _ in range(2000):
        op()
    per_batch = []
    for _ in range(50):
        t = time.perf_counter()
        for _ in range(40):
            op()
        per_batch.append((time.perf_counter() - t) * 1e6 / 40)
    return sorted(per_batch)[len(per_batch) // 2]


def ops(data):
    a, b, r = torch.randn(128, 256), torch.randn(128, 256), torch.randn(256)
    return [row("add_128x256", "us", micros_per_op(lambda: a + b), True),
            row("broadcast_add_128x256_256", "us", micros_per_op(lambda: a + r), True)]


def gflops(dtype, n, reps):
    a, b = torch.rand(n, n, dtype=dtype), torch.rand(n, n, dtype=dtype)
    c = torch.empty(n, n, dtype=dtype)
    torch.mm(a, b, out=c)
    torch.mm(a, b, out=c)
    t = time.perf_counter()
    for _ in range(reps):
        torch.mm(a, b, out=c)
    return 2 * n ** 3 * reps / (time.perf_counter() - t) / 1e9


def matmul(data):
    return [row("matmul_1024_fp32", "GFLOP/s", gflops(torch.float32, 1024, 20), False),
            row("matmul_1024_fp64", "GFLOP/s", gflops(torch.float64, 1024, 10), False)]


class Mlp:
    """784-256-256-10 ReLU, SGD lr 0.1 momentum 0.9, batch 128: the Java benchmark's model."""

    def __init__(self, data):
        self.data = data
        self.model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256),
                                         torch.nn.ReLU(), torch.nn.Linear(256, 10))
        self.opt = torch.optim.SGD(self.model.parameters(), lr=0.1, momentum=0.9)
        self.loss_fn = torch.nn.CrossEntropyLoss()

    def epoch(self):
        xtr, ytr = self.data["xtr"], self.data["ytr"]
        order = torch.randperm(len(xtr))
        for i in range(0, len(xtr), 128):
            idx = order[i:i + 128]
            self.opt.zero_grad()
            loss = self.loss_fn(self.model(xtr[idx]), ytr[idx])
            loss.backward()
            self.opt.step()
            loss.item()

    def test_accuracy(self):
        with torch.no_grad():
            return (self.model(self.data["xte"]).argmax(1) == self.data["yte"]).float().mean().item()


def mlp(data):
    m = Mlp(data)
    cpu = time.process_time()
    start = time.perf_counter()
    m.epoch()
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu
    return [row("mlp_epoch", "s", seconds, True), row("mlp_epoch_cpu", "s", cpu_seconds, True),
            row("mlp_test_accuracy", "", m.test_accuracy(), False)]


def resident_megabytes():
    gc.collect()
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS line in /proc/self/status")


def memory(data):
    m = Mlp(data)
    m.epoch()
    one = resident_megabytes()
    for _ in range(4):
        m.epoch()
    five = resident_megabytes()
    return [row("rss_after_epoch_1", "MB", one, True), row("rss_after_epoch_5", "MB", five, True),
            row("rss_growth_epoch_1_to_5", "MB", five - one, True)]


BENCHMARKS = {"ops": ops, "matmul": matmul, "mlp": mlp, "memory": memory}


def loaded_blas():
    """The BLAS library this process really mapped (Debian's torch calls the system BLAS)."""
    with open("/proc/self/maps") as f:
        libs = {line.split()[-1] for line in f if "blas" in line.lower() and ".so" in line}
    return ", ".join(sorted(libs)) or "unknown"


def cpu_capability():
    """The SIMD level PyTorch's kernels dispatch to (torch 1.13 says it in its build summary)."""
    for line in torch.__config__.show().splitlines():
        if "CPU capability usage" in line:
            return line.split(":", 1)[1].strip()
    return "unknown"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--only", default=",".join(BENCHMARKS))
    p.add_argument("--data", default="")
    args = p.parse_args()
    unknown = set(args.only.split(",")) - set(BENCHMARKS)
    if unknown:
        sys.exit(f"torch_suite: unknown benchmarks {sorted(unknown)}; known: {list(BENCHMARKS)}")
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    data = load(args.data)
    rows = []
    for name, fn in BENCHMARKS.items():
        if name in args.only.split(","):
            print(f"PyTorch: {name} ...", file=sys.stderr)
            rows += fn(data)
    print(json.dumps({"side": "pytorch " + torch.__version__, "data": data["source"],
                      "machine": {"threads": torch.get_num_threads(), "blas": loaded_blas(),
                                  "cpu_capability": cpu_capability()},
                      "rows": rows}))


if __name__ == "__main__":
    main()
