#!/usr/bin/env python3
"""Big-int arithmetic in Recur beside CPython, and how quickly an interrupt stops it.

    python tools/bench/bigint_bench.py [--recur PATH] [--rounds N] [--no-interrupts]

Timing: each case builds its operands, then times one operation with time.perf_counter()
inside the program; the table gives the median over the rounds for `recur run` (the release
build by default) and for this Python, and their ratio.

Interrupts: a kernel of the same binary runs each long operation of
Tests/hostile/test_interrupts.py; once it has spent a second of CPU time on it, an
interrupt_request goes out, and the time until the execute reply (KeyboardInterrupt) arrives
is the latency (median and worst over the rounds).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "Tests"), str(REPO / "Tests" / "hostile"), str(REPO / "Tests" / "protocol")]

CASES = {
    "(10**10**6) // (7**500000)": ("x = 10**10**6\ny = 7**500000", "x // y"),
    "(10**10**6) % (7**500000)": ("x = 10**10**6\ny = 7**500000", "x % y"),
    "divmod(10**10**6, 7**500000)": ("x = 10**10**6\ny = 7**500000", "divmod(x, y)"),
    "2n-by-n bits, n = 10**5": ("x = 3**126000\ny = 7**35600", "x // y"),
    "2n-by-n bits, n = 10**6": ("x = 3**1260000\ny = 7**356000", "x // y"),
    "(10**10**6) // 3**1000 (small divisor)": ("x = 10**10**6\ny = 3**1000", "x // y"),
    "(10**10**6) // 7 (one limb)": ("x = 10**10**6\ny = 7", "x // y"),
    "3**2000000 squared": ("x = 3**2000000\ny = x", "x * y"),
    "10**10**7": ("x = 10\ny = 10**7", "x ** y"),
    "(1 << 60_000_000) * (1 << 1_000_000) - 1": ("x = (1 << 60_000_000) - 1\ny = (1 << 1_000_000) - 1", "x * y"),
    "str() of 4300 digits": ("x = 10**4299 + 12345\ny = 0", "str(x)"),
    "hex() of 10**7 bits": ("x = (1 << 10**7) - 12345\ny = 0", "hex(x)"),
    "int(hex string of 10**6 digits, 16)": ("x = 'f' * 10**6\ny = 16", "int(x, y)"),
}

PROGRAM = """import time
{setup}
t0 = time.perf_counter()
r = {operation}
print(time.perf_counter() - t0)
"""


def default_recur() -> Path:
    out = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout.strip()
    return Path(out) / "recur"


def timed(command: list[str], source: str) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(source)
    try:
        done = subprocess.run(command + [f.name], capture_output=True, text=True, timeout=900)
    finally:
        os.unlink(f.name)
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {done.stderr.strip().splitlines()[-1:]}")
    return float(done.stdout.strip().splitlines()[-1])


def timing_table(recur: Path, rounds: int) -> None:
    print(f"{'operation':44} {'Recur s':>9} {'CPython s':>10} {'ratio':>7}")
    for name, (setup, operation) in CASES.items():
        source = PROGRAM.format(setup=setup, operation=operation)
        ours = statistics.median(timed([str(recur), "run"], source) for _ in range(rounds))
        theirs = statistics.median(timed([sys.executable], source) for _ in range(rounds))
        print(f"{name:44} {ours:9.3f} {theirs:10.3f} {ours / theirs:7.2f}", flush=True)


def interrupt_latencies(recur: Path, rounds: int) -> None:
    os.environ["RECUR_BIN"] = str(recur)
    from helpers import interrupt_once_busy
    from jupyter_client.manager import KernelManager
    from recur_kernelspec import KERNEL_NAME, install_private_kernelspec
    from test_interrupts import CELLS, SETUP

    home = install_private_kernelspec("recur-bigint-bench-")
    os.environ["JUPYTER_PATH"] = str(home / "prefix" / "share" / "jupyter")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(home / "runtime")
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    def reply_to(msg_id: str) -> dict:
        while True:
            reply = kc.get_shell_msg(timeout=120)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply

    try:
        setup = reply_to(kc.execute(SETUP))
        if setup["content"]["status"] != "ok":
            raise RuntimeError(f"setup failed: {setup['content']}")
        print(f"\n{'interrupted cell':28} {'median ms':>10} {'worst ms':>9}")
        for name, code in CELLS.items():
            latencies = []
            for _ in range(rounds):
                msg_id = kc.execute(code)
                interrupt_once_busy(km, "message")
                sent = time.monotonic()
                reply = reply_to(msg_id)
                latencies.append((time.monotonic() - sent) * 1000)
                if reply["content"].get("ename") != "KeyboardInterrupt":
                    raise RuntimeError(f"{name}: {reply['content']}")
            print(f"{name:28} {statistics.median(latencies):10.1f} {max(latencies):9.1f}", flush=True)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--recur", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-interrupts", action="store_true")
    args = parser.parse_args()
    recur = args.recur or default_recur()
    timing_table(recur, args.rounds)
    if not args.no_interrupts:
        interrupt_latencies(recur, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
