#!/usr/bin/python3
"""Drives the course kernel through the real Jupyter client (jupyter_client), as notebooks do.

  kernel_stress.py starts N   start the kernel N times in a row while two busy loops load the CPU;
                              each start must answer and run a cell (no hang allowed); prints
                              min/median/max of start -> kernel_info and start -> first output.
  kernel_stress.py session    one kernel: values, errors, streams, interrupt, completion, display.

Needs JUPYTER_PATH pointing at a directory with kernels/java-course/kernel.json. Exit status 0
when every check passed; every failure is printed with what was expected and what came back.
"""
import multiprocessing
import os
import statistics
import sys
import time

from jupyter_client import KernelManager

KERNEL = "java-course"
STARTUP_TIMEOUT = 30
CELL_TIMEOUT = 60
failures = []


def fail(what):
    failures.append(what)
    print("FAIL: " + what, flush=True)


def busy_loop():
    while True:
        pass


def start_kernel(cwd):
    km = KernelManager(kernel_name=KERNEL)
    km.start_kernel(cwd=cwd)
    kc = km.client()
    kc.start_channels()
    return km, kc


def stop_kernel(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    if km.is_alive():
        fail("kernel process still alive after shutdown")


def run(kc, code, timeout=CELL_TIMEOUT, on_message=None):
    """Executes code; returns (reply content, iopub messages of this request)."""
    msg_id = kc.execute(code)
    messages = []
    deadline = time.time() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if on_message:
            on_message(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"], messages


def of_type(messages, kind):
    return [m["content"] for m in messages if m["msg_type"] == kind]


def stats(name, values):
    return "%s: min %.2f s, median %.2f s, max %.2f s" % (
        name, min(values), statistics.median(values), max(values))


def starts(n, cwd):
    busy = [multiprocessing.Process(target=busy_loop, daemon=True) for _ in range(2)]
    for p in busy:
        p.start()
    ready_times, first_output_times = [], []
    try:
        for i in range(n):
            t0 = time.time()
            km, kc = start_kernel(cwd)
            try:
                try:
                    kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
                except RuntimeError as e:
                    fail("start %d: no kernel_info reply within %d s (%s)" % (i + 1, STARTUP_TIMEOUT, e))
                    continue
                t_ready = time.time() - t0
                first = []
                reply, messages = run(kc, "1 + 1", timeout=STARTUP_TIMEOUT,
                                      on_message=lambda m: first.append(time.time() - t0)
                                      if m["msg_type"] == "execute_result" and not first else None)
                results = of_type(messages, "execute_result")
                if reply["status"] != "ok" or not results or results[0]["data"].get("text/plain") != "2":
                    fail("start %d: 1 + 1 gave %s %s" % (i + 1, reply.get("status"), results))
                    continue
                ready_times.append(t_ready)
                first_output_times.append(first[0])
                print("start %2d: kernel_info %.2f s, first output %.2f s" % (i + 1, t_ready, first[0]), flush=True)
            except Exception as e:  # a hang shows up as queue.Empty from get_*_msg
                fail("start %d: %s: %s" % (i + 1, type(e).__name__, e))
            finally:
                stop_kernel(km, kc)
    finally:
        for p in busy:
            p.terminate()
    if ready_times:
        print(stats("start -> kernel_info", ready_times))
        print(stats("start -> first output", first_output_times))
    print("%d of %d starts answered and ran a cell" % (len(ready_times), n))


def expect(cond, what):
    if not cond:
        fail(what)


def session(cwd):
    t0 = time.time()
    km, kc = start_kernel(cwd)
    try:
        kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
        print("kernel_info after %.2f s" % (time.time() - t0))
        reply, msgs = run(kc, "1 + 1")
        print("first cell done after %.2f s" % (time.time() - t0))
        results = of_type(msgs, "execute_result")
        expect(reply["status"] == "ok" and results and results[0]["data"]["text/plain"] == "2",
               "1 + 1: expected execute_result 2, got %s %s" % (reply["status"], results))

        t1 = time.time()
        reply, msgs = run(kc, "2 + 3")
        print("trivial cell %.3f s" % (time.time() - t1))

        reply, msgs = run(kc, 'int x = "s";')
        errors = of_type(msgs, "error")
        expect(reply["status"] == "error" and errors and errors[0]["ename"] == "CompilationException"
               and "incompatible types" in errors[0]["evalue"],
               "compile error: expected CompilationException / incompatible types, got %s" % errors)
        expect(errors and any("line 1" in line for line in errors[0]["traceback"]),
               "compile error traceback should name the cell line: %s" % (errors and errors[0]["traceback"]))

        reply, msgs = run(kc, 'throw new IllegalStateException("boom");')
        errors = of_type(msgs, "error")
        expect(reply["status"] == "error" and errors and errors[0]["ename"] == "IllegalStateException"
               and errors[0]["evalue"] == "boom",
               "exception: expected IllegalStateException / boom, got %s" % errors)
        expect(reply.get("ename") == "IllegalStateException", "execute_reply ename: %s" % reply.get("ename"))

        reply, msgs = run(kc, 'dl.Check.check("x", 1.0, 2.0, 0.1)')
        errors = of_type(msgs, "error")
        expect(reply["status"] == "error" and errors and errors[0]["ename"] == "CheckFailed"
               and errors[0]["evalue"].startswith("x: expected 2"),
               "failed check: expected CheckFailed naming x, got %s" % errors)

        reply, msgs = run(kc, 'System.out.println("out line"); System.err.println("err line");')
        streams = of_type(msgs, "stream")
        out = "".join(s["text"] for s in streams if s["name"] == "stdout")
        err = "".join(s["text"] for s in streams if s["name"] == "stderr")
        expect(out == "out line\n" and err == "err line\n", "streams: got %s" % streams)

        # Interrupt an endless loop once it runs; the next cell must work and see no leftovers.
        interrupted_at = []

        def interrupt_when_running(msg):
            if msg["msg_type"] == "stream" and "looping" in msg["content"]["text"] and not interrupted_at:
                interrupted_at.append(time.time())
                km.interrupt_kernel()

        reply, msgs = run(kc, '{ System.out.println("looping"); while (true) {} }',
                          on_message=interrupt_when_running)
        errors = of_type(msgs, "error")
        expect(reply["status"] == "error" and errors and errors[0]["ename"] == "Interrupted",
               "interrupt: expected an Interrupted error, got %s %s" % (reply["status"], errors))
        if interrupted_at:
            print("endless loop stopped %.2f s after the interrupt" % (time.time() - interrupted_at[0]))
        reply, msgs = run(kc, "2 + 2")
        results = of_type(msgs, "execute_result")
        expect(reply["status"] == "ok" and results and results[0]["data"]["text/plain"] == "4",
               "after interrupt: 2 + 2 gave %s %s" % (reply["status"], results))
        expect(not of_type(msgs, "stream"), "after interrupt: stray output %s" % of_type(msgs, "stream"))

        code = "Nd4j.zer"
        msg_id = kc.complete(code, len(code))
        while True:
            c = kc.get_shell_msg(timeout=CELL_TIMEOUT)
            if c["parent_header"].get("msg_id") == msg_id:
                break
        matches = c["content"].get("matches", [])
        expect(any(m.startswith("zeros") for m in matches), "completion of Nd4j.zer: %s" % matches)

        reply, msgs = run(kc, 'String id = display("step 1"); updateDisplay(id, "step 2");')
        shown = of_type(msgs, "display_data")
        updated = of_type(msgs, "update_display_data")
        expect(shown and updated and shown[0]["transient"]["display_id"] == updated[0]["transient"]["display_id"]
               and updated[0]["data"]["text/plain"] == "step 2",
               "display/update_display: got %s / %s" % (shown, updated))

        reply, msgs = run(kc, 'var c = new XYChartBuilder().width(300).height(200).build();\n'
                              'c.addSeries("y", new double[] {1, 2, 3}, new double[] {1, 4, 9});\nc')
        results = of_type(msgs, "execute_result")
        expect(results and "image/png" in results[0]["data"], "chart: expected image/png, got %s"
               % (results and list(results[0]["data"])))
    finally:
        stop_kernel(km, kc)


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("starts", "session"):
        print(__doc__)
        return 2
    cwd = os.getcwd()
    if sys.argv[1] == "starts":
        starts(int(sys.argv[2]) if len(sys.argv) > 2 else 30, cwd)
    else:
        session(cwd)
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
