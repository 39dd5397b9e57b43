#!/usr/bin/python3
"""Execute every course notebook in order, with progress, for `./course run`.

    /usr/bin/python3 tests/python/run_all.py [--fast] [--kernel java-course] [NAME-PART ...]

For each notebook it prints which one runs, the elapsed time and an estimate (from the previous
run's times in build/timings-{full,fast}.json, otherwise from the average so far), and while a
long notebook runs, a heartbeat line every minute. Executed notebooks go to build/executed/.
Failures do not stop the batch; the exit status is 1 if any notebook did not run to the end.
"""

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nbrun  # noqa: E402

HEARTBEAT_SECONDS = 60


def clock(seconds):
    seconds = int(round(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


def load_timings(path):
    try:
        return {k: float(v) for k, v in json.loads(path.read_text()).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def save_timings(path, timings):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(timings, indent=1, sort_keys=True) + "\n")
    os.replace(tmp, path)


class Heartbeat:
    """Prints a line now and then while one notebook runs, so a long run never looks stuck."""

    def __init__(self, name, expected):
        self.name = name
        self.expected = expected
        self.started = time.monotonic()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.beat, daemon=True)

    def beat(self):
        while not self.stop.wait(HEARTBEAT_SECONDS):
            running = time.monotonic() - self.started
            hint = f", usually {clock(self.expected)}" if self.expected else ""
            print(f"      ... {self.name} still running ({clock(running)}{hint})", flush=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def estimate_left(names, index, timings, done_seconds):
    """Seconds left for notebooks index.. (inclusive), from history or the average so far."""
    average = sum(done_seconds) / len(done_seconds) if done_seconds else None
    total = 0.0
    for name in names[index:]:
        if name in timings:
            total += timings[name]
        elif average is not None:
            total += average
        else:
            return None
    return total


def main(argv):
    parser = argparse.ArgumentParser(description="Execute all course notebooks with progress.")
    parser.add_argument("filters", nargs="*", help="only notebooks whose name contains one of these")
    parser.add_argument("--fast", action="store_true", help="fast mode (COURSE_FAST=1)")
    parser.add_argument("--kernel", default="java-course")
    parser.add_argument("--notebooks", default="notebooks", help="source notebooks")
    parser.add_argument("--executed", default="build/executed", help="where executed copies go")
    parser.add_argument("--cell-timeout", type=int, help="seconds per cell (fast 600, full 3600)")
    parser.add_argument("--notebook-timeout", type=int,
                        help="seconds per notebook (fast 1800, full 10800)")
    args = parser.parse_args(argv)
    cell_timeout = args.cell_timeout or (600 if args.fast else 3600)
    notebook_timeout = args.notebook_timeout or (1800 if args.fast else 10800)

    sources = sorted(Path(args.notebooks).glob("*.ipynb"))
    if args.filters:
        sources = [p for p in sources if any(f in p.name for f in args.filters)]
    if not sources:
        print(f"run: no notebooks in {args.notebooks}/ match {args.filters or '*.ipynb'}",
              file=sys.stderr)
        return 2

    mode = "fast" if args.fast else "full"
    timings_file = Path("build") / f"timings-{mode}.json"
    timings = load_timings(timings_file)
    names = [p.stem for p in sources]
    executed = Path(args.executed)
    print(f"run: {len(sources)} notebook(s) in {mode} mode with kernel {args.kernel}; "
          f"executed copies go to {executed}/", flush=True)

    batch_started = time.monotonic()
    results = []
    done_seconds = []
    for i, source in enumerate(sources):
        left = estimate_left(names, i, timings, done_seconds)
        expected = timings.get(source.stem)
        elapsed = time.monotonic() - batch_started
        estimate = f", about {clock(left)} left" if left is not None else ""
        print(f"[{i + 1}/{len(sources)}] {source.stem} (elapsed {clock(elapsed)}{estimate})",
              flush=True)
        with Heartbeat(source.stem, expected):
            result = nbrun.run_notebook(source, executed / source.name, args.kernel,
                                        cell_timeout, notebook_timeout, fast=args.fast)
        results.append((source.stem, result))
        done_seconds.append(result["seconds"])
        if result["status"] == "ok":
            timings[source.stem] = result["seconds"]
            print(f"      ok in {clock(result['seconds'])}", flush=True)
        else:
            failure = result.get("failure", {})
            where = (f" at code cell {failure['cell_number']} ({failure.get('first_line', '')})"
                     if "cell_number" in failure else "")
            print(f"      {result['status'].upper()} after {clock(result['seconds'])}{where}: "
                  f"{failure.get('ename', '')}: {failure.get('evalue', '')}", flush=True)
            if result.get("kernel_log"):
                print("      kernel log:\n        "
                      + result["kernel_log"].strip().replace("\n", "\n        "), flush=True)
            print(f"      partial executed notebook: {result['output']}", flush=True)
    if not args.filters:
        save_timings(timings_file, timings)
    else:
        save_timings(timings_file, {**load_timings(timings_file), **timings})

    print(f"\n{'notebook':<40} {'status':<13} {'time':>8}")
    for name, result in results:
        print(f"{name:<40} {result['status']:<13} {clock(result['seconds']):>8}")
    failed = [name for name, r in results if r["status"] != "ok"]
    print(f"{'total':<40} {f'{len(results) - len(failed)} ok, {len(failed)} not ok':<13} "
          f"{clock(time.monotonic() - batch_started):>8}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
