#!/usr/bin/env python3
"""Every torch function, Tensor method, torch.nn.functional function, builtin, nn layer,
optimizer, numpy function and ndarray method Recur provides, called with every pair of values from a pool of extreme and
ill-typed arguments (and triples of the first dozen), each call inside try/except, one
process per callable under an address-space limit. A process that ends without reaching its
last line died by a signal or hung: the callable is printed with the call that killed it.

    python tools/fuzz/sweep.py [--recur PATH] [--only torch.roll,Tensor.topk] [--jobs N]

torch_calls.py draws random statements; this sweep is exhaustive over the names `dir()`
shows (about 600 callables; a few minutes for the debug build on two cores). What it finds belongs in
a test once fixed (a PyTorch fixture under Tests/ScriptTests/TorchPrograms/, or a program in
Tests/hostile/generate.py).
"""
from __future__ import annotations

import argparse
import concurrent.futures
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 6 * 1024 ** 3
DONE = "SWEEP-DONE"

VALUES = """V = [0, 1, -1, 2, 3, 2**31, 2**63 - 1, -2**63, 2**64, 10**10, -10**10, 0.5, -0.0, float("nan"),
     float("inf"), float("-inf"), True, None, "", "abc", [], [1, 2], (2, 3), (-1,), [2**63 - 1], {}, slice(None),
     torch.tensor(3.0), torch.zeros(0), torch.randn(2, 3), torch.tensor([2**63 - 1, -2**63]),
     torch.tensor([True, False]), torch.randn(3, dtype=torch.float64), torch.tensor([-1, 5]),
     torch.randn(2, 3, requires_grad=True), torch.float64, torch.int64, np.zeros(0), np.arange(6).reshape(2, 3),
     np.array([2**63 - 1, -2**63]), np.float32(1.5), np.array([True]), np.int64]
"""

PRELUDE = """import torch, math
import numpy as np
import torch.nn.functional as F
TRACE = {trace}
""" + VALUES + """
def attempt(f, *a):
    if TRACE:
        print("CALL", [x if isinstance(x, (int, float, str)) else type(x).__name__ for x in a], flush=True)
    try:
        repr(f(*a))
    except KeyboardInterrupt:
        raise
    except BaseException:
        pass
"""

CALLS = """f = {target}
attempt(f)
for a in V:
    attempt(f, a)
    for b in V:
        attempt(f, a, b)
for a in V[:12]:
    for b in V[:12]:
        for c in V[:12]:
            attempt(f, a, b, c)
"""

METHODS = """for base in [torch.tensor(3.0), torch.zeros(0), torch.randn(2, 3), torch.tensor([2**63 - 1, -2**63]),
             torch.tensor([True, False]), torch.randn(3, dtype=torch.float64), torch.randn(2, 3, requires_grad=True)]:
    try:
        f = getattr(base if base.requires_grad else base.clone(), {name!r})
    except BaseException:
        continue
    attempt(f)
    for a in V:
        attempt(f, a)
        for b in V[:20]:
            attempt(f, a, b)
"""

LAYERS = """cls = {target}
inputs = [torch.randn(2, 3), torch.randn(3, 2, 4), torch.tensor([1, 2]), torch.zeros(0, 3), torch.randn(1, 1, 1, 1)]
for args in [()] + [(a,) for a in V] + [(a, b) for a in V[:16] for b in V[:16]] + [(a, b, c) for a in V[:9] for b in V[:9] for c in V[:9]]:
    if TRACE:
        print("MAKE", [x if isinstance(x, (int, float, str)) else type(x).__name__ for x in args], flush=True)
    try:
        if {optimizer}:
            opt = cls([torch.randn(2, requires_grad=True)], *args)
            opt.step()
            continue
        m = cls(*args)
        repr(m)
    except BaseException:
        continue
    for x in inputs:
        attempt(m, x)
        attempt(m, x, x)
"""

NAMES = """import torch
import torch.nn.functional as F
t = torch.randn(2, 3)
print("torch", " ".join(n for n in dir(torch) if not n.startswith("_")))
print("Tensor", " ".join(n for n in dir(t) if not n.startswith("_")))
print("F", " ".join(n for n in dir(F) if not n.startswith("_")))
print("nn", " ".join(n for n in dir(torch.nn) if n[:1].isupper()))
print("optim", " ".join(n for n in dir(torch.optim) if n[:1].isupper()))
import numpy as np
print("np", " ".join(n for n in dir(np) if not n.startswith("_") and callable(getattr(np, n))))
print("ndarray", " ".join(n for n in dir(np.zeros(1)) if not n.startswith("_")))
"""

# CPython's builtins that take arguments and neither read stdin nor leave the process.
BUILTINS = sorted({"abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable", "chr", "dict", "dir",
                   "divmod", "enumerate", "filter", "float", "format", "frozenset", "getattr", "hasattr", "hash",
                   "hex", "id", "int", "isinstance", "issubclass", "iter", "len", "list", "map", "max", "min",
                   "next", "oct", "ord", "pow", "range", "repr", "reversed", "round", "set", "setattr", "slice",
                   "sorted", "str", "sum", "tuple", "type", "vars", "zip", "divmod", "delattr"})


def program(kind: str, name: str, trace: bool) -> str:
    text = PRELUDE.replace("{trace}", str(trace))
    if kind == "Tensor":
        text += METHODS.format(name=name)
    elif kind in ("nn", "optim"):
        text += LAYERS.format(target=f"torch.{kind}.{name}", optimizer=kind == "optim")
    else:
        target = {"torch": f"torch.{name}", "F": f"F.{name}", "builtins": name, "np": f"np.{name}",
                  "ndarray": f"np.arange(6.0).reshape(2, 3).{name}"}[kind]
        text += CALLS.format(target=target)
    return text + f'print("{DONE}")\n'


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def run(recur: str, kind: str, name: str, trace: bool = False) -> tuple[bool, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sweep.recur"
        path.write_text(program(kind, name, trace))
        try:
            done = subprocess.run([recur, "run", str(path)], capture_output=True, text=True, timeout=300,
                                  preexec_fn=limit_memory, cwd=folder)
        except subprocess.TimeoutExpired as timeout:
            return False, (timeout.stdout or b"").decode(errors="replace") if isinstance(timeout.stdout, bytes) else (timeout.stdout or "")
        return DONE in done.stdout, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recur", default=str(ROOT / ".build" / "debug" / "recur"))
    parser.add_argument("--only", default="", help="comma-separated kind.name (torch.roll, Tensor.topk, F.linear, np.eye)")
    parser.add_argument("--jobs", type=int, default=2)
    arguments = parser.parse_args()
    arguments.recur = str(Path(arguments.recur).resolve())
    listing = subprocess.run([arguments.recur, "run", "/dev/stdin"], input=NAMES, capture_output=True, text=True,
                             check=True).stdout
    targets = [(line.split()[0], name) for line in listing.splitlines() for name in line.split()[1:]]
    targets += [("builtins", name) for name in BUILTINS]
    if arguments.only:
        wanted = set(arguments.only.split(","))
        targets = [t for t in targets if f"{t[0]}.{t[1]}" in wanted]
    failures = []
    with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
        outcomes = pool.map(lambda target: (target, run(arguments.recur, *target)), targets)
        for (kind, name), (finished, _) in outcomes:
            if not finished:
                failures.append((kind, name))
    for kind, name in failures:
        # Again with each call printed before it is made: the last one printed killed it.
        _, output = run(arguments.recur, kind, name, trace=True)
        calls = [line for line in output.splitlines() if line.startswith(("CALL", "MAKE"))]
        print(f"{kind}.{name}: {calls[-1] if calls else 'died before its first call'}")
    print(f"{len(targets)} callables, {len(failures)} killed or hung the process")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
