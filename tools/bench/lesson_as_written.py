#!/usr/bin/env python3
"""Times the lesson's three programs as written (15 epochs, prints included) in PyTorch and
in Recur, the training loop only: everything from the `# Training Cycle` comment on.

Run with a Python that has torch, from the repository root, after `swift build -c release`:

    python tools/bench/lesson_as_written.py [--rounds 20] [--recur .build/release/recur]

The programs are read from Tests/ScriptTests/Programs/*.recur (they are valid Python). The
report gives each side's median milliseconds per 15-epoch loop and the ratio Recur / PyTorch
(the goal is at most 0.1).
"""
import argparse
import contextlib
import io
import json
import statistics
import subprocess
import time

import torch

PROGRAMS = ["rnncell", "rnn", "embedding"]
MARKER = "# Training Cycle"


def torch_loop_ms(name, rounds):
    source = open(f"Tests/ScriptTests/Programs/{name}.recur").read()
    setup, loop = source.split(MARKER, 1)
    loop_code = compile(MARKER + loop, f"{name}.recur", "exec")
    samples = []
    for _ in range(rounds + 1):
        namespace = {}
        with contextlib.redirect_stdout(io.StringIO()):
            exec(setup, namespace)
            start = time.perf_counter()
            exec(loop_code, namespace)
            samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples[1:])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--recur", default=".build/release/recur")
    args = parser.parse_args()
    torch.set_num_threads(2)
    recur = {}
    try:
        out = subprocess.run([args.recur, "bench", "--filter", "as_written", "--scale", str(args.rounds / 20)],
                             capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            case = json.loads(line)
            recur[case["case"].rsplit("_", 1)[-1]] = case["median_us"] / 1000
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"recur bench did not run: {error}")
    print(f"{'program':<12}{'PyTorch ms':>12}{'Recur ms':>12}{'ratio':>8}")
    for name in PROGRAMS:
        reference = torch_loop_ms(name, args.rounds)
        ours = recur.get(name)
        ratio = f"{ours / reference:8.3f}" if ours is not None else "       -"
        print(f"{name:<12}{reference:12.2f}{(ours if ours is not None else float('nan')):12.2f}{ratio}")


if __name__ == "__main__":
    main()
