#!/usr/bin/env python3
"""Builds notebooks/*.ipynb from tools/notebooks/content.py and runs them through the Recur
kernel, so the committed notebooks carry the outputs Recur produced.

Run with a Python that has nbclient and nbformat (the repository's .venv), after building
`recur`:

    python tools/notebooks/build.py [--check]

With --check nothing is written: each notebook is executed and its outputs compared with the
committed ones (see compare.py); the exit status is 1 on any difference.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import differences  # noqa: E402
from content import NOTEBOOKS  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "notebooks"


def install_kernelspec() -> Path:
    """Installs the freshly built binary's kernelspec into a temporary Jupyter path."""
    binary = os.environ.get("RECUR_BIN")
    if not binary:
        bin_dir = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, capture_output=True,
                                 text=True, check=True).stdout.strip()
        binary = str(Path(bin_dir) / "recur")
    prefix = Path(tempfile.mkdtemp(prefix="recur-notebooks-"))
    subprocess.run([binary, "install", "--prefix", str(prefix), "--name", "recur"], check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = str(prefix / "share" / "jupyter")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(prefix / "runtime")
    return prefix


def make(cells) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "recur", "display_name": "Recur", "language": "recur"}
    nb.metadata["language_info"] = {"name": "recur", "file_extension": ".recur"}
    for kind, source in cells:
        nb.cells.append(nbformat.v4.new_markdown_cell(source) if kind == "md" else nbformat.v4.new_code_cell(source))
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
    return nb


def run(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    NotebookClient(nb, kernel_name="recur", timeout=120, allow_errors=False, record_timing=False).execute()
    return nb


def main() -> int:
    check = "--check" in sys.argv[1:]
    prefix = install_kernelspec()
    failed = False
    try:
        OUT.mkdir(exist_ok=True)
        for name, cells in NOTEBOOKS.items():
            executed = run(make(cells))
            path = OUT / name
            if check:
                committed = nbformat.read(path, as_version=4)
                problems = differences(committed, executed)
                for problem in problems:
                    print(f"{name}: {problem}")
                failed |= bool(problems)
            else:
                nbformat.write(executed, path)
                print(f"wrote {path.relative_to(REPO)}")
    finally:
        shutil.rmtree(prefix, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
