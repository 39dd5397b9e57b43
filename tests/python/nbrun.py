#!/usr/bin/python3
"""Execute one notebook headless through nbclient and report the outcome as JSON.

Run with Debian's interpreter (/usr/bin/python3), which has nbclient and nbformat:

    /usr/bin/python3 tests/python/nbrun.py notebooks/00-setup-check.ipynb \
        --output build/executed/00-setup-check.ipynb --kernel java-course --fast

The last (and only) line on stdout is a JSON object:
    status   ok | failed | start_failed | timeout
    seconds  wall time of the whole run, kernel start included
    failure  (not for ok) cell_number (1-based among code cells), cell_index (0-based among
             all cells), first_line, ename, evalue, traceback (ANSI codes stripped)
    kernel_log  the kernel's own stdout/stderr (tail), for start failures and dead kernels
    start_attempts  present when a start lost a race for its TCP ports and was tried again

The executed notebook (complete, or partial up to the failing cell) is always written to
--output, atomically, and never over the source notebook. The kernel runs in the notebook's
directory and inherits this process's environment; --fast / --full set or clear COURSE_FAST.
"""

import argparse
import datetime
import json
import os
import re
import signal
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# Kernels may log their connection info; never copy the HMAC key into a report.
SECRET_KEY = re.compile(r"""(?i)(["']?key["']?\s*[:=]\s*["']?)[0-9a-z-]{16,}""")
LOG_TAIL_CHARS = 6000
# Starts lost to a port race are retried (see lost_port_race); real start failures are not.
START_ATTEMPTS = 3


def strip_ansi(text):
    return ANSI_ESCAPE.sub("", text)


def first_source_line(source):
    for line in source.splitlines():
        if line.strip():
            return line.strip()
    return ""


def log_tail(path):
    """The end of the kernel's log, cleaned for a human reader."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    text = SECRET_KEY.sub(r"\1<redacted>", strip_ansi(text))
    if len(text) > LOG_TAIL_CHARS:
        text = "...\n" + text[-LOG_TAIL_CHARS:]
    return text


def write_atomically(nb, output):
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        nbformat.write(nb, str(tmp))
        os.replace(tmp, output)
    finally:
        if tmp.exists():
            tmp.unlink()


def process_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child counts as gone once reaped; try to reap it.
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        return done == 0
    except ChildProcessError:
        return True


def kill_kernel_group(pid):
    """jupyter_client starts the kernel in its own session, so its pid is its group id."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pid, sig)
        except (ProcessLookupError, PermissionError):
            return
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            if not process_alive(pid):
                return
            time.sleep(0.1)


class Tracker:
    """Follows which cell runs, for the failure report, and the kernel's pid, for clean-up."""

    def __init__(self, nb):
        self.nb = nb
        self.cell_index = None
        self.kernel_ready_at = None
        self.kernel_pid = None
        self.error_reply = None
        self.cell_started = {}
        self.cell_seconds = {}

    def on_notebook_start(self, notebook, client):
        self.kernel_ready_at = time.monotonic()
        process = getattr(getattr(client.km, "provisioner", None), "process", None)
        if process is not None:
            self.kernel_pid = process.pid

    def on_cell_execute(self, cell, cell_index):
        self.cell_index = cell_index
        self.error_reply = None
        self.cell_started[cell_index] = time.monotonic()

    def on_cell_executed(self, cell, cell_index, execute_reply):
        started = self.cell_started.get(cell_index)
        if started is not None:
            self.cell_seconds[cell_index] = time.monotonic() - started

    def on_cell_error(self, cell, cell_index, execute_reply):
        self.error_reply = (execute_reply or {}).get("content", {})

    def code_cell_number(self, cell_index):
        cells = self.nb.cells[: cell_index + 1]
        return sum(1 for c in cells if c.cell_type == "code")

    def failure(self, ename, evalue, traceback=""):
        report = {"ename": ename, "evalue": evalue, "traceback": strip_ansi(traceback)}
        if self.cell_index is not None:
            cell = self.nb.cells[self.cell_index]
            report.update(
                cell_number=self.code_cell_number(self.cell_index),
                cell_index=self.cell_index,
                first_line=first_source_line(cell.source),
            )
        return report

    def error_failure(self, exc):
        """Failure of a cell that raised: prefer the kernel's own error output."""
        cell = self.nb.cells[self.cell_index] if self.cell_index is not None else None
        errors = [o for o in (cell.outputs if cell else []) if o.get("output_type") == "error"]
        source = errors[-1] if errors else (self.error_reply or {})
        ename = source.get("ename") or getattr(exc, "ename", "Error")
        evalue = source.get("evalue") or getattr(exc, "evalue", "")
        traceback = "\n".join(source.get("traceback") or []) or str(exc)
        return self.failure(ename, evalue, traceback)

    def slowest_cells(self, count=3):
        ranked = sorted(self.cell_seconds.items(), key=lambda item: -item[1])[:count]
        return [
            {
                "cell_number": self.code_cell_number(index),
                "first_line": first_source_line(self.nb.cells[index].source),
                "seconds": round(seconds, 2),
            }
            for index, seconds in ranked
        ]


def lost_port_race(kernel_log, offset):
    """jupyter_client picks free ports, then the kernel binds them; another process can take one
    in between. That is no fault of the kernel, so such a start is tried again. `offset`: where
    this attempt's part of the log begins."""
    try:
        with open(kernel_log, "rb") as log:
            log.seek(offset)
            return b"Address already in use" in log.read()
    except OSError:
        return False


def execute_once(nb, kernel, cell_time_limit, startup_timeout, cwd, kernel_log, tracker, result,
                 cell_timeout, notebook_timeout, deadline):
    """One kernel start and run of all cells; the outcome goes into `result`."""
    for key in ("status", "failure", "kernel_log", "kernel_killed"):
        result.pop(key, None)
    client = NotebookClient(
        nb,
        kernel_name=kernel,
        timeout_func=cell_time_limit,
        startup_timeout=startup_timeout,
        # Never interrupt_on_timeout: on a busy kernel it can hang and orphan the JVM
        # (KERNEL-NOTES.md section 3). A timed-out cell ends the run; the kernel is shut down.
        interrupt_on_timeout=False,
        allow_errors=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.on_notebook_start = lambda notebook: tracker.on_notebook_start(notebook, client)
    client.on_cell_execute = tracker.on_cell_execute
    client.on_cell_executed = tracker.on_cell_executed
    client.on_cell_error = tracker.on_cell_error
    with open(kernel_log, "ab") as log:
        try:
            client.execute(stdout=log, stderr=log)
            result["status"] = "ok"
        except CellExecutionError as exc:
            result.update(status="failed", failure=tracker.error_failure(exc))
        except CellTimeoutError:
            notebook_limit_hit = time.monotonic() >= deadline - 1
            limit = (f"the notebook time limit of {notebook_timeout} s" if notebook_limit_hit
                     else f"the cell time limit of {cell_timeout} s")
            result.update(status="timeout", failure=tracker.failure(
                "CellTimeout", f"cell did not finish within {limit}"))
        except DeadKernelError as exc:
            result.update(status="failed", failure=tracker.failure(
                "DeadKernelError", f"the kernel died while running this cell: {exc}"))
            result["kernel_log"] = None
        except Exception as exc:  # kernel spec missing, kernel died or hung at start
            if tracker.kernel_ready_at is None:
                result.update(status="start_failed", failure={
                    "ename": type(exc).__name__,
                    "evalue": f"kernel '{kernel}' did not start: {exc}",
                    "traceback": ""})
                result["kernel_log"] = None
            else:
                result.update(status="failed", failure=tracker.failure(type(exc).__name__, str(exc)))
        finally:
            if tracker.kernel_pid is not None and process_alive(tracker.kernel_pid):
                kill_kernel_group(tracker.kernel_pid)
                result["kernel_killed"] = True


def prepare_environment(fast):
    if fast is True:
        os.environ["COURSE_FAST"] = "1"
    elif fast is False:
        os.environ.pop("COURSE_FAST", None)
    return os.environ.get("COURSE_FAST") == "1"


def run_notebook(source, output, kernel, cell_timeout, notebook_timeout,
                 startup_timeout=60, fast=None, kernel_log=None):
    """Execute `source` with `kernel`, write the executed copy to `output`, return the report."""
    source = Path(source).resolve()
    output = Path(output).resolve()
    if output == source:
        raise ValueError(f"refusing to write the executed notebook over its source: {source}")
    kernel_log = Path(kernel_log).resolve() if kernel_log else output.with_suffix(".kernel.log")
    fast_mode = prepare_environment(fast)
    started = time.monotonic()
    result = {
        "notebook": str(source),
        "output": str(output),
        "kernel": kernel,
        "fast": fast_mode,
        "kernel_log_file": str(kernel_log),
    }

    try:
        nb = nbformat.read(str(source), as_version=4)
    except Exception as exc:  # unreadable JSON or not a notebook
        result.update(status="failed", seconds=round(time.monotonic() - started, 2),
                      failure={"ename": type(exc).__name__,
                               "evalue": f"cannot read notebook {source}: {exc}",
                               "traceback": ""})
        return result

    deadline = started + notebook_timeout

    def cell_time_limit(cell):
        # The notebook budget shrinks the last cells' limit, so one cell cannot outlive it.
        return max(1, int(min(cell_timeout, deadline - time.monotonic()) + 0.999))

    kernel_log.parent.mkdir(parents=True, exist_ok=True)
    kernel_log.write_bytes(b"")
    for attempt in range(1, START_ATTEMPTS + 1):
        tracker = Tracker(nb)
        log_start = kernel_log.stat().st_size
        execute_once(nb, kernel, cell_time_limit, startup_timeout, source.parent, kernel_log,
                     tracker, result, cell_timeout, notebook_timeout, deadline)
        if result["status"] != "start_failed" or attempt == START_ATTEMPTS:
            break
        if not lost_port_race(kernel_log, log_start):
            break
        result["start_attempts"] = attempt + 1
        with open(kernel_log, "ab") as log:
            log.write(f"\n--- start attempt {attempt + 1}: the previous kernel lost a race for "
                      "its TCP ports (Address already in use) ---\n".encode())

    if "kernel_log" in result:
        result["kernel_log"] = log_tail(kernel_log)
    result["seconds"] = round(time.monotonic() - started, 2)
    if tracker.kernel_ready_at is not None:
        result["startup_seconds"] = round(tracker.kernel_ready_at - started, 2)
    result["code_cells"] = sum(1 for c in nb.cells if c.cell_type == "code")
    result["slowest_cells"] = tracker.slowest_cells()

    nb.metadata["course"] = {
        "status": result["status"],
        "fast": fast_mode,
        "seconds": result["seconds"],
        "executed_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    }
    if "failure" in result:
        nb.metadata["course"]["failure"] = {
            k: v for k, v in result["failure"].items() if k != "traceback"}
    write_atomically(nb, output)
    return result


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Execute one notebook headless; print a JSON report.")
    parser.add_argument("notebook", help="the source notebook (never modified)")
    parser.add_argument("--output", required=True, help="where the executed notebook goes")
    parser.add_argument("--kernel", default="java-course", help="kernel name (default java-course)")
    parser.add_argument("--cell-timeout", type=int, default=600, help="seconds per cell (600)")
    parser.add_argument("--notebook-timeout", type=int, default=1800,
                        help="seconds for the whole notebook, kernel start included (1800)")
    parser.add_argument("--startup-timeout", type=int, default=60,
                        help="seconds to wait for the kernel to answer (60)")
    parser.add_argument("--kernel-log", help="file for the kernel's stdout/stderr "
                        "(default: next to --output, suffix .kernel.log)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--fast", dest="fast", action="store_const", const=True,
                      help="set COURSE_FAST=1 for the kernel")
    mode.add_argument("--full", dest="fast", action="store_const", const=False,
                      help="clear COURSE_FAST for the kernel")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    for name in ("cell_timeout", "notebook_timeout", "startup_timeout"):
        if getattr(args, name) <= 0:
            sys.exit(f"nbrun: --{name.replace('_', '-')} must be positive, got {getattr(args, name)}")
    if not Path(args.notebook).is_file():
        sys.exit(f"nbrun: no such notebook: {args.notebook}")
    try:
        result = run_notebook(args.notebook, args.output, args.kernel, args.cell_timeout,
                              args.notebook_timeout, args.startup_timeout, args.fast,
                              args.kernel_log)
    except ValueError as exc:
        sys.exit(f"nbrun: {exc}")
    print(json.dumps(result), flush=True)
    return 0 if result["status"] == "ok" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
