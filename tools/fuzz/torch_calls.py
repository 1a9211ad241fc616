"""Random torch calls with extreme and ill-typed arguments, run through `recur run`: every
statement must end with a value or a Python exception, never with a signal or a hang.

    python tools/fuzz/torch_calls.py [--count N] [--seed S] [--recur PATH]

Statements run in batches of 40 per process, each inside try/except; a batch that dies by a
signal (or times out) is re-run one statement at a time, and the statements that kill the
process on their own are printed. Such a statement belongs in Tests/hostile/generate.py once
it is fixed.
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

NUMBERS = ["0", "-1", "1", "3", "2**31", "2**63 - 1", "-2**63", "10**20", "float('nan')", "float('inf')",
           "-0.0", "1e308", "True", "None", "'a'", "[]", "[1, 2]", "(2, 3)", "(-1,)", "0.5", "-7"]
TENSORS = ["torch.zeros(())", "torch.ones(0)", "torch.randn(2, 3)", "torch.arange(6)", "torch.zeros(2, 0, 3)",
           "torch.tensor([True, False])", "torch.randn(3, 1, 2).requires_grad_()", "torch.tensor(float('nan'))",
           "torch.full((2, 2), float('inf'))", "torch.arange(24).reshape(2, 3, 4)", "torch.randn(4, 4).t()",
           "torch.tensor([[1, 2], [3, 4]])", "torch.tensor([2**62, -2**63])"]
FUNCTIONS = ["zeros", "ones", "empty", "full", "arange", "linspace", "logspace", "eye", "rand", "randn", "randint",
             "randperm", "tensor", "cat", "stack", "multinomial", "softmax", "log_softmax", "argmax", "topk",
             "sort", "cumsum", "prod", "clamp", "where", "gather", "index_select", "masked_fill", "matmul", "mm",
             "bmm", "einsum", "norm", "std", "var", "mean", "sum", "max", "min", "flip", "roll", "split",
             "chunk", "narrow", "repeat_interleave", "tril", "triu", "one_hot", "outer", "cross", "kthvalue",
             "unique", "bincount", "histc", "cdist", "diag", "flatten", "squeeze", "unsqueeze", "transpose",
             "permute", "take", "nonzero", "allclose", "equal", "pow", "fmod", "remainder", "div",
             "floor_divide", "lerp", "addmm", "baddbmm", "tanh", "sigmoid", "exp", "log", "sqrt", "abs"]
METHODS = ["view", "reshape", "expand", "repeat", "narrow", "select", "unfold", "split", "chunk", "topk",
           "sum", "mean", "max", "min", "argmax", "softmax", "transpose", "permute", "index_fill_", "fill_",
           "masked_fill_", "scatter_", "scatter_add_", "index_add_", "gather", "item", "tolist", "to",
           "type", "view_as", "expand_as", "new_zeros", "new_full", "new_tensor", "clamp_", "pow_",
           "add_", "mul_", "div_", "sub_", "backward", "numpy", "float", "long", "bool", "__getitem__",
           "__setitem__", "__len__", "__iter__", "stride", "size", "dim", "contiguous", "unbind", "t",
           "resize_", "squeeze_", "unsqueeze_", "normal_", "uniform_", "random_", "bernoulli_", "cumsum",
           "std", "var", "norm", "sort", "argsort", "flip", "roll", "diag", "trace", "__format__"]
KEYWORDS = ["dim", "keepdim", "dtype", "out", "step", "size", "generator", "descending", "largest"]


def argument(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(NUMBERS)
    if roll < 0.8:
        return rng.choice(TENSORS)
    if roll < 0.9:
        return "[" + ", ".join(rng.choice(TENSORS) for _ in range(rng.randint(0, 3))) + "]"
    return f"slice({rng.choice(NUMBERS)}, {rng.choice(NUMBERS)}, {rng.choice(NUMBERS)})"


def call(rng: random.Random) -> str:
    args = [argument(rng) for _ in range(rng.randint(0, 3))]
    if rng.random() < 0.3:
        args.append(f"{rng.choice(KEYWORDS)}={argument(rng)}")
    if rng.random() < 0.5:
        return f"torch.{rng.choice(FUNCTIONS)}({', '.join(args)})"
    return f"({rng.choice(TENSORS)}).{rng.choice(METHODS)}({', '.join(args)})"


def program(statements: list[str]) -> str:
    lines = ["import torch", "import torch.nn.functional as F"]
    for statement in statements:
        lines += ["try:", f"    _ = {statement}", "    _ = repr(_)", "except Exception as e:", "    pass"]
    lines.append("print('done')")
    return "\n".join(lines) + "\n"


def survives(recur: str, statements: list[str], directory: Path) -> bool:
    path = directory / "batch.py"
    path.write_text(program(statements))
    try:
        done = subprocess.run([recur, "run", str(path)], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return False
    return done.returncode == 0 and done.stdout.endswith("done\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--recur", default=".build/debug/recur")
    options = parser.parse_args()
    rng = random.Random(options.seed)
    statements = [call(rng) for _ in range(options.count)]
    killers = []
    with tempfile.TemporaryDirectory() as directory:
        for start in range(0, len(statements), 40):
            batch = statements[start:start + 40]
            if survives(options.recur, batch, Path(directory)):
                continue
            for statement in batch:
                if not survives(options.recur, [statement], Path(directory)):
                    killers.append(statement)
                    print(statement, flush=True)
    print(f"{len(killers)} of {len(statements)} statements kill or hang the process", file=sys.stderr)
    return 1 if killers else 0


if __name__ == "__main__":
    sys.exit(main())
