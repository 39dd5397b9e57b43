#!/usr/bin/python3
"""Strip a notebook for git: no outputs, no execution counts, no run metadata.

    /usr/bin/python3 tests/python/clean_notebook.py notebooks/05-mlp.ipynb [...]
    /usr/bin/python3 tests/python/clean_notebook.py --check notebooks/*.ipynb

Source notebooks in notebooks/ are kept free of outputs (the tests check this); the executed
copies live in build/. --check changes nothing and exits 1 if some notebook is not clean.
"""

import argparse
import os
import sys
from pathlib import Path

import nbformat

COURSE_KERNELSPEC = {"name": "java-course", "display_name": "Java (DL course)", "language": "java"}
RUN_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime")


def clean(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for key in RUN_METADATA:
            cell.metadata.pop(key, None)
    for key in ("widgets", "course"):
        nb.metadata.pop(key, None)
    nb.metadata["kernelspec"] = dict(COURSE_KERNELSPEC)
    nb.metadata.setdefault("language_info", {"name": "java"})
    return nb


def main(argv):
    parser = argparse.ArgumentParser(description="Remove outputs and run metadata from notebooks.")
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--check", action="store_true", help="only report notebooks that are not clean")
    args = parser.parse_args(argv)
    dirty = []
    for name in args.notebooks:
        path = Path(name)
        before = path.read_text(encoding="utf-8")
        nb = clean(nbformat.reads(before, as_version=4))
        after = nbformat.writes(nb) + "\n"
        if after == before:
            continue
        dirty.append(name)
        if not args.check:
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(after, encoding="utf-8")
            os.replace(tmp, path)
            print(f"cleaned {name}")
    if args.check and dirty:
        print("not clean (run tests/python/clean_notebook.py on them): " + ", ".join(dirty))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
