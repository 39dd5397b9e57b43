"""PyTorch's side of dl.bench.LstmLayerBench: nn.LSTM(64, 256, batch_first=True) forward + backward
on x [32, 64, 64] fp32, one thread. Prints one JSON line: {"forward_ms", "backward_ms", "total_ms"} (medians).
Usage: /usr/bin/python3 bench/src/main/python/torch_lstm_layer.py [REPEATS]
"""
import json
import statistics
import sys
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(0)
reps = int(sys.argv[1]) if len(sys.argv) > 1 else 20
lstm = torch.nn.LSTM(64, 256, batch_first=True)
x = torch.randn(32, 64, 64, requires_grad=True)
fw, bw = [], []
for i in range(reps + 5):
    lstm.zero_grad()
    x.grad = None
    t0 = time.perf_counter()
    out, (h, c) = lstm(x)
    loss = out.sum()
    t1 = time.perf_counter()
    loss.backward()
    t2 = time.perf_counter()
    if i >= 5:
        fw.append((t1 - t0) * 1e3)
        bw.append((t2 - t1) * 1e3)
tot = [a + b for a, b in zip(fw, bw)]
print(json.dumps({"forward_ms": statistics.median(fw), "backward_ms": statistics.median(bw),
                  "total_ms": statistics.median(tot), "torch": torch.__version__}))
