"""Writes PyTorch reference values as JSON fixtures that the Java tests read (dl.Fixture).

A fixture file is one JSON object: each key maps to {"shape": [...], "data": [...]}
(values flattened in row-major order) or to a plain number/string.
Run the generators with Debian's Python: /usr/bin/python3 lib/src/test/python/<script>.py
"""
import json
import os
import tempfile

import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures")


def _encode(value):
    if isinstance(value, torch.Tensor):
        t = value.detach().to(torch.float64).contiguous()
        return {"shape": list(t.shape), "data": [float(x) for x in t.reshape(-1).tolist()]}
    if isinstance(value, (int, float, str, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return _encode(torch.tensor(value, dtype=torch.float64))
    raise TypeError(f"cannot store {type(value)} in a fixture")


def save(relative_path, values):
    """Writes {name: tensor or number} to fixtures/<relative_path> atomically."""
    path = os.path.join(ROOT, relative_path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    payload = {"generator": "PyTorch " + torch.__version__}
    payload.update({k: _encode(v) for k, v in values.items()})
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        json.dump(payload, f, indent=1)
    os.replace(tmp, path)
    print("wrote", os.path.relpath(path))
