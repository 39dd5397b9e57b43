#!/usr/bin/python3
"""Make the committed Fashion-MNIST subset in datasets/fashion-mnist-subset/.

Reads Debian's dataset-fashion-mnist (checking the pinned SHA-256 of each file), picks a
class-balanced random sample (default 200 train + 50 test images per class, seed 42) and writes
it in the same IDX gzip format, plus the chosen source indices, SHA256SUMS and the licence.

Run from anywhere:   /usr/bin/python3 datasets/tools/make_fashion_mnist_subset.py
Only the standard library is used; the output is byte-for-byte repeatable (gzip mtime 0).
"""
import argparse
import gzip
import hashlib
import io
import os
import random
import struct
import sys

DEBIAN_DIR = "/usr/share/datasets/fashion-mnist"
# SHA-256 of the files of dataset-fashion-mnist 0.0~git20200523.55506a9-1 (Debian 12)
PINNED = {
    "train-images-idx3-ubyte.gz": "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
    "train-labels-idx1-ubyte.gz": "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
    "t10k-images-idx3-ubyte.gz": "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
    "t10k-labels-idx1-ubyte.gz": "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05",
}
LICENSE = """Fashion-MNIST subset: images and labels selected from Fashion-MNIST
(https://github.com/zalandoresearch/fashion-mnist), as packaged by Debian in
dataset-fashion-mnist. Unchanged pixels and labels; only a subset of the examples.

The MIT License (MIT)

Copyright (c) 2017 Zalando SE, https://tech.zalando.com

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def read_verified(name):
    path = os.path.join(DEBIAN_DIR, name)
    if not os.path.exists(path):
        sys.exit(f"{path} not found: install it with  apt-get install dataset-fashion-mnist")
    with open(path, "rb") as f:
        raw = f.read()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != PINNED[name]:
        sys.exit(f"{path}: SHA-256 {digest}, expected {PINNED[name]} (corrupt or another version)")
    return gzip.decompress(raw)


def parse_idx(data, name, rank):
    """Header: two zero bytes, type 0x08 (unsigned byte), rank, then rank big-endian int32 sizes."""
    zero, dtype, got_rank = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype != 0x08 or got_rank != rank:
        sys.exit(f"{name}: bad IDX header {data[:4].hex()}")
    dims = struct.unpack(">" + "i" * rank, data[4:4 + 4 * rank])
    body = data[4 + 4 * rank:]
    count = 1
    for d in dims:
        count *= d
    if len(body) != count:
        sys.exit(f"{name}: {len(body)} data bytes, header promises {count}")
    return dims, body


def idx_bytes(body_rows, dims):
    header = struct.pack(">HBB", 0, 0x08, len(dims)) + struct.pack(">" + "i" * len(dims), *dims)
    return header + b"".join(body_rows)


def gzip_bytes(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as g:
        g.write(data)
    return buf.getvalue()


def write_atomic(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def pick(labels, per_class, rng):
    by_class = {k: [] for k in range(10)}
    for i, y in enumerate(labels):
        by_class[y].append(i)
    chosen = []
    for k in range(10):
        chosen += rng.sample(by_class[k], per_class)
    return sorted(chosen)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(here, "..", "fashion-mnist-subset"))
    ap.add_argument("--train-per-class", type=int, default=200)
    ap.add_argument("--test-per-class", type=int, default=50)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    rng = random.Random(args.seed)
    sums = []
    for split, per_class in (("train", args.train_per_class), ("t10k", args.test_per_class)):
        img_dims, images = parse_idx(read_verified(f"{split}-images-idx3-ubyte.gz"), split, 3)
        lab_dims, labels = parse_idx(read_verified(f"{split}-labels-idx1-ubyte.gz"), split, 1)
        n, h, w = img_dims
        assert n == lab_dims[0] and (h, w) == (28, 28)
        chosen = pick(labels, per_class, rng)
        size = h * w
        img = idx_bytes([images[i * size:(i + 1) * size] for i in chosen], (len(chosen), h, w))
        lab = idx_bytes([labels[i:i + 1] for i in chosen], (len(chosen),))
        files = {
            f"{split}-images-idx3-ubyte.gz": gzip_bytes(img),
            f"{split}-labels-idx1-ubyte.gz": gzip_bytes(lab),
            f"{split}-indices.txt": ("".join(f"{i}\n" for i in chosen)).encode(),
        }
        for name, data in files.items():
            write_atomic(os.path.join(out, name), data)
            sums.append(f"{hashlib.sha256(data).hexdigest()}  {name}\n")
        print(f"{split}: {len(chosen)} images ({per_class} per class)")
    write_atomic(os.path.join(out, "LICENSE"), LICENSE.encode())
    write_atomic(os.path.join(out, "SHA256SUMS"), "".join(sums).encode())
    print("wrote", out)


if __name__ == "__main__":
    main()
