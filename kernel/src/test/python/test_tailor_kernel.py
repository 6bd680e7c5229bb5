"""Protocol tests of Tailor's Jupyter kernel, run against the installed kernelspec.

The JUnit test JupyterKernelTest installs a kernelspec built from the test classpath into a temporary
JUPYTER_PATH and runs this file with /usr/bin/python3 -m unittest. To run it by hand against an installed
kernel: ./tailor kernel install --user && /usr/bin/python3 -m unittest -v test_tailor_kernel
"""

import os
import subprocess
import sys
import tempfile
import time
import unittest
from queue import Empty

import jupyter_kernel_test as jkt
import nbformat
from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("TAILOR_KERNEL_NAME", "tailor")
TIMEOUT = 60


class TailorKernelProtocolTests(jkt.KernelTests):
    """jupyter_kernel_test's standard checks: message shapes, streams, results, errors, completion, history."""

    kernel_name = KERNEL_NAME
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("careful");'
    completion_samples = [{"text": "Math.ma", "matches": {"max("}}]
    complete_code_samples = ["1 + 1", "int x = 1;", "for (int i = 0; i < 3; i++) { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "Math.max(1,"]
    invalid_code_samples = ["int 1x = ;)"]
    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [{"code": "6 * 7", "result": "42"}, {"code": '"tai" + "lor"', "result": "tailor"}]
    code_display_data = [
        {"code": 'display(Table.create("t", IntColumn.create("a", new int[] {1, 2})));', "mime": "text/html"},
        {"code": 'display(QuickChart.getChart("t", "x", "y", "y", new double[] {1, 2}, new double[] {3, 4}));',
         "mime": "image/png"},
    ]
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.max"


class KernelSession(unittest.TestCase):
    """A fresh kernel per test class, plus a helper that runs a cell and collects its IOPub messages."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel()

    def run_cell(self, code, timeout=TIMEOUT, **kwargs):
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=outputs.append, **kwargs)
        return reply["content"], outputs

    @staticmethod
    def of_type(outputs, msg_type):
        return [m["content"] for m in outputs if m["msg_type"] == msg_type]


class TailorKernelBehaviourTests(KernelSession):
    """What a notebook user relies on beyond the message shapes."""

    def test_display_shows_a_bundle_without_an_out_prompt(self):
        reply, outputs = self.run_cell('display(List.of(1, 2));')
        self.assertEqual("ok", reply["status"])
        self.assertEqual([{"text/plain": "[1, 2]"}], [d["data"] for d in self.of_type(outputs, "display_data")])
        self.assertEqual([], self.of_type(outputs, "execute_result"))

    def test_a_progress_bar_is_one_display_updated_in_place_until_finished(self):
        code = ('try (Progress p = Progress.range(100, "reps")) {\n'
                '    for (int i = 0; i < 100; i++) { Thread.sleep(5); p.step(); }\n'
                '}')
        reply, outputs = self.run_cell(code)
        self.assertEqual("ok", reply["status"])
        shown = self.of_type(outputs, "display_data")
        updates = self.of_type(outputs, "update_display_data")
        self.assertEqual(1, len(shown))
        display_id = shown[0]["transient"]["display_id"]
        self.assertIn("<progress", shown[0]["data"]["text/html"])
        # >= 0.5 s of work at one update per 150 ms at most: a few updates, not a hundred.
        self.assertTrue(2 <= len(updates) <= 30, len(updates))
        self.assertTrue(all(u["transient"]["display_id"] == display_id for u in updates))
        self.assertIn("100/100 (100%)", updates[-1]["data"]["text/plain"])
        shown_or_updated = [m["msg_type"] for m in outputs if m["msg_type"] in ("display_data", "update_display_data")]
        self.assertEqual("update_display_data", shown_or_updated[-1])

    def test_trailing_semicolon_suppresses_the_result(self):
        _, outputs = self.run_cell("Math.max(1, 2);")
        self.assertEqual([], self.of_type(outputs, "execute_result"))

    def test_tailor_results_render_as_html_and_text(self):
        _, outputs = self.run_cell('Table.create("t", IntColumn.create("a", new int[] {1, 2, 3}))')
        data = self.of_type(outputs, "execute_result")[0]["data"]
        self.assertIn("text/plain", data)
        self.assertIn("<table", data["text/html"])

    def test_compile_error_names_line_and_column(self):
        reply, outputs = self.run_cell('int ok = 1;\nString s = ok.length();')
        self.assertEqual("error", reply["status"])
        error = self.of_type(outputs, "error")[0]
        self.assertEqual("CompilationError", error["ename"])
        self.assertTrue(error["evalue"].startswith("line 2, column 12: int cannot be dereferenced"), error["evalue"])

    def test_runtime_error_shows_the_users_exception(self):
        reply, outputs = self.run_cell('Objects.requireNonNull(null, "the outcome table");')
        self.assertEqual("java.lang.NullPointerException", reply["ename"])
        traceback = "\n".join(self.of_type(outputs, "error")[0]["traceback"])
        self.assertIn("the outcome table", traceback)
        self.assertNotIn("dev.tailor.kernel", traceback)

    def test_silent_execution_publishes_nothing_and_keeps_the_count(self):
        before, _ = self.run_cell("1")
        reply, outputs = self.run_cell('System.out.println("quiet"); 5', silent=True)
        self.assertEqual("ok", reply["status"])
        self.assertEqual([], [m for m in outputs if m["msg_type"] in ("stream", "execute_result", "execute_input")])
        after, _ = self.run_cell("2")
        self.assertEqual(before["execution_count"] + 1, after["execution_count"])

    def test_stdin_reads_from_the_frontend(self):
        msg_id = self.kc.execute('new Scanner(System.in).nextLine().toUpperCase()', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual("input_request", request["msg_type"])
        self.kc.input("tailor")
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(msg_id, reply["parent_header"]["msg_id"])
        self.assertEqual("ok", reply["content"]["status"])
        results = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "execute_result":
                results.append(msg["content"]["data"]["text/plain"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        self.assertEqual(["TAILOR"], results)

    def test_inspection_gives_signature_and_first_sentence_with_the_cursor_at_the_end(self):
        for code in ("Math.max", "Math.max("):
            reply = self.kc.inspect(code, len(code), reply=True, timeout=TIMEOUT)["content"]
            self.assertTrue(reply["found"], code)
            text = reply["data"]["text/plain"]
            self.assertIn("max(int a, int b)", text)
            self.assertIn("Returns the greater of two int values.", text)

    def test_magics(self):
        _, outputs = self.run_cell("%lsmagic")
        self.assertIn("%classpath", self.of_type(outputs, "stream")[0]["text"])
        _, outputs = self.run_cell("%%time\nThread.sleep(20);\n42")
        self.assertIn("Wall time:", "".join(s["text"] for s in self.of_type(outputs, "stream")))
        self.assertEqual("42", self.of_type(outputs, "execute_result")[0]["data"]["text/plain"])
        with tempfile.NamedTemporaryFile("w", suffix=".jsh", delete=False) as script:
            script.write("int loaded = 41;\n")
        _, outputs = self.run_cell("%load " + script.name + "\nloaded + 1")
        self.assertEqual("42", self.of_type(outputs, "execute_result")[0]["data"]["text/plain"])
        # An artifact the build already cached, so no network is needed: resolves to its one jar.
        reply, outputs = self.run_cell("%maven org.apache.commons:commons-math3:3.6.1")
        self.assertEqual("ok", reply["status"])
        self.assertIn("Added 1 jar", self.of_type(outputs, "stream")[0]["text"])

    def test_system_exit_stops_the_cell_and_the_kernel_survives(self):
        reply, _ = self.run_cell("System.exit(2);")
        self.assertEqual("SystemExit", reply["ename"])
        reply, outputs = self.run_cell("1 + 1")
        self.assertEqual("2", self.of_type(outputs, "execute_result")[0]["data"]["text/plain"])

    def test_a_hundred_quick_cells(self):
        for i in range(100):
            reply, _ = self.run_cell(f"int v{i} = {i};")
            self.assertEqual("ok", reply["status"], i)
        _, outputs = self.run_cell("v0 + v99")
        self.assertEqual("99", self.of_type(outputs, "execute_result")[0]["data"]["text/plain"])


class TailorKernelLoadTests(KernelSession):
    """Interrupts and large outputs, each in a kernel of its own class so a failure cannot leak into others."""

    def test_interrupt_stops_a_busy_loop_within_a_second(self):
        msg_id = self.kc.execute("while (true) { }")
        time.sleep(1.0)
        start = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        elapsed = time.monotonic() - start
        self.assertEqual(msg_id, reply["parent_header"]["msg_id"])
        self.assertEqual("Interrupted", reply["content"]["ename"])
        print(f"\ninterrupt to execute_reply: {elapsed:.2f} s", file=sys.stderr)
        self.assertLess(elapsed, 1.0)
        _, outputs = self.run_cell("1 + 1")
        self.assertEqual("2", self.of_type(outputs, "execute_result")[0]["data"]["text/plain"])

    def test_five_megabytes_of_output_arrive_whole_and_fast(self):
        self.run_cell("String line = \"x\".repeat(49);")
        start = time.monotonic()
        reply, outputs = self.run_cell("for (int i = 0; i < 100_000; i++) System.out.println(line);")
        elapsed = time.monotonic() - start
        text = "".join(s["text"] for s in self.of_type(outputs, "stream"))
        self.assertEqual("ok", reply["status"])
        self.assertEqual(5_000_000, len(text))
        print(f"\n5 MB of stdout: {elapsed:.2f} s in {len(outputs)} messages", file=sys.stderr)
        # The target is 2 s (bench_kernel.py reports it); on a loaded 2-core CI machine allow some slack here.
        self.assertLess(elapsed, 6.0)


class TailorKernelRestartTests(KernelSession):

    def test_restart_starts_a_fresh_jvm(self):
        self.run_cell("int survivor = 1;")
        self.km.restart_kernel()
        self.kc.wait_for_ready(timeout=TIMEOUT)
        reply, _ = self.run_cell("survivor")
        self.assertEqual("error", reply["status"])
        reply, outputs = self.run_cell("1 + 1")
        self.assertEqual("2", self.of_type(outputs, "execute_result")[0]["data"]["text/plain"])


class NbconvertTests(unittest.TestCase):

    def test_nbconvert_executes_a_notebook_with_the_tailor_kernel(self):
        notebook = nbformat.v4.new_notebook()
        notebook.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Java (Tailor)", "language": "java"}
        notebook.cells = [nbformat.v4.new_code_cell('System.out.println("from nbconvert");'),
                          nbformat.v4.new_code_cell("6 * 7")]
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "smoke.ipynb")
            nbformat.write(notebook, path)
            subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute", "--inplace", path],
                           check=True, timeout=3 * TIMEOUT, capture_output=True)
            executed = nbformat.read(path, as_version=4)
        self.assertEqual("from nbconvert\n", executed.cells[0].outputs[0]["text"])
        self.assertEqual("42", executed.cells[1].outputs[0]["data"]["text/plain"])


if __name__ == "__main__":
    unittest.main()
