#!/usr/bin/env python3
"""Recur's interpreter beside CPython: the same small programs, timed inside each.

    python tools/bench/interpreter_bench.py [--recur PATH] [--rounds N] [--torch PYTHON]

Each case is one Python program that Recur runs unchanged: it times its own loop with
time.perf_counter() and prints the time per iteration in microseconds. The table gives the
median over the rounds for `recur run` (the release build by default) and for this Python,
their ratio, and the geometric mean of the ratios. `net(x, h)` with a 4x4 RNNCell is
compared with PyTorch when --torch names a Python that has torch.
"""
from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CASES = {
    "function call": """
def f(a, b):
    return a
t0 = time.perf_counter()
for i in range(N):
    f(i, 2)
""",
    "method call": """
class C:
    def m(self, a):
        return a
c = C()
t0 = time.perf_counter()
for i in range(N):
    c.m(i)
""",
    "attribute read/write": """
class C:
    pass
c = C()
c.x = 0
t0 = time.perf_counter()
for i in range(N):
    c.x = c.x + 1
""",
    "global loop": """
total = 0
t0 = time.perf_counter()
for i in range(N):
    total = total + i
""",
    "local loop": """
def run(n):
    total = 0
    for i in range(n):
        total = total + i
    return total
t0 = time.perf_counter()
run(N)
""",
    "list comprehension": """
data = list(range(100))
t0 = time.perf_counter()
for i in range(N // 100):
    squares = [x * x for x in data]
""",
    "dict comprehension": """
data = list(range(100))
t0 = time.perf_counter()
for i in range(N // 100):
    table = {x: x + 1 for x in data}
""",
    "closure call": """
def make(k):
    def add(x):
        return x + k
    return add
add = make(3)
t0 = time.perf_counter()
for i in range(N):
    add(i)
""",
    "generator iteration": """
def numbers(n):
    for i in range(n):
        yield i
t0 = time.perf_counter()
total = 0
for x in numbers(N):
    total = total + x
""",
    "instance creation": """
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
t0 = time.perf_counter()
for i in range(N):
    Point(i, 2)
""",
    "inherited method and class attribute": """
class Base:
    scale = 2
    def scaled(self, a):
        return a * self.scale
class Derived(Base):
    pass
d = Derived()
t0 = time.perf_counter()
for i in range(N):
    d.scaled(i)
""",
}

RNN_CELL = """
import torch
torch.manual_seed(0)
net = torch.nn.RNNCell(4, 4)
x = torch.ones(1, 4)
h = torch.zeros(1, 4)
with torch.no_grad():
    t0 = time.perf_counter()
    for i in range(N):
        h = net(x, h)
"""

FOOTER = """
elapsed = time.perf_counter() - t0
print(elapsed / N * 1e6)
"""


def program(body: str, n: int) -> str:
    return f"import time\nN = {n}\n" + body + FOOTER


def timed(command: list[str], source: str) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(source)
        path = handle.name
    try:
        done = subprocess.run(command + [path], capture_output=True, text=True, timeout=600,
                              env={**os.environ, "OMP_NUM_THREADS": "1"})
    finally:
        os.unlink(path)
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {done.stderr.strip().splitlines()[-1:]}")
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recur", default=str(REPO / ".build" / "release" / "recur"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--torch", help="a Python with torch, for the RNNCell case")
    args = parser.parse_args()
    recur = [args.recur, "run"]
    python = [sys.executable]
    print(f"| case | Recur us | CPython {sys.version.split()[0]} us | Recur / CPython |")
    print("|---|---|---|---|")
    ratios = []
    for name, body in CASES.items():
        source = program(body, args.n)
        mine = statistics.median(timed(recur, source) for _ in range(args.rounds))
        theirs = statistics.median(timed(python, source) for _ in range(args.rounds))
        ratios.append(mine / theirs)
        print(f"| {name} | {mine:.3f} | {theirs:.3f} | {mine / theirs:.2f} |")
    geometric = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"| geometric mean | | | {geometric:.2f} |")
    if args.torch:
        source = program(RNN_CELL, 20_000)
        mine = statistics.median(timed(recur, source) for _ in range(args.rounds))
        theirs = statistics.median(timed([args.torch], source) for _ in range(args.rounds))
        print(f"\n| net(x, h), RNNCell(4, 4), no_grad | Recur {mine:.2f} us | PyTorch {theirs:.2f} us | {mine / theirs:.3f} |")


if __name__ == "__main__":
    main()
