#!/usr/bin/env python3
"""Recur's numpy beside NumPy: element-wise operations and reductions on 1e6-element arrays.

    python tools/bench/numpy_bench.py --numpy PYTHON [--recur PATH] [--rounds N]

PYTHON is a Python that has numpy. Each case is one program that Recur runs unchanged: it
times BLOCKS blocks of REPS repetitions of one expression with time.perf_counter() and prints
the milliseconds per repetition of its fastest block (on a shared machine the other processes
only ever add time, so the fastest block is the least disturbed one). Every round runs
`recur run` (the release build by default) and NumPy one after the other; the table gives the
median over the rounds for each, side by side, and their ratio.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

EXPRESSIONS = ["a + b", "a * b", "a * 2.5", "a / b", "np.exp(a)", "np.sqrt(np.abs(a))", "np.maximum(a, 0)",
               "a > 0", "a.sum()", "a.mean()", "a.max()", "a.std()", "a.sum(axis=1)", "a.argmax()",
               "np.dot(v, w)", "a.T.copy()", "a[::2].sum()", "a[a > 0]"]

SETUP = """
import time
import numpy as np
np.random.seed(0)
a = np.random.randn(1000, 1000).astype("{dtype}")
b = np.random.rand(1000, 1000).astype("{dtype}") + 1
v = a.reshape(-1)
w = b.reshape(-1)
REPS = {reps}
r = {expr}
best = None
for _ in range({blocks}):
    t0 = time.perf_counter()
    for _ in range(REPS):
        r = {expr}
    elapsed = time.perf_counter() - t0
    best = elapsed if best is None or elapsed < best else best
print(best / REPS * 1e3)
"""


def timed(command: list[str], source: str) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(source)
        path = handle.name
    try:
        done = subprocess.run(command + [path], capture_output=True, text=True, timeout=600,
                              env={**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"})
    finally:
        os.unlink(path)
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {done.stderr.strip().splitlines()[-1:]}")
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recur", default=str(REPO / ".build" / "release" / "recur"))
    parser.add_argument("--numpy", required=True, help="a Python with numpy")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="", help="run only the expressions containing this text")
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--blocks", type=int, default=5)
    args = parser.parse_args()
    print("| dtype | expression | Recur ms | NumPy ms | Recur / NumPy |")
    print("|---|---|---|---|---|")
    for dtype in ["float32", "float64"]:
        for expr in EXPRESSIONS:
            if args.only not in expr:
                continue
            source = SETUP.format(dtype=dtype, reps=args.reps, blocks=args.blocks, expr=expr)
            # Alternate the two in every round so load on a shared machine falls on both alike.
            mine_times, their_times = [], []
            for _ in range(args.rounds):
                mine_times.append(timed([args.recur, "run"], source))
                their_times.append(timed([args.numpy], source))
            mine, theirs = statistics.median(mine_times), statistics.median(their_times)
            print(f"| {dtype} | `{expr}` | {mine:.2f} | {theirs:.2f} | {mine / theirs:.1f} |", flush=True)


if __name__ == "__main__":
    main()
