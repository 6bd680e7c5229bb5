"""Benchmarks Tailor's Jupyter kernel against its targets and prints one line per figure.

    ./tailor kernel install --user          # or --prefix DIR, then JUPYTER_PATH=DIR/share/jupyter
    /usr/bin/python3 kernel/src/test/python/bench_kernel.py [--kernel tailor] [--cells 50] [--starts 3]

Figures: kernel start to first kernel_info_reply (target <= 1.5 s), median round trip of a trivial cell from
execute_request to the idle status that ends it (target <= 50 ms), and 5 MB printed in one cell from
execute_request to idle with every byte received (target <= 2 s). The machine's load shows up in all three.
"""

import argparse
import statistics
import time

from jupyter_client.manager import KernelManager


def start_to_kernel_info(kernel_name):
    """Seconds from launching the kernel process to the first kernel_info_reply."""
    km = KernelManager(kernel_name=kernel_name)
    start = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    # A request sent before the kernel binds waits in the client's socket and is answered as soon as it can be.
    kc.kernel_info()
    kc.get_shell_msg(timeout=60)
    elapsed = time.perf_counter() - start
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return elapsed


def run_cell(kc, code):
    """Runs a cell; returns (seconds to idle, total stream characters)."""
    chars = 0

    def hook(msg):
        nonlocal chars
        if msg["msg_type"] == "stream":
            chars += len(msg["content"]["text"])

    start = time.perf_counter()
    reply = kc.execute_interactive(code, timeout=120, output_hook=hook)
    elapsed = time.perf_counter() - start
    assert reply["content"]["status"] == "ok", reply["content"]
    return elapsed, chars


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernel", default="tailor")
    parser.add_argument("--cells", type=int, default=50, help="trivial cells to time")
    parser.add_argument("--starts", type=int, default=3, help="kernel starts to time")
    args = parser.parse_args()

    starts = [start_to_kernel_info(args.kernel) for _ in range(args.starts)]

    km = KernelManager(kernel_name=args.kernel)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    try:
        for _ in range(10):  # warm up JShell and the JIT
            run_cell(kc, "1")
        trips = [run_cell(kc, "1")[0] for _ in range(args.cells)]
        run_cell(kc, 'String line = "x".repeat(49);')
        big, chars = run_cell(kc, "for (int i = 0; i < 100_000; i++) System.out.println(line);")
        assert chars == 5_000_000, chars
    finally:
        kc.stop_channels()
        km.shutdown_kernel()

    def verdict(value, target):
        return "ok" if value <= target else "OVER TARGET"

    start_median = statistics.median(starts)
    trip_median = statistics.median(trips) * 1000
    print(f"kernel start to first kernel_info_reply: median {start_median:.2f} s of {len(starts)} "
          f"(min {min(starts):.2f} s), target <= 1.5 s: {verdict(start_median, 1.5)}")
    print(f"trivial cell round trip: median {trip_median:.1f} ms of {len(trips)} "
          f"(min {min(trips) * 1000:.1f} ms, max {max(trips) * 1000:.1f} ms), target <= 50 ms: {verdict(trip_median, 50)}")
    print(f"5 MB of stdout in one cell: {big:.2f} s, {chars:,} characters received, target <= 2 s: {verdict(big, 2.0)}")


if __name__ == "__main__":
    main()
