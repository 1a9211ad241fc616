#!/usr/bin/env python3
"""Runs the lesson's first program (RNNCell learning "hello" -> "ohlol") through the Recur
kernel with jupyter_client, cell by cell, printing each cell and its outputs.

`make demo` builds Recur in release mode, installs its kernelspec into .venv and runs this
with .venv's Python. The generator is seeded first so the run is reproducible.
"""
from __future__ import annotations

import sys
from pathlib import Path

from jupyter_client.manager import start_new_kernel

REPO = Path(__file__).resolve().parents[1]
PROGRAM = REPO / "Tests" / "ScriptTests" / "Programs" / "rnncell.recur"


def cells() -> list[str]:
    """The program split where a top-level comment starts a section, as a student would."""
    chunks: list[list[str]] = [["import torch", "torch.manual_seed(5)"]]
    for line in PROGRAM.read_text().splitlines():
        if line.startswith("# ") and chunks[-1]:
            chunks.append([])
        chunks[-1].append(line)
    return ["\n".join(chunk) for chunk in chunks if any(chunk)]


def run_cell(kc, number: int, code: str) -> bool:
    print(f"In [{number}]:")
    for line in code.splitlines():
        print(f"    {line}")
    msg_id = kc.execute(code)
    ok = True
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "stream":
            sys.stdout.write(content["text"])
        elif kind == "execute_result":
            print(f"Out[{number}]: {content['data']['text/plain']}")
        elif kind == "error":
            ok = False
            print("\n".join(content["traceback"]))
        elif kind == "status" and content["execution_state"] == "idle":
            break
    print()
    return ok


def main() -> int:
    km, kc = start_new_kernel(kernel_name="recur", startup_timeout=30)
    try:
        for number, code in enumerate(cells(), start=1):
            if not run_cell(kc, number, code):
                return 1
        return 0
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    sys.exit(main())
