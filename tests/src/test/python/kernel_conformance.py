#!/usr/bin/python3
"""Jupyter's own kernel test suite (Debian's python3-jupyter-kernel-test) against the course kernel.

jupyter_kernel_test.KernelTests checks every reply against the message spec (v5) and runs the
samples below, written as a Java user types them. The extra tests at the end check behaviour
the suite has no sample for: reading stdin, System.exit in a cell, output of a background thread.

Run by KernelConformanceTest (tests/ module):
  JUPYTER_PATH=<repo>/build/jupyter /usr/bin/python3 -m unittest -v kernel_conformance
"""
import time
import unittest

import jupyter_kernel_test as jkt
from jupyter_kernel_test.msgspec_v5 import validate_message

# The first cell waits for JShell's warm-up; on a busy machine that can exceed the suite's 15 s.
WARM_UP_TIMEOUT = 120


class CourseKernelTests(jkt.KernelTests):
    kernel_name = "java-course"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went wrong");'

    completion_samples = [
        # names declared earlier in the same, not yet executed, cell
        {"text": 'var s = "abc"; s.toUpp', "matches": {"toUpperCase("}},
        {"text": "Math.sq", "matches": {"sqrt("}},
    ]
    complete_code_samples = [
        "1 + 1",
        "int x = 3;",
        "for (int i = 0; i < 3; i++) { System.out.println(i); }",
        "double square(double v) { return v * v; }",
        "record Point(double x, double y) {}",
        "%fast",
    ]
    incomplete_code_samples = [
        "for (int i = 0; i < 3; i++) {",
        "double square(double v) {",
        "int total = (1 +",
    ]
    invalid_code_samples = ["int x = ;", "x y z;"]

    code_page_something = "?Math.sqrt"
    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"ab" + "cd"', "result": "abcd"},
        {"code": "Math.sqrt(16.0)", "result": "4.0"},
    ]
    code_display_data = [{"code": 'display("shown with display(...)");', "mime": "text/plain"}]
    code_history_pattern = "6 ?*"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.sqrt"
    code_clear_output = 'System.out.println("frame 1"); clearOutput(); System.out.println("frame 2");'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        msg_id = cls.kc.execute("1")
        reply = cls.kc.get_shell_msg(timeout=WARM_UP_TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = cls.kc.get_shell_msg(timeout=WARM_UP_TIMEOUT)

    # ---- beyond the suite's samples

    def run_cell(self, code, allow_stdin=False, timeout=60):
        """Executes code; returns (reply content, iopub messages of the request), all validated."""
        self.flush_channels()
        msg_id = self.kc.execute(code, allow_stdin=allow_stdin)
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        validate_message(reply, "execute_reply", msg_id)
        messages = self.iopub_until_idle(msg_id)
        return reply["content"], messages

    def iopub_until_idle(self, msg_id, timeout=30):
        messages = []
        deadline = time.time() + timeout
        while time.time() < deadline:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            validate_message(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return messages
            messages.append(msg)
        self.fail("no idle status within %d s" % timeout)

    @staticmethod
    def stdout_of(messages):
        return "".join(m["content"]["text"] for m in messages
                       if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")

    def test_stdin_sends_an_input_request_when_the_front_end_allows_it(self):
        self.flush_channels()
        msg_id = self.kc.execute('String name = new java.util.Scanner(System.in).nextLine();\n'
                                 'System.out.println("hello " + name);', allow_stdin=True)
        try:
            request = self.kc.get_stdin_msg(timeout=60)
            # Not validate_message: its v5 schema (jupyter_kernel_test 0.4.5) wants a number for
            # "password", which the message spec defines as a boolean.
            self.assertEqual(request["header"]["msg_type"], "input_request")
            self.assertIs(request["content"]["password"], False)
            self.assertEqual(request["parent_header"]["msg_id"], msg_id)
        finally:
            self.kc.input("Ada")  # never leave the kernel waiting for input
        reply = self.get_non_kernel_info_reply(timeout=60)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        self.assertIn("hello Ada", self.stdout_of(self.iopub_until_idle(msg_id)))

    def test_stdin_without_a_front_end_fails_with_a_clear_error(self):
        reply, _ = self.run_cell('new java.util.Scanner(System.in).nextLine();', allow_stdin=False)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "StdinUnavailableException", reply)
        self.assertIn("allow_stdin", reply["evalue"])

    def test_system_exit_is_refused_and_the_kernel_keeps_its_variables(self):
        reply, _ = self.run_cell("int kept = 41;")
        self.assertEqual(reply["status"], "ok")
        reply, _ = self.run_cell("System.exit(1);")
        self.assertEqual(reply["status"], "error", reply)
        self.assertIn("System.exit", reply["evalue"])
        reply, messages = self.run_cell("kept + 1")
        self.assertEqual(reply["status"], "ok", reply)
        results = [m["content"]["data"]["text/plain"] for m in messages if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["42"])

    def test_background_thread_output_reaches_the_next_cell(self):
        reply, _ = self.run_cell('new Thread(() -> { try { Thread.sleep(500); } catch (InterruptedException e) { }\n'
                                 '  System.out.println("late line from a thread"); }).start();')
        self.assertEqual(reply["status"], "ok")
        time.sleep(1.5)
        reply, messages = self.run_cell('System.out.println("next cell");')
        self.assertEqual(reply["status"], "ok")
        out = self.stdout_of(messages)
        self.assertIn("late line from a thread", out)
        self.assertIn("next cell", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
